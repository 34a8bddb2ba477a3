"""The template's limits are the only limits (issue #12, finding 13).

Real procedures of the city's portal were refused by limits nobody set on purpose
(``max_length=255`` on vocabulary names, ``200`` on office addresses). Now a text is
limited only where the template limits it (title, summary, steps), where a unique index
needs a bound (names of reference records, ``INDEXED_NAME_MAX``) or where a standard does
(e-mail 254, URL 2048); the interchange schema says the same as the model.
"""

import re
from re import _constants as sre_constants
from re import _parser as sre_parse

import pytest
from django.apps import apps
from django.core.validators import MaxLengthValidator, URLValidator
from django.db import models
from django.urls import reverse
from wagtail.models import Page

from procedures import blocks
from procedures.interchange import schema
from procedures.models import (
    Category,
    Department,
    EFormPlatform,
    ElectronicAction,
    Employee,
    Office,
    OrganisationalUnit,
    ProcedurePage,
    UsefulInfo,
)
from procedures.validators import (
    CODE_PATTERN,
    INDEXED_NAME_MAX,
    STEP_COMMENT_MAX,
    STEP_NAME_MAX,
    SUMMARY_MAX,
    TITLE_MAX,
    MaxCharsValidator,
)

from .records import rejected, run_import, valid_record, write_records

# --- The three real cases -----------------------------------------------------------------

#: KA-01828 (Powiatowy Urząd Pracy), "Czynności możliwe do załatwienia drogą elektroniczną",
#: as published (shared/data/real-procedures.json): 345 characters.
REAL_ELECTRONIC_ACTION = (
    "uproszczony sposób elektronicznej rejestracji: wypełnienie wniosku o dokonanie "
    "rejestracji jako osoba bezrobotna w postaci elektronicznej dostępnego na stronie "
    "praca.gov.pl (lub za pośrednictwem elektronicznej platformy usług administracji "
    "publicznej), przesłanie go do właściwego powiatowego urzędu pracy oraz umówienie się "
    "na wizytę w urzędzie"
)

#: KA-01478, "Miejsce załatwienia" as published: 203 characters.
REAL_PLACE_ADDRESS = (
    "Biuro Promocji Zatrudnienia i Obsługi Działalności Gospodarczej, Oddział ds. Zezwoleń "
    "na Sprzedaż Napojów Alkoholowych, Al. Politechniki 32, 93-590 Łódź, pok. 217, e-mail: "
    "licencje.zezwolenia@uml.lodz.pl"
)

#: "Przydatne informacje" of 302 characters, as reported in the issue. The archived copies
#: in shared/data keep the first 244 characters of it (KA-01098); the portal's entry goes on
#: with where the originals are taken.
REAL_USEFUL_INFO = (
    "w przypadku osób, które uzyskały profil kandydata na kierowcę za pośrednictwem ESP "
    "PWPW przed wydaniem prawa jazdy istnieje obowiązek dostarczenia osobiście lub za "
    "pośrednictwem poczty oryginałów dokumentów załączonych do wniosku o wydanie PKK. "
    "Dokumenty odbiera Punkt Obsługi Klienta, ul. Smugowa 26a."
)


def test_the_real_texts_have_the_reported_lengths():
    assert len(REAL_ELECTRONIC_ACTION) == 345
    assert len(REAL_USEFUL_INFO) == 302
    assert len(REAL_PLACE_ADDRESS) == 203


