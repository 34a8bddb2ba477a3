"""Spam protection of the feedback forms, without a third-party captcha.

- **Honeypot**: each form has a field people never see or reach (:data:`HONEYPOT`,
  off-screen, ``aria-hidden``, out of the tab order). A bot that fills it is answered as if
  all went well, and nothing is stored.
- **Rate limit per client**: ``FEEDBACK_REPORT_RATE_LIMIT`` reports and
  ``FEEDBACK_VOTE_RATE_LIMIT`` votes ("count/seconds", ``"0"`` = off) from one client
  address, counted in the shared cache (Redis in production, so the limit holds across
  app servers). The address is the one the API's rate limit uses
  (:func:`procedures.api.throttle.client_address`: ``REMOTE_ADDR``, or behind
  ``API_TRUSTED_PROXY_COUNT`` proxies the hop the outermost one saw).
- **Size**: "Co jest nieaktualne lub błędne?" holds at most ``FEEDBACK_MAX_CHARS``
  characters (a Polish message, the text kept); a request body far bigger than any form
  can be (:func:`body_too_large`) is refused before it is read.
- **Same origin**: a post whose ``Origin`` (or, without it, ``Referer``) names another
  site is refused (:func:`cross_site`).
"""

import time
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache

from procedures.api.throttle import client_address

#: The honeypot field's name: an address field, which form-filling bots rarely leave empty.
HONEYPOT = "strona_www"
#: Bytes a request body may have per allowed character of the text: a Polish letter is two
#: bytes in UTF-8 and six once percent-encoded; a four-byte character twelve.
BYTES_PER_CHAR = 12
#: Bytes of the other fields (e-mail, section, honeypot) and the encoding around them.
BODY_OVERHEAD = 4096


def max_chars():
    """Characters "Co jest nieaktualne lub błędne?" may have (``FEEDBACK_MAX_CHARS``)."""
    return int(getattr(settings, "FEEDBACK_MAX_CHARS", 2000))


def body_too_large(request):
    """Whether the declared body is bigger than any form a person can send: the text at
    its limit in four-byte characters, percent-encoded, plus the other fields."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return True
    return length > max_chars() * BYTES_PER_CHAR + BODY_OVERHEAD


def cross_site(request):
    """Whether the browser says the form was posted from another site.

    Browsers send ``Origin`` with every form post (``Referer`` in older ones). Only a
    header that names another host counts; a request with neither, or with the opaque
    ``Origin: null`` (a privacy setting, a plain HTTP client), is let through to the
    other checks.
    """
    claimed = request.headers.get("Origin") or request.headers.get("Referer")
    if not claimed or claimed == "null":
        return False
    host = urlsplit(claimed).netloc
    trusted = {urlsplit(origin).netloc for origin in settings.CSRF_TRUSTED_ORIGINS}
    return host != request.get_host() and host not in trusted


def _limit(kind):
    value = str(getattr(settings, f"FEEDBACK_{kind.upper()}_RATE_LIMIT", "0"))
    if value in ("", "0"):
        return None
    count, _, seconds = value.partition("/")
    return int(count), int(seconds or 60)


def _key(kind, request, window):
    return f"feedback-rate:{kind}:{client_address(request)}:{int(time.time() // window)}"


def limited(request, kind):
    """Whether this client has used up its ``kind`` (``"report"`` or ``"vote"``) quota."""
    limit = _limit(kind)
    if limit is None:
        return False
    allowed, window = limit
    return (cache.get(_key(kind, request, window)) or 0) >= allowed


def count(request, kind):
    """Count one accepted ``kind`` from this client (honeypot catches included)."""
    limit = _limit(kind)
    if limit is None:
        return
    _allowed, window = limit
    key = _key(kind, request, window)
    cache.add(key, 0, timeout=window + 1)
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window + 1)
