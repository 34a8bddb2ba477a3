"""Request hygiene and failure handling shared by every view."""

import logging

from django.http import HttpResponseBadRequest

from cms.errors import DATABASE_ERRORS, database_unavailable_response

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
            return HttpResponseBadRequest(
                "Adres zawiera niedozwolony znak.", content_type="text/plain; charset=utf-8"
            )
        return self.get_response(request)


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