@pytest.mark.django_db
def test_real_procedures_with_long_vocabulary_entries_and_address_import(procedure_index, tmp_path):
    place = {
        "name": "Biuro Promocji Zatrudnienia i Obsługi Działalności Gospodarczej",
        "address": REAL_PLACE_ADDRESS,
        "details": None,
        "phones": ["+48 (42) 638-56-29"],
    }
    records = [
        valid_record("KA-01828", electronic_actions=[REAL_ELECTRONIC_ACTION]),
        valid_record("KA-01098", useful_info=[REAL_USEFUL_INFO]),
        valid_record("KA-01478", places=[place]),
    ]
    for record in records:
        assert schema.is_valid(record)

    status, report = run_import(write_records(tmp_path, records), "--publish")

    assert rejected(report) == {}
    assert status == 0
    assert [r["status"] for r in report["records"]] == ["created"] * 3
    pages = {p.code: p for p in ProcedurePage.objects.live()}
    assert [a.name for a in pages["KA-01828"].electronic_actions.all()] == [REAL_ELECTRONIC_ACTION]
    assert [u.name for u in pages["KA-01098"].useful_info.all()] == [REAL_USEFUL_INFO]
    assert [c.value.address for c in pages["KA-01478"].places] == [REAL_PLACE_ADDRESS]


@pytest.mark.django_db
def test_a_name_over_the_index_bound_is_refused_naming_the_field(procedure_index, tmp_path):
    record = valid_record("KA-02101", useful_info=["x" * (INDEXED_NAME_MAX + 1)])

    status, report = run_import(write_records(tmp_path, [record]))

    (errors,) = rejected(report).values()
    assert [path for path, _ in errors] == ["useful_info"]
    assert not UsefulInfo.objects.filter(name__startswith="xxx").exists()


@pytest.mark.django_db
def test_office_and_employee_texts_are_edited_on_one_line_without_a_length_cap(
    superuser_client,
):
    for model in (Office, Employee):
        url = reverse(f"wagtailsnippets_procedures_{model._meta.model_name}:add")
        response = superuser_client.get(url)
        html = response.content.decode()
        assert response.status_code == 200
        assert re.search(r'<input type="text" name="name"', html), model
        assert 'maxlength="200"' not in html


# --- The schema and the model agree ---------------------------------------------------


def _pattern_width(pattern):
    """The longest text a regular expression matches; ``None`` when unbounded."""
    width = sre_parse.parse(pattern).getwidth()[1]
    return None if width >= sre_constants.MAXREPEAT else width


def _limit(max_length, validators):
    limits = [max_length]
    for validator in validators:
        if isinstance(validator, MaxCharsValidator):
            limits.append(validator.limit)
        elif isinstance(validator, MaxLengthValidator):
            limits.append(validator.limit_value)
        elif isinstance(validator, URLValidator):
            limits.append(validator.max_length)
    return min((limit for limit in limits if limit is not None), default=None)


def field(model, name):
    """The model's limit on a field: ``max_length`` or a validator's, the smaller."""
    model_field = model._meta.get_field(name)
    return lambda: _limit(model_field.max_length, model_field.validators)


def block(struct_block, name):
    """The limit of a StructBlock's child block."""
    child = struct_block.child_blocks[name]
    form_field = child.field
    return lambda: _limit(getattr(form_field, "max_length", None), form_field.validators)


def unlimited(reason):
    """Not stored as text (a path, a code looked up, a date): no limit in either."""
    return lambda: None


def _code_limit():
    return min(ProcedurePage._meta.get_field("code").max_length, _pattern_width(CODE_PATTERN))


def _title_limit():
    # Page.title's column is wider; the template's limit is checked in ProcedurePage.clean.
    assert ProcedurePage._meta.get_field("title").max_length >= TITLE_MAX
    return TITLE_MAX


def _amount_limit():
    amount = blocks.FeeBlock().child_blocks["amount"].field
    return amount.max_digits


_STEP = blocks.StepBlock()
_METHOD = blocks.AppointmentMethodBlock()
_FEE = blocks.FeeBlock()
_CHANNEL = blocks.SubmissionChannelBlock()
_DOCUMENT = blocks.DocumentBlock()
_EFORM = blocks.EFormLinkBlock()
_OTHER_DOCUMENT = blocks.OtherDocumentBlock()
_ACT = blocks.LegalActBlock()
_FAQ = blocks.FaqItemBlock()
_APPEAL = blocks.AppealBlock()


