"""The one mapping between a procedure page and the interchange format (v1).

Every key of ``procedure.schema.json`` has a :class:`Key` here: how to read it from a page
(``dump``) and how to write it onto a page (``load``), made from its row of
:data:`procedures.fields.FIELDS` (the model attribute and the kind of interchange; a
structure of its own has its converters in ``_STRUCTURES``). The importer, the exporter
and the API all go through these keys. Whether a key leaves the system without restricted
access is decided by :data:`procedures.public.PUBLIC_FIELDS`.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.admin.rich_text.converters.db_html import DbHTMLConverter

from procedures import references
from procedures.dates import to_the_minute
from procedures.fields import FIELDS, Interchange
from procedures.models import (
    Department,
    EFormPlatform,
    Employee,
    InformationAuthor,
    LegalActKind,
    Office,
    OrganisationalUnit,
    ProcedurePage,
    RelatedProcedure,
)
from procedures.public import PUBLIC_FIELDS
from procedures.rich_text import canonical_rich_text
from procedures.text import looks_like_html, plain_text_to_html
from procedures.validators import format_nrb


class RecordError(Exception):
    """A value of a record that cannot be applied: its path and a Polish reason."""

    def __init__(self, path, message):
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


@dataclass
class LoadContext:
    """What loading one record needs besides the page: files, references, findings."""

    documents: Any = None  # procedures.interchange.files.DocumentLoader
    warnings: list = field(default_factory=list)
    deferred_related: list = field(default_factory=list)  # codes not found yet


@dataclass
class DumpContext:
    """What dumping needs besides the page: how to name files, and for whom."""

    documents: Any = None  # procedures.interchange.files.DocumentDumper
    #: False for public output: people are then named, never given with e-mail or phone.
    with_restricted: bool = False
    #: Ids of the procedures public now, when the caller already has them (one query for
    #: a whole listing); otherwise looked up for the links of each procedure.
    public_ids: Any = None


@dataclass(frozen=True)
class Key:
    """One key of the format: ``dump(page, ctx)`` → JSON value; ``load(page, value, ctx)``."""

    name: str
    dump: Callable[[ProcedurePage, DumpContext], Any]
    load: Callable[[ProcedurePage, Any, LoadContext], None]
    #: Dump result that means "nothing here": the key is left out of the export.
    omit_if: Callable[[Any], bool] = staticmethod(lambda value: False)

    @property
    def public(self):
        return self.name in PUBLIC_FIELDS


# --- Small converters ---------------------------------------------------------------------


def _text(value):
    return value or None


#: Elements dropped with what they hold: their text is code or styling, never content.
_DROPPED_WITH_CONTENT = ["script", "style", "noscript", "template", "iframe", "object"]


@cache
def _rich_text_converter(features):
    return DbHTMLConverter(list(features))


def _html_in(value, features):
    """Imported rich text as the editor would store it: plain text becomes paragraphs;
    HTML keeps only what the field's ``features`` allow, through the same allow-list as
    the admin's editor (no ``<script>``, no ``on…=`` attributes, no ``javascript:``
    links, no formatting the field does not offer); then it is written in the editor's
    own form (:func:`procedures.rich_text.canonical_rich_text`), so saving it unchanged in
    the admin changes nothing."""
    if not value:
        return ""
    if not looks_like_html(value):
        return canonical_rich_text(plain_text_to_html(value), features)
    document = BeautifulSoup(value, "html.parser")
    for element in document.find_all(_DROPPED_WITH_CONTENT):
        element.decompose()
    cleaned, _removed = _rich_text_converter(tuple(features)).clean(str(document))
    return canonical_rich_text(cleaned, features)


def _field_features(name):
    return ProcedurePage._meta.get_field(name).features


def _block_features(field_name, *path):
    """The rich-text features of a block inside a stream field, e.g. the FAQ's answer."""
    block = ProcedurePage._meta.get_field(field_name).stream_block
    for name in path:
        block = block.child_blocks[name]
    return block.features


def _datetime_out(value):
    return timezone.localtime(value).isoformat() if value else None


