"""Error reports to Sentry, only when ``SENTRY_DSN`` is set, with personal data removed.

What leaves the server passes through ``before_send``: cookies, authorisation and CSRF
headers are dropped, query-string values are replaced (search words and form fields may
name a person), request bodies are never sent, and e-mail addresses and PESEL-like
numbers (11 digits) are masked in every text of the report: messages, exception values,
local variables, breadcrumbs (log lines, SQL, URLs).
"""

import re
from urllib.parse import parse_qsl, urlencode

import sentry_sdk
from sentry_sdk.integrations.django import DjangoIntegration

FILTERED = "[Filtered]"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PESEL = re.compile(r"\b\d{11}\b")
# Keys whose whole value is a secret or identifies a person, wherever they appear.
SECRET_KEYS = frozenset(
    {
        "cookie",
        "cookies",
        "set-cookie",
        "authorization",
        "proxy-authorization",
        "x-csrftoken",
        "x-api-key",
        "csrfmiddlewaretoken",
        "sessionid",
        "password",
    }
)
URL_KEYS = frozenset({"url", "from", "to"})


def scrub_text(text):
    """The text with e-mail addresses and 11-digit numbers replaced by placeholders."""
    return PESEL.sub("[PESEL]", EMAIL.sub("[e-mail]", text))


def scrub_query(query):
    """The query string with each value replaced: ``q=Jan+Kowalski`` → ``q=[Filtered]``."""
    if not query:
        return query
    pairs = parse_qsl(query, keep_blank_values=True)
    return urlencode([(key, FILTERED) for key, _ in pairs], safe="[]")


def scrub_url(url):
    """The address with its query string's values replaced."""
    base, sep, query = url.partition("?")
    return scrub_text(base) + sep + scrub_query(query) if sep else scrub_text(url)


def scrub(value, key=""):
    """A copy of ``value`` (dicts, lists, strings) with secrets and personal data removed."""
    key = key.lower() if isinstance(key, str) else ""
    if key in SECRET_KEYS and value:
        return FILTERED
    if isinstance(value, dict):
        return {k: scrub(v, k) for k, v in value.items()}
    if isinstance(value, list | tuple):
        # Header lists come as [name, value] pairs.
        if len(value) == 2 and isinstance(value[0], str) and value[0].lower() in SECRET_KEYS:
            return [value[0], FILTERED]
        return [scrub(item) for item in value]
    if isinstance(value, str):
        if key == "query_string":
            return scrub_query(value)
        if key in URL_KEYS:
            return scrub_url(value)
        return scrub_text(value)
    return value


def before_send(event, hint=None):
    """The event as it may leave the server (see the module's docstring)."""
    event = scrub(event)
    request = event.get("request")
    if isinstance(request, dict) and request.get("data"):
        request["data"] = FILTERED
    user = event.get("user")
    if isinstance(user, dict):
        event["user"] = {"id": user["id"]} if "id" in user else {}
    return event


def init_sentry(dsn, environment="production", traces_sample_rate=0.0):
    """Start the Sentry SDK when ``dsn`` is given; returns whether it was started."""
    if not dsn:
        return False
    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        integrations=[DjangoIntegration()],
        send_default_pii=False,
        max_request_body_size="never",
        before_send=before_send,
        before_send_transaction=before_send,
        traces_sample_rate=traces_sample_rate,
    )
    return True
