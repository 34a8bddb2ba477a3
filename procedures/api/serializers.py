"""What the API says about a procedure: the interchange format's public keys plus BIP metadata.

Item content comes from the interchange mapping (:mod:`procedures.interchange.mapping`), so
the API carries exactly the keys and values of an export without restricted access; which
keys those are is decided by :data:`procedures.public.PUBLIC_FIELDS` through ``Key.public``.
"""

from collections import defaultdict
from contextlib import contextmanager
from functools import cache

from django.db.models import Exists, OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone
from wagtail.blocks import BaseStreamBlock, BaseStructBlock, ListBlock
from wagtail.fields import StreamField

from procedures import references
from procedures.blocks import RememberedRecordsMixin
from procedures.interchange.files import DocumentDumper
from procedures.interchange.mapping import KEYS, DumpContext, dump_procedure
from procedures.links import absolute_url, page_url
from procedures.models import ProcedurePage, UpdateRequest

from .relations import RecordsQuery, Relation, aware, load_relations, with_relations

#: Content keys a client may ask for: the interchange format's public keys, in its order.
CONTENT_FIELDS = tuple(key.name for key in KEYS if key.public)
#: Every field a client may name in ``?fields=``.
FIELDS = (*CONTENT_FIELDS, "bip")
#: Fields of a listing item when ``?fields=`` is not given: cheap, no per-item queries.
LISTING_DEFAULT_FIELDS = ("title", "code")

PAGE_TYPE = "procedures.ProcedurePage"

#: StreamFields that hold content keys: the records chosen in them are fetched in one pass.
STREAM_FIELDS = tuple(
    field.name
    for field in ProcedurePage._meta.concrete_fields
    if isinstance(field, StreamField) and field.name in CONTENT_FIELDS
)


#: The relations the public keys and the BIP metadata read: the department with its unit,
#: the live version with its author, and the to-many ones, each linked procedure with its
#: code and whether it is public at the instant of the query (``procedure_public``, see
#: :func:`public_related_ids`).
RELATIONS = (
    Relation("department", records={"unit": None}),
    # Not the version's content (the whole page as JSON): only its author is read.
    Relation(
        "live_revision",
        fields=("id", "user_id"),
        records={"user": ("id", "username", "first_name", "last_name")},
    ),
    Relation("categories"),
    Relation("electronic_actions"),
    Relation("useful_info"),
    Relation(
        "related_procedures",
        records={"procedure": ("id", "page_ptr_id", "code")},
        annotations={
            "procedure_public": lambda at: Exists(
                ProcedurePage.objects.public(at).filter(pk=OuterRef("procedure_id"))
            )
        },
    ),
    Relation("information_authors", records={"employee": None}),
)


def public_procedures(at=None):
    """The procedures public at ``at`` (default: now; ``ProcedurePage.objects.public()``) in
    the API's stable order."""
    return ProcedurePage.objects.public(at).order_by("code", "pk")


def with_content(queryset, at=None):
    """``queryset`` with everything the mapping's public keys and the BIP metadata read, in
    its one query however many procedures it holds; read it with :func:`fetch`.

    The relations (:data:`RELATIONS`) come as JSON, related procedures marked public or not
    at ``at`` (default: now): :func:`fetch` puts them where ``select_related`` and
    ``prefetch_related`` would. Each page carries the creation time of the newest done
    update request its live version resolved (``resolving_request_at``), for
    :func:`information_date`. Records chosen in StreamFields are fetched by
    :func:`chosen_records`.
    """
    resolving_requests = UpdateRequest.objects.resolving(OuterRef("live_revision_id"))
    return with_relations(
        queryset.annotate(
            resolving_request_at=Subquery(resolving_requests.values("created_at")[:1])
        ),
        RELATIONS,
        at or timezone.now(),
    )


def fetch(pages):
    """The pages of ``pages`` (a queryset from :func:`with_content`, or a raw query of its
    SQL), each with its relations in place and ``resolving_request_at`` a datetime."""
    pages = load_relations(list(pages), RELATIONS)
    for page in pages:
        page.resolving_request_at = aware(page.resolving_request_at)
    return pages


def public_related_ids(page):
    """Ids of the procedures ``page`` links to that are public now (no query for a page
    from :func:`with_content`)."""
    return {link.procedure_id for link in page.related_procedures.all() if link.procedure_public}


def _chosen_ids(block, raw, found):
    """Adds the ids chosen in ``raw`` (stored data of ``block``) to ``found[model]``, for
    the chooser blocks that read remembered records (``RememberedRecordsMixin``)."""
    if raw is None:
        return
    if isinstance(block, RememberedRecordsMixin):
        found[block.model_class].add(raw)
    elif isinstance(block, BaseStreamBlock):
        for child in raw:
            child_block = block.child_blocks.get(child["type"])
            if child_block is not None:
                _chosen_ids(child_block, child["value"], found)
    elif isinstance(block, BaseStructBlock):
        for name, child_block in block.child_blocks.items():
            _chosen_ids(child_block, raw.get(name), found)
    elif isinstance(block, ListBlock):
        for item in raw:
            in_block_format = (
                isinstance(item, dict) and item.keys() >= {"id", "value"} and item["type"] == "item"
            )
            _chosen_ids(block.child_block, item["value"] if in_block_format else item, found)


