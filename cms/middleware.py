"""Request hygiene and failure handling shared by every view."""

import logging
import re
import uuid

from django.core.signals import request_finished
from django.dispatch import receiver
from django.http import HttpResponseBadRequest, JsonResponse

from cms.errors import DATABASE_ERRORS, database_unavailable_response
from cms.log import request_id

logger = logging.getLogger(__name__)


class RejectNulBytesMiddleware:
    """Answer 400 to a request whose address holds a NUL character (``%00``).

    No page, procedure code or search needs one, and PostgreSQL refuses such strings, so
    letting them reach a query would turn a typo or a probe into a server error.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any("\x00" in v for v in request.GET.values()):
            if request.path.startswith("/api/"):
                return JsonResponse(
                    {"message": "The address holds a NUL character (%00)."}, status=400
                )
            return HttpResponseBadRequest(
                "Adres zawiera niedozwolony znak.", content_type="text/plain; charset=utf-8"
            )
        return self.get_response(request)


class RequestIdMiddleware:
    """Give each request an id: the proxy's ``X-Request-ID`` or a new one.

    The id comes back in the response's ``X-Request-ID`` header and is on every log record
    written while the request is handled (cms/log.py), so an operator can find all lines
    of one request, and the proxy's own log line, by one value. An incoming id is kept only
    when it is 1–64 letters, digits, ``-``, ``_``, ``.`` or ``:``; anything else (spaces,
    quotes, line breaks that would forge log lines) is replaced by a fresh id.
    """

    header = "X-Request-ID"
    pattern = re.compile(r"[A-Za-z0-9._:-]{1,64}")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get(self.header, "")
        value = incoming if self.pattern.fullmatch(incoming) else uuid.uuid4().hex
        request.request_id = value
        # Kept until the response is closed: Django logs a 4xx/5xx response only after the
        # whole middleware chain has returned, and that line must carry the id too.
        request_id.set(value)
        response = self.get_response(request)
        response[self.header] = value
        return response


@receiver(request_finished, dispatch_uid="cms.middleware.clear_request_id")
def clear_request_id(**kwargs):
    """Lines logged between requests carry no request's id."""
    request_id.set("-")


class DatabaseUnavailableMiddleware:
    """While PostgreSQL is unavailable, answer 503 with ``Retry-After`` rather than 500.

    Turns the ``django.db`` ``OperationalError`` / ``InterfaceError`` of a view or a template
    into :func:`cms.errors.database_unavailable_response` (exceptions raised in other
    middleware reach ``handler500``, :func:`cms.errors.server_error`, which does the same).
    The connection is replaced by Django at the next request, so pages answer again as
    soon as the database is back, without restarting the application.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_ERRORS):
            logger.warning("Database unavailable, answered 503: %s %s", request.path, exception)
            return database_unavailable_response()
        return None