def _person(prefix):
    return {
        f"{prefix}.name": field(Employee, "name"),
        f"{prefix}.email": field(Employee, "email"),
        f"{prefix}.phone": field(Employee, "phone"),
    }


def _documents(group):
    return {
        f"required_documents.{group}[].name": block(_DOCUMENT, "name"),
        f"required_documents.{group}[].file": unlimited("a path beside the JSON file"),
        f"required_documents.{group}[].sample_file": unlimited("a path beside the JSON file"),
        f"required_documents.{group}[].eforms[].platform": field(EFormPlatform, "name"),
        f"required_documents.{group}[].eforms[].url": block(_EFORM, "url"),
    }


#: Every text of the format and where the model keeps it.
MODEL_LIMITS = {
    "code": _code_limit,
    "title": _title_limit,
    "categories[]": field(Category, "name"),
    "related_procedures[]": unlimited("codes looked up, never stored"),
    "valid_from": unlimited("a date and time"),
    "valid_to": unlimited("a date and time"),
    "information_date": unlimited("a date"),
    "summary": field(ProcedurePage, "summary"),
    "steps[].name": block(_STEP, "name"),
    "steps[].comment": block(_STEP, "comment"),
    "electronic_actions[]": field(ElectronicAction, "name"),
    "useful_info[]": field(UsefulInfo, "name"),
    "how_to": field(ProcedurePage, "how_to"),
    "additional_info": field(ProcedurePage, "additional_info"),
    "processing_time.description": field(ProcedurePage, "processing_time_description"),
    "places[].name": field(Office, "name"),
    "places[].address": field(Office, "address"),
    "places[].details": field(Office, "details"),
    "places[].phones[]": field(Office, "phones"),
    "appointment.methods[].value": block(_METHOD, "value"),
    "appointment.methods[].note": block(_METHOD, "note"),
    "fees[].type": block(_FEE, "type"),
    "fees[].amount": _amount_limit,
    "fees[].account": block(_FEE, "account"),
    "fees[].remarks": block(_FEE, "remarks"),
    "submission_channels[].details": block(_CHANNEL, "details"),
    "submission_channels[].platforms[]": field(EFormPlatform, "name"),
    "submission_deadline": field(ProcedurePage, "submission_deadline"),
    **_documents("to_submit"),
    **_documents("to_inspect"),
    "other_documents[].name": block(_OTHER_DOCUMENT, "name"),
    "other_documents[].file": unlimited("a path beside the JSON file"),
    "legal_basis[].title": block(_ACT, "title"),
    "legal_basis[].url": block(_ACT, "url"),
    "appeal": block(_APPEAL, "text"),
    "reuse_conditions": field(ProcedurePage, "reuse_conditions"),
    **_person("owner"),
    **_person("information_authors[]"),
    **_person("coordinator"),
    "unit": field(OrganisationalUnit, "name"),
    "department": field(Department, "name"),
    "cc_contacts[].name": field(Employee, "name"),
    "cc_contacts[].phone": field(Employee, "phone"),
    "cc_description": field(ProcedurePage, "cc_description"),
    "faq[].question": block(_FAQ, "question"),
    "faq[].answer": block(_FAQ, "answer"),
    "cc_other": field(ProcedurePage, "cc_other"),
}


def schema_texts(node=None, path=""):
    """``(path, limit)`` for every text of the schema: its ``maxLength``, or the longest
    text its ``pattern`` matches; ``None`` when neither bounds it."""
    document = schema.schema()
    node = document if node is None else node
    if "$ref" in node:
        node = document["$defs"][node["$ref"].rsplit("/", 1)[-1]]
    for alternative in node.get("oneOf", []):
        yield from schema_texts(alternative, path)
    types = node.get("type")
    types = types if isinstance(types, list) else [types]
    if "string" in types:
        limit = node.get("maxLength")
        if limit is None and "pattern" in node:
            limit = _pattern_width(node["pattern"])
        yield path, limit
    for name, child in node.get("properties", {}).items():
        yield from schema_texts(child, f"{path}.{name}" if path else name)
    if "items" in node:
        yield from schema_texts(node["items"], f"{path}[]")


