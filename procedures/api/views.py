"""``/api/v2/procedures/``: public procedures for BIP, in the Wagtail API v2 shape.

Every view starts from ``ProcedurePage.objects.public()``; whatever the query, internal,
expired, not yet valid and draft-only procedures are 404 or absent from the listing.

Listing items carry ``id``, ``meta``, ``title`` and ``code`` unless ``?fields=`` asks for
more (``*`` = every public key and ``bip``). The default listing costs the same number of
queries however many items it has. Relational keys are prefetched, but keys held in
StreamFields with chosen records (``places``, ``submission_channels``,
``required_documents``, ``other_documents``, ``legal_basis``) cost up to a few queries per
item, which is why they are not in the listing by default and ``limit`` is capped at 100.

Responses carry ``ETag`` (hash of the body) and ``Last-Modified`` (detail: the live
version's publication; listing: the newest one among public procedures), answer 304 to
``If-None-Match`` / ``If-Modified-Since`` and may be cached for 60 seconds. Origins listed
in the ``API_CORS_ALLOWED_ORIGINS`` setting may read them from a browser.
"""

import hashlib
import json
from functools import wraps

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Count, Max
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.dateparse import parse_datetime
from django.utils.http import http_date, quote_etag
from django.views.decorators.csrf import csrf_exempt

from .serializers import (
    FIELDS,
    LISTING_DEFAULT_FIELDS,
    ProcedureSerializer,
    information_dates,
    public_procedures,
    with_content,
)

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
#: Highest ``?offset=``: far beyond any real listing, within every database's integers.
MAX_OFFSET = 1_000_000_000
#: Methods every API address answers; any other is a 405 with ``Allow``.
ALLOWED_METHODS = ("GET", "HEAD")
MAX_AGE = 60
LISTING_PARAMETERS = ("limit", "offset", "fields", "code", "updated_since", "search")
#: Most results a ``?search=`` ranks; a query matching more is narrowed by its best ones.
MAX_SEARCH_RESULTS = 1000


class BadRequest(Exception):
    """A query parameter the API cannot use; ``message`` tells the client why."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def _json(data, status=200):
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return HttpResponse(body, status=status, content_type="application/json")


def _with_cors(request, response):
    allowed = getattr(settings, "API_CORS_ALLOWED_ORIGINS", [])
    if allowed:
        # Shared caches must not hand one origin's answer to another.
        patch_vary_headers(response, ["Origin"])
        origin = request.headers.get("Origin")
        if origin and origin in allowed:
            response["Access-Control-Allow-Origin"] = origin
            response["Access-Control-Expose-Headers"] = "ETag, Last-Modified"
    return response


def _error(request, message, status=400):
    return _with_cors(request, _json({"message": message}, status=status))


def _not_found(request):
    return _error(request, "No public procedure matches this address.", status=404)


def _conditional(request, data, last_modified):
    """A cacheable JSON response, or 304 when the client's copy is still current."""
    response = _json(data)
    etag = quote_etag(hashlib.sha1(response.content, usedforsecurity=False).hexdigest())
    response["ETag"] = etag
    timestamp = int(last_modified.timestamp()) if last_modified else None
    if timestamp is not None:
        response["Last-Modified"] = http_date(timestamp)
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    response = get_conditional_response(
        request, etag=etag, last_modified=timestamp, response=response
    )
    return _with_cors(request, response)


def _check_parameters(request, allowed):
    unknown = sorted(set(request.GET) - set(allowed))
    if unknown:
        accepted = ", ".join(allowed) if allowed else "none"
        raise BadRequest(
            f"Unknown query parameter(s): {', '.join(unknown)}. Accepted parameters: {accepted}."
        )


def _integer(request, name, default, maximum):
    raw = request.GET.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadRequest(f"{name} must be a whole number, got {raw[:50]!r}.") from None
    if value < 0:
        raise BadRequest(f"{name} must not be negative.")
    if value > maximum:
        raise BadRequest(f"{name} must not be higher than {maximum}.")
    return value


def resolve_or_none(path):
    try:
        return resolve(path)
    except Resolver404:
        return None


def api_view(view):
    """A read-only API view: GET and HEAD only, anything else a JSON 405 with ``Allow``.

    The API keeps no state a forged request could change and reads no session, so it is
    exempt from the CSRF check that would otherwise answer an HTML 403 before the 405.
    """

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method not in ALLOWED_METHODS:
            response = _error(
                request,
                f"Method {request.method} is not allowed: this address answers "
                f"{' and '.join(ALLOWED_METHODS)} only.",
                status=405,
            )
            response["Allow"] = ", ".join(ALLOWED_METHODS)
            return response
        return view(request, *args, **kwargs)

    return csrf_exempt(wrapped)