def _datetime_in(path):
    def convert(value):
        if value in (None, ""):
            return None
        try:
            parsed = datetime.fromisoformat(value)
        except (TypeError, ValueError) as error:
            raise RecordError(
                path, f"„{value}” nie jest datą i godziną (np. 2026-01-31T08:00:00+01:00)."
            ) from error
        # Stored to the minute, as the admin's form shows it (see procedures.dates).
        parsed = to_the_minute(parsed)
        return timezone.make_aware(parsed) if timezone.is_naive(parsed) else parsed

    return convert


def _date_out(value):
    return value.isoformat() if value else None


def _date_in(path):
    def convert(value):
        if value in (None, ""):
            return None
        try:
            return date.fromisoformat(value)
        except (TypeError, ValueError) as error:
            raise RecordError(path, f"„{value}” nie jest datą (RRRR-MM-DD).") from error

    return convert


def _person_out(employee):
    if employee is None:
        return None
    return {"name": employee.name, "email": employee.email or None, "phone": employee.phone or None}


def held_relations(record):
    """Names of ``record``'s foreign keys set to a row read from or written to the database
    in this job (a department, a person, a term the mapping looked up or created):
    ``full_clean(exclude=…)`` need not ask the database once more whether each exists.
    Keys that a uniqueness rule or a constraint names are never among them, so those
    rules are checked as always; so is everything else about the record."""
    held = []
    for key in record._meta.concrete_fields:
        if not key.many_to_one or key.name in _constrained(record):
            continue
        related = key.get_cached_value(record, None)
        if (
            related is not None
            and not related._state.adding
            and related.pk is not None
            and related.pk == getattr(record, key.attname)
        ):
            held.append(key.name)
    return held


def _constrained(record):
    """Names of the fields that the uniqueness rules and constraints of ``record``'s model
    (and its parents) name."""
    model = type(record)
    if model not in _CONSTRAINED:
        _CONSTRAINED[model] = _constrained_fields(record)
    return _CONSTRAINED[model]


_CONSTRAINED = {}


def _constrained_fields(record):
    names = set()
    unique_checks, _ = record._get_unique_checks(include_meta_constraints=True)
    names.update(name for _, fields in unique_checks for name in fields)
    for _, constraints in record.get_constraints():
        for constraint in constraints:
            names.update(getattr(constraint, "fields", ()))
            condition = getattr(constraint, "condition", None)
            if condition is not None:
                names.update(condition.referenced_base_fields)
            for expression in getattr(constraint, "expressions", ()):
                names.update(ref.split("__")[0] for ref in _references_of(expression))
    return frozenset(names)


def _references_of(expression):
    name = getattr(expression, "name", None)
    if isinstance(name, str):
        yield name
    for child in getattr(expression, "get_source_expressions", lambda: [])():
        yield from _references_of(child)


def _created(model, path, **fields):
    """A new reference record, checked by its model's rules first (e.g. name lengths)."""
    record = model(**fields)
    try:
        # Slugs are derived on save (Category), never given in the format.
        record.full_clean(validate_unique=False, exclude=["slug", *held_relations(record)])
    except ValidationError as error:
        detail = "; ".join(f"{name}: {', '.join(ms)}" for name, ms in error.message_dict.items())
        raise RecordError(path, f"Nie można dopisać {model._meta.verbose_name}: {detail}") from (
            error
        )
    record.save()
    return record


def _person_in(person, department, path):
    """An employee matched by name, created in ``department`` when missing."""
    employee = references.lookup(
        (Employee, person["name"]),
        lambda: Employee.objects.filter(name=person["name"]).order_by("pk").first(),
    )
    if employee is None:
        if department is None:
            raise RecordError("department", "Podaj komórkę, aby dopisać nowych pracowników.")
        employee = _created(
            Employee,
            path,
            name=person["name"],
            email=person.get("email") or "",
            phone=person.get("phone") or "",
            department=department,
        )
        references.remember((Employee, person["name"]), employee)
    return employee


def _term(model, name, path):
    return references.lookup(
        (model, name),
        lambda: model.objects.filter(name=name).first() or _created(model, path, name=name),
    )


