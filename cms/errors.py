"""The site's answers when something below it fails: 500 and, for a lost database, 503.

Django turns an exception raised anywhere in the stack into the ``handler500`` view before
an outer middleware sees it, so the database case is recognised twice with one answer:
``cms.middleware.DatabaseUnavailableMiddleware`` for views and templates, and
:func:`server_error` (``handler500`` in ``cms/urls.py``) for other middleware.
Both templates are standalone: rendering them needs no database and no request.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.views import defaults

#: What Django raises while PostgreSQL is stopped, restarting or unreachable.
DATABASE_ERRORS = (OperationalError, InterfaceError)
#: Seconds a reader (or a crawler) is asked to wait before trying again.
RETRY_AFTER_SECONDS = 30


def database_unavailable_response():
    """503 with ``Retry-After`` and the Polish ``503.html``; marked ``database_unavailable``
    so the page cache may answer with a stored copy instead."""
    try:
        body = loader.get_template("503.html").render()
    except Exception:  # the answer must not fail in turn
        body = "Serwis jest chwilowo niedostępny. Spróbuj ponownie za kilka minut."
    response = HttpResponse(body, status=503, content_type="text/html; charset=utf-8")
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    response.database_unavailable = True
    return response


def server_error(request):
    """``handler500``: the 503 when the database is the cause, else Django's ``500.html``
    (a JSON ``{"message": ...}`` under ``/api/``)."""
    if isinstance(sys.exc_info()[1], DATABASE_ERRORS):
        return database_unavailable_response()
    if request.path.startswith("/api/"):
        # API clients parse JSON, whatever the status.
        return JsonResponse({"message": "Internal server error."}, status=500)
    return defaults.server_error(request)