@contextmanager
def chosen_records(pages, fields=CONTENT_FIELDS):
    """Inside the block, the records chosen in the ``fields`` StreamFields of ``pages``
    (offices, documents, platforms, kinds of act…) are fetched already: one query for all
    of them, however many pages, blocks and models there are."""
    with references.remembered():
        found = defaultdict(set)
        for page in pages:
            for name in STREAM_FIELDS:
                if name in fields:
                    stream = getattr(page, name)
                    _chosen_ids(stream.stream_block, list(stream.raw_data), found)
        if pages:
            records = _records_query(pages[0]._state.db).fetch(found)
            for model, ids in found.items():
                references.remember_records(model, ids, records[model])
        yield


def _chooser_models(block):
    """The models chosen in ``block`` and its children through the chooser blocks that
    read remembered records (``RememberedRecordsMixin``)."""
    if isinstance(block, RememberedRecordsMixin):
        return {block.model_class}
    children = getattr(block, "child_blocks", None) or {}
    if isinstance(block, ListBlock):
        children = {"item": block.child_block}
    return set().union(*(_chooser_models(child) for child in children.values()))


#: The models whose records the public StreamFields choose (offices, documents…).
CHOSEN_MODELS = sorted(
    set().union(
        *(
            _chooser_models(ProcedurePage._meta.get_field(name).stream_block)
            for name in STREAM_FIELDS
        )
    ),
    key=lambda model: model._meta.label,
)


@cache
def _records_query(using):
    return RecordsQuery(CHOSEN_MODELS, using)


class RequestDocumentDumper(DocumentDumper):
    """Documents as absolute download URLs on the host the client called.

    Remembers the documents it named, so the serializer can add their size and format.
    """

    def __init__(self, request):
        super().__init__()
        self.request = request
        self.named = {}

    def reference(self, document):
        if document is None:
            return None
        url = absolute_url(document.url)
        self.named[url] = document
        return url


def _datetime(value):
    return timezone.localtime(value).isoformat() if value else None


def _date(value):
    return value.isoformat() if value else None


def _display_name(user):
    """The user's full name, else the username unless it is an e-mail address."""
    if user is None:
        return None
    name = user.get_full_name().strip()
    if name:
        return name
    username = user.get_username()
    return None if "@" in username else username


def information_date(page):
    """Field 6 of a page from :func:`with_content`, without a query: the date as entered,
    else the date of the update request behind the live version (the same rule as
    ``PublicProcedure(page).information_date``)."""
    if page.information_date:
        return page.information_date
    requested_at = page.resolving_request_at
    return timezone.localdate(requested_at) if requested_at else None


def bip_metadata(page):
    """The metadata BIP shows under a published piece of information (``page`` from
    :func:`with_content`)."""
    live_revision = page.live_revision
    return {
        "publishing_entity": page.unit.name if page.unit else None,
        "information_authors": [
            {"name": author.employee.name, "position": author.employee.position or None}
            for author in page.information_authors.all()
        ],
        "entered_by": _display_name(live_revision.user if live_revision else None),
        "information_date": _date(information_date(page)),
        "published_at": _datetime(page.first_published_at),
        "last_published_at": _datetime(page.last_published_at),
        "valid_from": _datetime(page.go_live_at),
        "valid_to": _datetime(page.expire_at),
    }


def _add_file_details(data, dumper):
    """Beside each document URL, its size in bytes and format (as stored; never computed)."""
    entries = list(data.get("other_documents") or [])
    for group in (data.get("required_documents") or {}).values():
        entries.extend(group)
    for entry in entries:
        for name in ("file", "sample_file"):
            document = dumper.named.get(entry.get(name))
            if document is not None:
                entry[f"{name}_size"] = document.file_size
                entry[f"{name}_format"] = document.file_extension.lower() or None


class ProcedureSerializer:
    """Turns public procedures into API items for one request.

    Pages come from :func:`with_content`, dumped inside :func:`chosen_records`.
    """

    def __init__(self, request):
        self.request = request
        self.documents = RequestDocumentDumper(request)

    def _content(self, page, fields):
        public_ids = public_related_ids(page) if "related_procedures" in fields else None
        if set(CONTENT_FIELDS) <= set(fields):
            data = dump_procedure(page, documents=self.documents, public_ids=public_ids)
        else:
            ctx = DumpContext(documents=self.documents, public_ids=public_ids)
            data = {}
            for key in KEYS:
                if key.name in fields and key.public:
                    value = key.dump(page, ctx)
                    if not key.omit_if(value):
                        data[key.name] = value
        _add_file_details(data, self.documents)
        return data

    def _urls(self, page):
        return {
            "detail_url": absolute_url(reverse("procedures_api:detail", args=[page.pk])),
            "html_url": page_url(page, self.request),
        }

    def listing_item(self, page, fields):
        """``id``, ``meta`` (type, URLs, code) and the requested fields."""
        item = {
            "id": page.pk,
            "meta": {"type": PAGE_TYPE, **self._urls(page), "code": page.code},
        }
        item.update(self._content(page, fields))
        if "bip" in fields:
            item["bip"] = bip_metadata(page)
        return item

    def detail(self, page):
        """``id``, ``meta`` (type, URLs, publication dates), every public key and ``bip``."""
        item = {
            "id": page.pk,
            "meta": {
                "type": PAGE_TYPE,
                **self._urls(page),
                "first_published_at": _datetime(page.first_published_at),
                "last_published_at": _datetime(page.last_published_at),
            },
        }
        item.update(self._content(page, CONTENT_FIELDS))
        item["bip"] = bip_metadata(page)
        return item