def _stream_values(stream, block_type=None):
    return [child.value for child in stream if block_type in (None, child.block_type)]


def _is_marked(stream, marker):
    return any(child.block_type == marker for child in stream)


# --- Keys -----------------------------------------------------------------------------------


def _dump_related(page, ctx):
    links = list(page.related_procedures.all())
    if ctx.with_restricted or not links:
        return [link.procedure.code for link in links]
    # Public output never names an internal, withdrawn or not-yet-valid procedure.
    public_ids = ctx.public_ids
    if public_ids is None:
        public_ids = set(
            ProcedurePage.objects.public()
            .filter(pk__in=[link.procedure_id for link in links])
            .values_list("pk", flat=True)
        )
    return [link.procedure.code for link in links if link.procedure_id in public_ids]


def _load_related(page, codes, ctx):
    found = {p.code: p for p in ProcedurePage.objects.filter(code__in=codes or [])}
    links = []
    for position, code in enumerate(codes or []):
        if code in found:
            links.append(RelatedProcedure(procedure=found[code], sort_order=position))
        else:
            ctx.deferred_related.append(code)
    page.related_procedures = links


def _dump_authors(page, ctx):
    people = [_person_out(author.employee) for author in page.information_authors.all()]
    if not ctx.with_restricted:
        # BIP names who produced the information; staff contact details stay internal.
        people = [{"name": person["name"], "email": None, "phone": None} for person in people]
    return people


def _load_authors(page, people, ctx):
    page.information_authors = [
        InformationAuthor(
            employee=_person_in(person, page.department, f"information_authors[{position}]"),
            sort_order=position,
        )
        for position, person in enumerate(people or [])
    ]


def _dump_processing_time(page, ctx):
    if (
        page.processing_time_value is None
        and not page.processing_time_unit
        and not (page.processing_time_description)
    ):
        return None
    return {
        "value": page.processing_time_value,
        "unit": page.processing_time_unit or None,
        "description": page.processing_time_description or None,
    }


def _load_processing_time(page, value, ctx):
    value = value or {}
    page.processing_time_value = value.get("value")
    page.processing_time_unit = value.get("unit") or ""
    page.processing_time_description = value.get("description") or ""


def _dump_steps(page, ctx):
    return [
        {"name": v["name"], "comment": v["comment"] or None, "electronic": bool(v["electronic"])}
        for v in _stream_values(page.steps)
    ]


def _load_steps(page, steps, ctx):
    page.steps = [
        {
            "type": "step",
            "value": {
                "name": step["name"],
                "comment": step.get("comment") or "",
                "electronic": bool(step.get("electronic", False)),
            },
        }
        for step in steps or []
    ]


def _dump_places(page, ctx):
    return [
        {
            "name": office.name,
            "address": office.address or None,
            "details": office.details or None,
            "phones": office.phone_list,
        }
        for office in _stream_values(page.places)
        if office is not None
    ]


def _load_places(page, places, ctx):
    stream = []
    for index, place in enumerate(places or []):

        def find(place=place, index=index):
            offices = Office.objects.filter(name=place["name"])
            if place.get("address"):
                offices = offices.filter(address=place["address"])
            return offices.order_by("pk").first() or _created(
                Office,
                f"places[{index}]",
                name=place["name"],
                address=place.get("address") or "",
                details=place.get("details") or "",
                phones=", ".join(place.get("phones") or []),
            )

        office = references.lookup((Office, place["name"], place.get("address")), find)
        stream.append({"type": "office", "value": office.pk})
    page.places = stream


def _dump_appointment(page, ctx):
    if _is_marked(page.appointment, "not_applicable"):
        return "nie dotyczy"
    for booking in _stream_values(page.appointment, "booking"):
        return {
            "required": bool(booking["required"]),
            "methods": [
                {"kind": m["kind"], "value": m["value"], "note": m["note"] or None}
                for m in booking["methods"]
            ],
        }
    return None


