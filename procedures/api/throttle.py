"""Anonymous rate limit of the public API.

``API_RATE_LIMIT = "1200/60"`` allows 1,200 requests a minute from one client address to
``/api/``; ``"0"`` turns it off. Over the limit the API answers 429 with ``Retry-After``.
Counts live in the shared cache (Redis in production), so the limit holds across app
servers.

Not limited: a logged-in staff member, and only when the session is valid (the middleware
runs after ``AuthenticationMiddleware``: a made-up ``sessionid`` cookie is an anonymous
client like any other), and addresses in ``API_RATE_LIMIT_EXEMPT`` (BIP's harvester).

The client address is ``REMOTE_ADDR`` unless ``API_TRUSTED_PROXY_COUNT`` reverse proxies
stand in front of the app servers. Each of them appends the address it received the request
from to ``X-Forwarded-For`` (or the header named by ``API_CLIENT_IP_HEADER``), so the
client is that many hops from the right: what a client writes itself to the left of them
is never read. A header with fewer hops than proxies did not come through all of them and
counts as ``REMOTE_ADDR``.
"""

import time

from django.conf import settings
from django.core.cache import cache

from .utils import json_response

DEFAULT_HEADER = "HTTP_X_FORWARDED_FOR"


def _limit():
    value = str(getattr(settings, "API_RATE_LIMIT", "1200/60"))
    if value in ("", "0"):
        return None
    count, _, seconds = value.partition("/")
    return int(count), int(seconds or 60)


def client_address(request):
    """The client's address: ``REMOTE_ADDR``, or behind ``API_TRUSTED_PROXY_COUNT`` proxies
    the hop the outermost one saw (counted from the right of ``X-Forwarded-For``)."""
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = getattr(settings, "API_TRUSTED_PROXY_COUNT", 0)
    if not proxies:
        return remote
    header = getattr(settings, "API_CLIENT_IP_HEADER", "") or DEFAULT_HEADER
    hops = [hop.strip() for hop in request.META.get(header, "").split(",") if hop.strip()]
    if len(hops) < proxies:
        return remote
    return hops[-proxies]


def _is_staff(request):
    """Whether the request carries a valid session of an active staff member."""
    if not request.COOKIES.get(settings.SESSION_COOKIE_NAME):
        return False  # no session to load: no query for anonymous clients
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return user.is_staff or user.has_perm("wagtailadmin.access_admin")


class ApiRateLimitMiddleware:
    """429 for an anonymous client that asks ``/api/`` more often than the limit."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = _limit() if request.path.startswith("/api/") else None
        if limit is None or _is_staff(request):
            return self.get_response(request)
        client = client_address(request)
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
            message = f"Too many requests: {allowed} per {window} s. Retry in {retry_after} s."
            response = json_response({"message": message}, status=429)
            response["Retry-After"] = str(retry_after)
            return response
        return self.get_response(request)