@csrf_exempt
def unknown_address(request, *args, **kwargs):
    """Every other address under ``/api/``: a JSON 404 (whatever the method), or the
    redirect ``APPEND_SLASH`` gives an API address written without its final slash."""
    with_slash = request.path_info + "/"
    if request.method in ALLOWED_METHODS and not request.path_info.endswith("/"):
        match = resolve_or_none(with_slash)
        if match is not None and match.func is not unknown_address:
            location = request.get_full_path(force_append_slash=True)
            response = _error(request, f"This address is {location}.", status=301)
            response["Location"] = location
            return response
    return _error(
        request,
        "The API has no such address. Its addresses are described at /api/v2/openapi.json.",
        status=404,
    )


def _fields(request):
    """Listing fields: the defaults plus those named in ``?fields=`` (``*`` = all)."""
    raw = request.GET.get("fields", "")
    names = [name.strip() for name in raw.split(",") if name.strip()]
    if "*" in names:
        return FIELDS
    unknown = [name for name in names if name not in FIELDS]
    if unknown:
        raise BadRequest(
            f"Unknown or non-public field(s): {', '.join(unknown)}. "
            f"Allowed fields: {', '.join(FIELDS)} (or * for all)."
        )
    return (
        *LISTING_DEFAULT_FIELDS,
        *[name for name in names if name not in LISTING_DEFAULT_FIELDS],
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
    # history builds on this module's helpers, so it is imported where it is needed.
    from .history import parse_moment, withdrawn_since

    try:
        _check_parameters(request, LISTING_PARAMETERS)
        limit = _integer(request, "limit", DEFAULT_LIMIT, MAX_LIMIT)
        offset = _integer(request, "offset", 0, MAX_OFFSET)
        fields = _fields(request)
        since = parse_moment(request, "updated_since")
        search = _search_text(request)
    except BadRequest as error:
        return _error(request, error.message)

    queryset = public_procedures()
    if since is not None:
        queryset = queryset.filter(last_published_at__gte=since)
    code = request.GET.get("code")
    if code is not None:
        queryset = queryset.filter(code__iexact=code.strip())
    ranked = None
    if search is not None:
        ranked = _ranked_ids(search, queryset, offset)
        queryset = queryset.filter(pk__in=ranked)
    summary = queryset.aggregate(total=Count("pk"), last_modified=Max("last_published_at"))
    if set(fields) - set(LISTING_DEFAULT_FIELDS):
        queryset = with_content(queryset)
    if ranked is None:
        pages = list(queryset[offset : offset + limit])
    else:
        wanted = ranked[offset : offset + limit]
        by_id = {page.pk: page for page in queryset.filter(pk__in=wanted)}
        pages = [by_id[pk] for pk in wanted if pk in by_id]
    dates = information_dates(pages) if "bip" in fields else {}
    serializer = ProcedureSerializer(request)
    data = {
        "meta": {"total_count": summary["total"]},
        "items": [serializer.listing_item(page, fields, dates.get(page.pk)) for page in pages],
    }
    last_modified = summary["last_modified"]
    if since is not None:
        deleted = withdrawn_since(since)
        data["deleted"] = deleted
        if deleted:
            # A withdrawal is a change too: If-Modified-Since must not hide it.
            newest = max(parse_datetime(tombstone["withdrawn_at"]) for tombstone in deleted)
            last_modified = max(filter(None, (last_modified, newest)))
    return _conditional(request, data, last_modified)


def _search_text(request):
    raw = request.GET.get("search")
    if raw is None:
        return None
    if len(raw) > 200:
        raise BadRequest("search must not be longer than 200 characters.")
    return raw.replace("\x00", "")


def _ranked_ids(search, queryset, offset):
    """Ids of the procedures in ``queryset`` that ``search`` finds, best first; the first
    page of a search is counted in the search statistics."""
    from search import analytics
    from search.engine import search as find
    from search.models import Audience

    found = find(search, Audience.PUBLIC, 0, MAX_SEARCH_RESULTS).page_ids
    if offset == 0:
        analytics.record(search, Audience.PUBLIC, len(found))
    allowed = set(queryset.filter(pk__in=found).values_list("pk", flat=True))
    return [pk for pk in found if pk in allowed]


def _detail(request, queryset):
    try:
        _check_parameters(request, ())
    except BadRequest as error:
        return _error(request, error.message)
    page = with_content(queryset).first()
    if page is None:
        return _not_found(request)
    return _conditional(request, ProcedureSerializer(request).detail(page), page.last_published_at)


@api_view
def procedure_detail(request, pk):
    """One public procedure: ``id``, ``meta``, every public key and ``bip``; else 404."""
    return _detail(request, public_procedures().filter(pk=pk))


@api_view
def procedure_by_code(request, code):
    """As :func:`procedure_detail`, the procedure found by its code (case-insensitive)."""
    return _detail(request, public_procedures().filter(code__iexact=code.strip()))