def _load_appointment(page, value, ctx):
    if value is None:
        page.appointment = []
    elif value == "nie dotyczy":
        page.appointment = [{"type": "not_applicable", "value": None}]
    else:
        page.appointment = [
            {
                "type": "booking",
                "value": {
                    "required": bool(value.get("required", False)),
                    "methods": [
                        {"kind": m["kind"], "value": m["value"], "note": m.get("note") or ""}
                        for m in value.get("methods") or []
                    ],
                },
            }
        ]


def _amount_out(amount):
    return f"{Decimal(amount):.2f}" if amount is not None else None


def _dump_fees(page, ctx):
    if _is_marked(page.fees, "none"):
        return "brak"
    fees = [
        {
            "type": fee["type"],
            "amount": _amount_out(fee["amount"]),
            "account": format_nrb(fee["account"]),
            "remarks": fee["remarks"] or None,
        }
        for fee in _stream_values(page.fees, "fee")
    ]
    return fees or None


def _load_fees(page, value, ctx):
    if value == "brak":
        page.fees = [{"type": "none", "value": None}]
        return
    stream = []
    for index, fee in enumerate(value or []):
        try:
            amount = str(Decimal(fee["amount"]))
        except (InvalidOperation, TypeError) as error:
            raise RecordError(f"fees[{index}].amount", "Kwota musi być liczbą, np. 17.00.") from (
                error
            )
        stream.append(
            {
                "type": "fee",
                "value": {
                    "type": fee["type"],
                    "amount": amount,
                    "account": fee["account"],
                    "remarks": fee.get("remarks") or "",
                },
            }
        )
    page.fees = stream


def _dump_channels(page, ctx):
    if _is_marked(page.submission_channels, "not_applicable"):
        return "nie dotyczy"
    channels = [
        {
            "kind": channel["kind"],
            "details": channel["details"] or None,
            "platforms": [platform.name for platform in channel["platforms"] if platform],
        }
        for channel in _stream_values(page.submission_channels, "channel")
    ]
    return channels or None


def _load_channels(page, value, ctx):
    if value == "nie dotyczy":
        page.submission_channels = [{"type": "not_applicable", "value": None}]
        return
    page.submission_channels = [
        {
            "type": "channel",
            "value": {
                "kind": channel["kind"],
                "details": channel.get("details") or "",
                "platforms": [
                    _term(EFormPlatform, name, f"submission_channels[{i}].platforms").pk
                    for name in channel.get("platforms") or []
                ],
            },
        }
        for i, channel in enumerate(value or [])
    ]


def _dump_document(value, ctx):
    return {
        "name": value["name"],
        "file": ctx.documents.reference(value["file"]),
        "sample_file": ctx.documents.reference(value["sample_file"]),
        "eforms": [
            {"platform": eform["platform"].name, "url": eform["url"] or None}
            for eform in value["eforms"]
            if eform["platform"]
        ],
    }


def _dump_required_documents(page, ctx):
    return {
        group: [_dump_document(v, ctx) for v in _stream_values(page.required_documents, group)]
        for group in ("to_submit", "to_inspect")
    }


def _load_document(doc, path, ctx):
    return {
        "name": doc["name"],
        "file": ctx.documents.load(doc.get("file"), f"{path}.file", title=doc["name"], form=True),
        "sample_file": ctx.documents.load(
            doc.get("sample_file"), f"{path}.sample_file", title=f"{doc['name']} – wzór"
        ),
        "eforms": [
            {
                "platform": _term(EFormPlatform, e["platform"], f"{path}.eforms").pk,
                "url": e.get("url") or "",
            }
            for e in doc.get("eforms") or []
        ],
    }


def _load_required_documents(page, value, ctx):
    value = value or {}
    page.required_documents = [
        {"type": group, "value": _load_document(doc, f"required_documents.{group}[{i}]", ctx)}
        for group in ("to_submit", "to_inspect")
        for i, doc in enumerate(value.get(group) or [])
    ]


def _dump_other_documents(page, ctx):
    return [
        {"name": v["name"], "file": ctx.documents.reference(v["file"])}
        for v in _stream_values(page.other_documents)
    ]


