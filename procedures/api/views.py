"""``/api/v2/procedures/``: public procedures for BIP, in the Wagtail API v2 shape.

Every view starts from ``ProcedurePage.objects.public()``; whatever the query, internal,
expired, not yet valid and draft-only procedures are 404 or absent from the listing.

Listing items carry ``id``, ``meta``, ``title`` and ``code`` unless ``?fields=`` asks for
more (``*`` = every public key and ``bip``). A listing or a detail costs the same number of
queries however many items and blocks it has: the relations come as JSON in the pages' own
query (:mod:`.relations`), and the records chosen in StreamFields (offices, documents,
platforms, kinds of act) in one more query for the whole response. The detail by id and
that second query run SQL compiled once per process (:mod:`.sql`). Content keys are still
not in the listing by default (they make its items large), and ``limit`` is capped at 100.

Responses carry ``ETag`` (hash of the body) and ``Last-Modified`` (detail: the live
version's publication; listing: the newest one among public procedures), answer 304 to
``If-None-Match`` / ``If-Modified-Since`` and may be cached for 60 seconds. Origins listed
in the ``API_CORS_ALLOWED_ORIGINS`` setting may read them from a browser.
"""

from django.db.models import Count, Max
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.views.decorators.csrf import csrf_exempt

from procedures.models import ProcedurePage
from search.models import Audience
from search.query import search_procedures

from . import params
from .compiled import compiled_detail
from .history import withdrawn_since
from .serializers import (
    LISTING_DEFAULT_FIELDS,
    ProcedureSerializer,
    chosen_records,
    fetch,
    public_procedures,
    with_content,
)
from .utils import (
    ALLOWED_METHODS,
    BadRequest,
    api_view,
    conditional_response,
    error_response,
    not_found,
)

#: Most results a ``?search=`` ranks; a query matching more is narrowed by its best ones.
MAX_SEARCH_RESULTS = 1000


def resolve_or_none(path):
    try:
        return resolve(path)
    except Resolver404:
        return None


@csrf_exempt
def unknown_address(request, *args, **kwargs):
    """Every other address under ``/api/``: a JSON 404 (whatever the method), or the
    redirect ``APPEND_SLASH`` gives an API address written without its final slash."""
    with_slash = request.path_info + "/"
    if request.method in ALLOWED_METHODS and not request.path_info.endswith("/"):
        match = resolve_or_none(with_slash)
        if match is not None and match.func is not unknown_address:
            location = request.get_full_path(force_append_slash=True)
            response = error_response(request, f"This address is {location}.", status=301)
            response["Location"] = location
            return response
    return error_response(
        request,
        "The API has no such address. Its addresses are described at /api/v2/openapi.json.",
        status=404,
    )


@api_view
def procedure_listing(request):
    """Public procedures by code: ``{"meta": {"total_count": N}, "items": [...]}``.

    ``?limit=`` (default 20, at most 100: more is a 400), ``?offset=``, ``?fields=``,
    ``?code=`` (exact, case-insensitive). Bad parameters are a 400 ``{"message": ...}``.

    ``?search=`` finds procedures by their public text in Polish (inflection, missing
    diacritics, synonyms, typos) and lists them best match first.

    ``?updated_since=<ISO datetime>`` keeps the procedures published since then and adds
    ``"deleted"``: tombstones of those withdrawn since then (see :mod:`.history`).
    """
    try:
        given = params.read(request, params.LISTING)
    except BadRequest as error:
        return error_response(request, error.message)
    limit, offset, fields = given["limit"], given["offset"], given["fields"]
    since, code, search = given["updated_since"], given["code"], given["search"]

    queryset = public_procedures()
    if since is not None:
        queryset = queryset.filter(last_published_at__gte=since)
    if code is not None:
        queryset = queryset.filter(code__iexact=code)
    ranked = None
    if search is not None:
        ranked = _ranked_ids(search, queryset, offset)
        queryset = queryset.filter(pk__in=ranked)
    summary = queryset.aggregate(total=Count("pk"), last_modified=Max("last_published_at"))
    read = list
    if set(fields) - set(LISTING_DEFAULT_FIELDS):
        queryset, read = with_content(queryset), fetch
    if ranked is None:
        pages = read(queryset[offset : offset + limit])
    else:
        wanted = ranked[offset : offset + limit]
        by_id = {page.pk: page for page in read(queryset.filter(pk__in=wanted))}
        pages = [by_id[pk] for pk in wanted if pk in by_id]
    serializer = ProcedureSerializer(request)
    with chosen_records(pages, fields):
        items = [serializer.listing_item(page, fields) for page in pages]
    data = {"meta": {"total_count": summary["total"]}, "items": items}
    last_modified = summary["last_modified"]
    if since is not None:
        deleted = withdrawn_since(since)
        data["deleted"] = deleted
        if deleted:
            # A withdrawal is a change too: If-Modified-Since must not hide it.
            newest = max(parse_datetime(tombstone["withdrawn_at"]) for tombstone in deleted)
            last_modified = max(filter(None, (last_modified, newest)))
    return conditional_response(request, data, last_modified)


def _ranked_ids(search, queryset, offset):
    """Ids of the procedures in ``queryset`` that ``search`` finds, best first; the first
    page of a search is counted in the search statistics."""
    found = search_procedures(
        search, Audience.PUBLIC, 0, MAX_SEARCH_RESULTS, record=offset == 0
    ).page_ids
    allowed = set(queryset.filter(pk__in=found).values_list("pk", flat=True))
    return [pk for pk in found if pk in allowed]


def _detail(request, query):
    """The detail of the page ``query`` finds (a query of :func:`with_content` for at most
    one page), or a 404."""
    try:
        params.read(request, params.DETAIL)
    except BadRequest as error:
        return error_response(request, error.message)
    page = next(iter(fetch(query)), None)
    if page is None:
        return not_found(request)
    with chosen_records([page]):
        data = ProcedureSerializer(request).detail(page)
    return conditional_response(request, data, page.last_published_at)


@api_view
def procedure_detail(request, pk):
    """One public procedure: ``id``, ``meta``, every public key and ``bip``; else 404."""
    return _detail(request, compiled_detail(ProcedurePage).pages(pk, timezone.now()))


@api_view
def procedure_by_code(request, code):
    """As :func:`procedure_detail`, the procedure found by its code (case-insensitive)."""
    found = public_procedures().filter(code__iexact=code.strip())
    return _detail(request, with_content(found)[:1])
