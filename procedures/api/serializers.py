"""What the API says about a procedure: the interchange format's public keys plus BIP metadata.

Item content comes from the interchange mapping (:mod:`procedures.interchange.mapping`), so
the API carries exactly the keys and values of an export without restricted access; which
keys those are is decided by :data:`procedures.public.PUBLIC_FIELDS` through ``Key.public``.
"""

from functools import cached_property

from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone

from procedures.interchange.files import DocumentDumper
from procedures.interchange.mapping import KEYS, DumpContext, dump_procedure
from procedures.links import absolute_url, page_url
from procedures.models import InformationAuthor, ProcedurePage, RelatedProcedure, UpdateRequest
from procedures.public import PublicProcedure

#: Content keys a client may ask for: the interchange format's public keys, in its order.
CONTENT_FIELDS = tuple(key.name for key in KEYS if key.public)
#: Every field a client may name in ``?fields=``.
FIELDS = (*CONTENT_FIELDS, "bip")
#: Fields of a listing item when ``?fields=`` is not given: cheap, no per-item queries.
LISTING_DEFAULT_FIELDS = ("title", "code")

PAGE_TYPE = "procedures.ProcedurePage"


def public_procedures():
    """The public procedures (``ProcedurePage.objects.public()``) in the API's stable order."""
    return ProcedurePage.objects.public().order_by("code", "pk")


def with_content(queryset):
    """``queryset`` with everything the mapping's public keys and the BIP metadata read,
    so dumping any number of procedures costs the same relational queries.

    Related procedures are named only when public: the mapping filters them with the
    serializer's :attr:`ProcedureSerializer.public_ids`, looked up once per request.
    """
    related = RelatedProcedure.objects.select_related("procedure")
    authors = InformationAuthor.objects.select_related("employee")
    return queryset.select_related("department__unit", "live_revision__user").prefetch_related(
        "categories",
        "electronic_actions",
        "useful_info",
        Prefetch("related_procedures", queryset=related),
        Prefetch("information_authors", queryset=authors),
    )


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


def _display_name(user):
    """The user's full name, else the username unless it is an e-mail address."""
    if user is None:
        return None
    name = user.get_full_name().strip()
    if name:
        return name
    username = user.get_username()
    return None if "@" in username else username


def information_dates(pages):
    """``{page pk: information date}`` for many pages in one query: the field as entered,
    else the date of the update request behind the live version (the same rule as
    ``PublicProcedure(page).information_date``)."""
    undated = [page for page in pages if not page.information_date]
    from_requests = UpdateRequest.objects.dates_resolved_by(undated)
    return {page.pk: page.information_date or from_requests.get(page.pk) for page in pages}


def bip_metadata(page, information_date):
    """The metadata BIP shows under a published piece of information."""
    live_revision = page.live_revision
    return {
        "publishing_entity": page.unit.name if page.unit else None,
        "information_authors": [
            {"name": author.employee.name, "position": author.employee.position or None}
            for author in page.information_authors.all()
        ],
        "entered_by": _display_name(live_revision.user if live_revision else None),
        "information_date": information_date.isoformat() if information_date else None,
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
    """Turns public procedures into API items for one request."""

    def __init__(self, request):
        self.request = request
        self.documents = RequestDocumentDumper(request)

    @cached_property
    def public_ids(self):
        """Procedures public now: related links name only these (one query a request)."""
        return set(ProcedurePage.objects.public().values_list("pk", flat=True))

    def _content(self, page, fields):
        if set(CONTENT_FIELDS) <= set(fields):
            data = dump_procedure(page, documents=self.documents, public_ids=self.public_ids)
        else:
            ctx = DumpContext(documents=self.documents, public_ids=self.public_ids)
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

    def listing_item(self, page, fields, information_date=None):
        """``id``, ``meta`` (type, URLs, code) and the requested fields."""
        item = {
            "id": page.pk,
            "meta": {"type": PAGE_TYPE, **self._urls(page), "code": page.code},
        }
        item.update(self._content(page, fields))
        if "bip" in fields:
            item["bip"] = bip_metadata(page, information_date)
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
        item["bip"] = bip_metadata(page, PublicProcedure(page).information_date)
        return item
