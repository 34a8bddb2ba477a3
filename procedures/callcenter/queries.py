"""What the Call Center reading view reads: every procedure, restricted text included.

Search is the Polish search (``search.engine``) over the staff entries, which hold every
procedure's text, restricted fields and FAQ included; the public entries never do. It
reads the page rows as stored: the live version of a published procedure, the first draft
of one never published.
"""

from dataclasses import dataclass

from django.db.models import Exists, F, OuterRef, Prefetch
from django.utils import timezone

from procedures.models import ProcedurePage, RelatedProcedure
from search.models import Audience
from search.query import search_procedures

#: How many procedures a search shows at most.
SEARCH_LIMIT = 50
#: How many recently changed procedures the empty search page lists.
RECENT_LIMIT = 20


@dataclass(frozen=True)
class Status:
    """Where a procedure stands now, as an agent reads it."""

    key: str
    label: str


IN_FORCE = Status("in-force", "obowiązuje")
INTERNAL = Status("internal", "wewnętrzna")
SCHEDULED = Status("scheduled", "zaplanowana")
WITHDRAWN = Status("withdrawn", "wycofana")
DRAFT = Status("draft", "nieopublikowana")


def status_of(page, now=None):
    """The procedure's status: obowiązuje, wewnętrzna (in force, for staff only),
    zaplanowana ("Obowiązuje od" still ahead), wycofana ("Obowiązuje do" passed or
    unpublished) or nieopublikowana (a draft never published)."""
    now = now or timezone.now()
    if page.expired or (page.expire_at and page.expire_at <= now):
        return WITHDRAWN
    if page.go_live_at and page.go_live_at > now:
        return SCHEDULED
    if page.live:
        return INTERNAL if page.is_internal else IN_FORCE
    if page.last_published_at:
        return WITHDRAWN
    return DRAFT


def _with_public_flag(queryset):
    """Annotate ``is_public``: whether residents see the procedure right now."""
    public = ProcedurePage.objects.public().filter(pk=OuterRef("pk"))
    return queryset.annotate(is_public=Exists(public))


def _listing(queryset):
    return _with_public_flag(queryset.select_related("department")).only(
        "title",
        "code",
        "is_internal",
        "live",
        "expired",
        "go_live_at",
        "expire_at",
        "last_published_at",
        "latest_revision_created_at",
        "department__name",
    )


def search(query):
    """Up to ``SEARCH_LIMIT + 1`` procedures (internal ones too) that the Polish search finds
    for ``query`` in any of their text, "Opis*", "Inne*" and the FAQ included, best match
    first. The extra one tells the caller there were more."""
    ids = search_procedures(query, Audience.STAFF, 0, SEARCH_LIMIT + 1).page_ids
    pages = {page.pk: page for page in _listing(ProcedurePage.objects.filter(pk__in=ids))}
    return [pages[pk] for pk in ids if pk in pages]


def recently_updated():
    """The ``RECENT_LIMIT`` procedures whose latest version was saved most recently."""
    queryset = ProcedurePage.objects.order_by(
        F("latest_revision_created_at").desc(nulls_last=True), "title"
    )
    return list(_listing(queryset)[:RECENT_LIMIT])


def procedure_for_reading(code):
    """The procedure with this code and everything the reading view shows, in a fixed
    number of queries however many steps, questions or related procedures it has.

    Its information authors are not prefetched: the public sections read them through
    ``PublicProcedure``, and a prefetched ``ParentalKey`` relation, filtered again, would
    return the authors of every procedure (modelcluster's manager does not filter a
    prefetched queryset by its page).

    Raises ``ProcedurePage.DoesNotExist`` for an unknown code.
    """
    related = _related_with_public_flag(
        RelatedProcedure.objects.select_related("procedure__department").order_by("sort_order")
    )
    queryset = (
        ProcedurePage.objects.select_related(
            "department__unit", "procedure_owner__department", "coordinator__department"
        )
        .prefetch_related(
            Prefetch("related_procedures", queryset=related),
            "electronic_actions",
            "useful_info",
        )
        .filter(code=code)
    )
    return _with_public_flag(queryset).get()


def _related_with_public_flag(queryset):
    public = ProcedurePage.objects.public().filter(pk=OuterRef("procedure_id"))
    return queryset.annotate(procedure_is_public=Exists(public))


def scheduled_version_date(page):
    """When an approved new version of ``page`` takes over, or ``None``."""
    return (
        page.revisions.filter(approved_go_live_at__isnull=False)
        .order_by("approved_go_live_at")
        .values_list("approved_go_live_at", flat=True)
        .first()
    )
