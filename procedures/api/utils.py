"""What every API view shares: JSON answers, errors, CORS, caching headers, GET/HEAD only.

Kept apart from the views (as ``wagtail/api/v2/utils.py`` is) so that the listing, the
change register and the linked data build on it without importing one another.
"""

import hashlib
import json
from functools import wraps

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date, quote_etag
from django.views.decorators.csrf import csrf_exempt

#: Methods every API address answers; any other is a 405 with ``Allow``.
ALLOWED_METHODS = ("GET", "HEAD")
#: Seconds a client or shared cache may keep an answer.
MAX_AGE = 60


class BadRequest(Exception):
    """A query parameter the API cannot use; ``message`` tells the client why."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def json_response(data, status=200):
    """``data`` as UTF-8 JSON (dates and decimals as Django writes them)."""
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return HttpResponse(body, status=status, content_type="application/json")


def with_cors(request, response):
    """``response`` readable from a browser on an origin in ``API_CORS_ALLOWED_ORIGINS``."""
    allowed = getattr(settings, "API_CORS_ALLOWED_ORIGINS", [])
    if allowed:
        # Shared caches must not hand one origin's answer to another.
        patch_vary_headers(response, ["Origin"])
        origin = request.headers.get("Origin")
        if origin and origin in allowed:
            response["Access-Control-Allow-Origin"] = origin
            response["Access-Control-Expose-Headers"] = "ETag, Last-Modified"
    return response


def error_response(request, message, status=400):
    """``{"message": message}`` with ``status``."""
    return with_cors(request, json_response({"message": message}, status=status))


def not_found(request):
    """The 404 of an address that names no public procedure."""
    return error_response(request, "No public procedure matches this address.", status=404)


def conditional_response(request, data, last_modified):
    """A cacheable JSON response, or 304 when the client's copy is still current."""
    response = json_response(data)
    etag = quote_etag(hashlib.sha1(response.content, usedforsecurity=False).hexdigest())
    response["ETag"] = etag
    timestamp = int(last_modified.timestamp()) if last_modified else None
    if timestamp is not None:
        response["Last-Modified"] = http_date(timestamp)
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    response = get_conditional_response(
        request, etag=etag, last_modified=timestamp, response=response
    )
    return with_cors(request, response)


def api_view(view):
    """A read-only API view: GET and HEAD only, anything else a JSON 405 with ``Allow``.

    The API keeps no state a forged request could change and reads no session, so it is
    exempt from the CSRF check that would otherwise answer an HTML 403 before the 405.
    """

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method not in ALLOWED_METHODS:
            response = error_response(
                request,
                f"Method {request.method} is not allowed: this address answers "
                f"{' and '.join(ALLOWED_METHODS)} only.",
                status=405,
            )
            response["Allow"] = ", ".join(ALLOWED_METHODS)
            return response
        return view(request, *args, **kwargs)

    return csrf_exempt(wrapped)