def _load_other_documents(page, value, ctx):
    page.other_documents = [
        {
            "type": "document",
            "value": {
                "name": doc["name"],
                "file": ctx.documents.load(
                    doc.get("file"), f"other_documents[{i}].file", title=doc["name"]
                ),
            },
        }
        for i, doc in enumerate(value or [])
    ]


def _dump_legal_basis(page, ctx):
    return [
        {
            "kind": act["kind"].name if act["kind"] else None,
            "title": act["title"],
            "url": act["url"] or None,
        }
        for act in _stream_values(page.legal_basis)
    ]


def _load_legal_basis(page, value, ctx):
    page.legal_basis = [
        {
            "type": "act",
            "value": {
                "kind": _term(LegalActKind, act["kind"], f"legal_basis[{i}].kind").pk
                if act.get("kind")
                else None,
                "title": act["title"],
                "url": act.get("url") or "",
            },
        }
        for i, act in enumerate(value or [])
    ]


def _dump_appeal(page, ctx):
    if _is_marked(page.appeal, "none"):
        return "brak"
    for text in _stream_values(page.appeal, "text"):
        return text.source
    return None


def _load_appeal(page, value, ctx):
    if value is None:
        page.appeal = []
    elif value.strip() == "brak":
        page.appeal = [{"type": "none", "value": None}]
    else:
        features = _block_features("appeal", "text")
        page.appeal = [{"type": "text", "value": _html_in(value, features)}]


def _dump_cc_contacts(page, ctx):
    return [
        {"name": employee.name, "phone": employee.phone}
        for employee in _stream_values(page.cc_contacts)
        if employee is not None
    ]


def _load_cc_contacts(page, value, ctx):
    page.cc_contacts = [
        {
            "type": "employee",
            "value": _person_in(contact, page.department, f"cc_contacts[{i}]").pk,
        }
        for i, contact in enumerate(value or [])
    ]


def _dump_faq(page, ctx):
    return [
        {"question": item["question"], "answer": item["answer"].source}
        for item in _stream_values(page.faq)
    ]


def _load_faq(page, value, ctx):
    features = _block_features("faq", "item", "answer")
    page.faq = [
        {
            "type": "item",
            "value": {"question": q["question"], "answer": _html_in(q["answer"], features)},
        }
        for q in value or []
    ]


def _names_loader(attribute, model):
    def load(page, names, ctx):
        setattr(page, attribute, [_term(model, name, attribute) for name in names or []])

    return load


def _names_dumper(attribute):
    return lambda page, ctx: sorted(term.name for term in getattr(page, attribute).all())


def _attr(attribute, convert_out=lambda v: v, convert_in=lambda v: v):
    return (
        lambda page, ctx: convert_out(getattr(page, attribute)),
        lambda page, value, ctx: setattr(page, attribute, convert_in(value)),
    )


def _plain(attribute, default=""):
    return _attr(attribute, _text, lambda v: v if v is not None else default)


def _rich(attribute):
    return _attr(attribute, _text, lambda value: _html_in(value, _field_features(attribute)))


def _empty(value):
    return value is None


def _person(path, attribute):
    return (
        lambda page, ctx: _person_out(getattr(page, attribute)),
        lambda page, value, ctx: setattr(
            page, attribute, _person_in(value, page.department, path) if value else None
        ),
    )


def _organisation_out(attribute):
    # The unit is the department's: both are known once the department is.
    return lambda page, ctx: getattr(page, attribute).name if page.department_id else None


def _department(unit_name, department_name):
    unit = OrganisationalUnit.objects.filter(name=unit_name).first() or _created(
        OrganisationalUnit, "unit", name=unit_name
    )
    found = Department.objects.select_related("unit").filter(unit=unit, name=department_name)
    return found.first() or _created(Department, "department", unit=unit, name=department_name)


def load_unit_and_department(page, record):
    """Jednostka and Komórka: matched by name, created when missing. Loaded first."""
    unit_name, department_name = record.get("unit"), record.get("department")
    if not unit_name or not department_name:
        return
    page.department = references.lookup(
        (Department, unit_name, department_name),
        lambda: _department(unit_name, department_name),
    )


