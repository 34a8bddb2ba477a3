"""Anonymous rate limit of the public API.

``API_RATE_LIMIT = "1200/60"`` allows 1,200 requests a minute from one client address to
``/api/``; ``"0"`` turns it off. Over the limit the API answers 429 with ``Retry-After``.
Logged-in staff and addresses in ``API_RATE_LIMIT_EXEMPT`` (BIP's harvester) are not
limited. Behind a proxy, ``API_CLIENT_IP_HEADER`` (e.g. ``HTTP_X_FORWARDED_FOR``) names
the header with the client's address. Counts live in the shared cache (Redis in
production), so the limit holds across app servers.
"""

import json
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse


def _limit():
    value = str(getattr(settings, "API_RATE_LIMIT", "1200/60"))
    if value in ("", "0"):
        return None
    count, _, seconds = value.partition("/")
    return int(count), int(seconds or 60)


def _client(request):
    header = getattr(settings, "API_CLIENT_IP_HEADER", "")
    if header and request.META.get(header):
        return request.META[header].split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


class ApiRateLimitMiddleware:
    """429 for an anonymous client that asks ``/api/`` more often than the limit."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = _limit() if request.path.startswith("/api/") else None
        if limit is None or request.COOKIES.get(settings.SESSION_COOKIE_NAME):
            return self.get_response(request)
        client = _client(request)
        if client in getattr(settings, "API_RATE_LIMIT_EXEMPT", ()):
            return self.get_response(request)
        allowed, window = limit
        slot = int(time.time() // window)
        key = f"api-rate:{client}:{slot}"
        cache.add(key, 0, timeout=window + 1)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=window + 1)
            count = 1
        if count > allowed:
            retry_after = window - int(time.time() % window)
            response = HttpResponse(
                json.dumps(
                    {
                        "message": f"Too many requests: {allowed} per {window} s. "
                        f"Retry in {retry_after} s."
                    }
                ),
                status=429,
                content_type="application/json",
            )
            response["Retry-After"] = str(retry_after)
            return response
        return self.get_response(request)