def test_every_text_of_the_format_is_mapped_to_where_the_model_keeps_it():
    assert {path for path, _ in schema_texts()} == set(MODEL_LIMITS)


#: Bounds the shared schema (shared/spec, which this project may not change) cannot state:
#: the model's, from an index or a standard; the importer names the field when one is passed.
BOUNDS_BEYOND_THE_SCHEMA = {INDEXED_NAME_MAX, 254, 2048}


def test_the_schema_and_the_model_set_the_same_length_limits():
    differences = {
        path: (limit, MODEL_LIMITS[path]())
        for path, limit in schema_texts()
        if limit != MODEL_LIMITS[path]()
        and not (limit is None and MODEL_LIMITS[path]() in BOUNDS_BEYOND_THE_SCHEMA)
    }
    assert differences == {}, "path: (schema, model)"


#: Why each limit there is exists.
REASONS = {
    TITLE_MAX: "template: Nazwa procedury",
    SUMMARY_MAX: "template: Skrócony opis sprawy",
    STEP_NAME_MAX: "template: etap, nazwa",
    STEP_COMMENT_MAX: "template: etap, komentarz",
    11: "template: the code's format, KA-01147",
    INDEXED_NAME_MAX: "a unique name: its index needs a bound",
    254: "an e-mail address (RFC 5321)",
    2048: "a URL (Django's URLValidator)",
}


def test_the_only_limits_are_the_templates_an_index_or_a_standard():
    limits = {path: MODEL_LIMITS[path]() for path in MODEL_LIMITS}
    assert {path: n for path, n in limits.items() if n is not None and n not in REASONS} == {}
    assert limits["places[].address"] is None
    assert limits["appointment.methods[].value"] is None


#: Every other bounded text column of the app, and why it may be bounded.
OTHER_BOUNDED_COLUMNS = {
    ("ProcedurePage", "code"): "the template's code format (11 characters)",
    ("DeletedProcedure", "code"): "a procedure's code",
    ("ProcedurePage", "processing_time_unit"): "a choice",
    ("UpdateRequest", "source"): "a choice",
    ("UpdateRequest", "status"): "a choice",
    ("Category", "slug"): "derived from the name, never typed",
    ("OrganisationalUnit", "short_name"): "an abbreviation, outside the template and format",
    ("Department", "short_name"): "an abbreviation, outside the template and format",
    ("ProcedureDocument", "title"): "Wagtail's document title; the block keeps the name",
    ("ProcedureDocument", "file_hash"): "a SHA-1 digest",
    ("SchedulerHeartbeat", "worker"): "host and process id, written by the system",
    ("Employee", "email"): "an e-mail address (RFC 5321)",
    ("UpdateRequest", "requester_email"): "an e-mail address (RFC 5321)",
    ("EFormPlatform", "url"): "a URL (Django's URLValidator)",
    # The update-request form, outside the procedure template; e-mails are cut to fit.
    ("UpdateRequest", "requester_name"): "update request",
    ("UpdateRequest", "subject"): "update request",
    ("UpdateRequest", "message_id"): "an e-mail header (RFC 5322 line)",
    ("UpdateRequestAttachment", "name"): "update request",
}


def test_no_other_text_column_of_the_app_has_a_length_limit():
    bounded = {
        (model.__name__, f.name)
        for model in apps.get_app_config("procedures").get_models()
        for f in model._meta.get_fields()
        if isinstance(f, models.CharField)
        and f.model is model
        and f.max_length
        and f.max_length != INDEXED_NAME_MAX
    }
    assert bounded - set(OTHER_BOUNDED_COLUMNS) == set()
    assert Page._meta.get_field("title").max_length >= TITLE_MAX
