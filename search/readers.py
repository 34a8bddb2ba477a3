"""Who is searching: the admin's searches find by the text their user may read.

Wagtail's search backends are called with a query and a queryset only
(``backend.search(query, queryset, …)``), from a dozen places in the admin (the explorer
search, the explorer listing, the page chooser, every snippet, document and image
listing and chooser, the admin API). None of them passes the user, and only two of them
offer a hook that sees the request. So :class:`SearchReaderMiddleware` records the
request's user for the duration of the request, and :func:`current_audience` tells the
backend (:mod:`search.backend`) which entries that user may search.

Outside a request (a shell, a management command, a task) nobody is recorded and the
search reads the entries without restricted text: what nobody is known to be allowed to
read is never searched.
"""

from contextvars import ContextVar

from procedures.reading import can_read_restricted
from search.models import Audience

_reader = ContextVar("search_reader", default=None)


def current_audience(user=None):
    """The entries ``user`` (by default, the current request's user) searches.

    ``Audience.STAFF`` (all text, restricted sections included) for those who may read
    restricted content (:func:`procedures.reading.can_read_restricted`); the entries
    without restricted text (``Audience.PUBLIC``) for everybody else.
    """
    if user is None:
        user = _reader.get()
    return Audience.STAFF if can_read_restricted(user) else Audience.PUBLIC


class SearchReaderMiddleware:
    """Records ``request.user`` while the request is handled (its template responses
    included), for :func:`current_audience`. Must come after Django's
    ``AuthenticationMiddleware``. The user is read lazily: a request that searches
    nothing costs nothing."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _reader.set(getattr(request, "user", None))
        try:
            return self.get_response(request)
        finally:
            _reader.reset(token)