#: Converters of the keys whose rows say ``Interchange.STRUCTURE``: (dump, load[, omit_if]).
_STRUCTURES = {
    "related_procedures": (_dump_related, _load_related),
    "steps": (_dump_steps, _load_steps),
    "processing_time": (_dump_processing_time, _load_processing_time),
    "places": (_dump_places, _load_places),
    "appointment": (_dump_appointment, _load_appointment, _empty),
    "fees": (_dump_fees, _load_fees, _empty),
    "submission_channels": (_dump_channels, _load_channels, _empty),
    "required_documents": (_dump_required_documents, _load_required_documents),
    "other_documents": (_dump_other_documents, _load_other_documents),
    "cc_contacts": (_dump_cc_contacts, _load_cc_contacts),
    "faq": (_dump_faq, _load_faq),
    "legal_basis": (_dump_legal_basis, _load_legal_basis),
    "appeal": (_dump_appeal, _load_appeal, _empty),
    "information_authors": (_dump_authors, _load_authors),
}


def _key(row):
    """The :class:`Key` of a row of :data:`procedures.fields.FIELDS`, by its interchange."""
    name, attribute = row.key, row.attribute
    match row.interchange:
        case Interchange.VALUE:
            return Key(name, *_attr(attribute))
        case Interchange.FLAG:
            return Key(name, *_attr(attribute, bool, bool))
        case Interchange.TEXT:
            return Key(name, *_plain(attribute))
        case Interchange.RICH_TEXT:
            return Key(name, *_rich(attribute))
        case Interchange.DATE:
            return Key(name, *_attr(attribute, _date_out, _date_in(name)))
        case Interchange.DATETIME:
            return Key(name, *_attr(attribute, _datetime_out, _datetime_in(name)))
        case Interchange.TERMS:
            model = ProcedurePage._meta.get_field(attribute).related_model
            return Key(name, _names_dumper(attribute), _names_loader(attribute, model))
        case Interchange.PERSON:
            return Key(name, *_person(name, attribute), omit_if=_empty)
        case Interchange.ORGANISATION:
            # Loaded together, before every other key (load_unit_and_department).
            return Key(name, _organisation_out(attribute), lambda page, value, ctx: None)
        case Interchange.STRUCTURE:
            dump, load, *omit_if = _STRUCTURES[name]
            return Key(name, dump, load, *omit_if)
    raise ValueError(f"{row.interchange!r} of {name!r} has no converters")


KEYS = [_key(row) for row in FIELDS]

KEYS_BY_NAME = {key.name: key for key in KEYS}

#: Model field names whose errors belong to a differently named key of the format.
MODEL_FIELD_TO_KEY = {
    **{
        model_field: f"{row.key}.{part}" if part else row.key
        for row in FIELDS
        for part, model_field in (row.parts.items() or [(None, row.attribute)])
        if model_field != row.key
    },
    # The slug is made from the title.
    "slug": "title",
}


def dump_procedure(page, *, with_restricted=False, documents=None, public_ids=None):
    """The procedure as a format-v1 dict; restricted keys only when asked for.

    Without restricted access, related procedures are only the ones public now
    (``public_ids`` may give their ids, to look them up once for many procedures).
    """
    ctx = DumpContext(documents=documents, with_restricted=with_restricted, public_ids=public_ids)
    data = {}
    for key in KEYS:
        if not (key.public or with_restricted):
            continue
        value = key.dump(page, ctx)
        if key.omit_if(value):
            continue
        data[key.name] = value
    return data


def load_procedure(page, record, ctx):
    """Apply a (schema-valid) record to ``page``; keys absent from the record stay as they are.

    Raises :class:`RecordError` for a value that cannot be applied (e.g. a missing file);
    the model's own rules are checked afterwards by the importer.
    """
    try:
        load_unit_and_department(page, record)
    except RecordError as error:
        return [error]
    errors = []
    for key in KEYS:
        if key.name not in record or key.name in ("unit", "department"):
            continue
        try:
            key.load(page, record[key.name], ctx)
        except RecordError as error:
            errors.append(error)
    return errors
