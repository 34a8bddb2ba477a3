"""One way into the Polish search for the portal, the Call Center and the API.

Every caller cleans what was typed with :func:`clean_query` and searches with
:func:`search_procedures`; the database-specific work behind it is in
:mod:`search.databases`. Search operators (``&``, ``|``, ``!``, ``:*``, quotes, ``OR``)
need no escaping: only the words of a query reach the database
(:func:`search.analysis.query_words`), as analysed terms passed as parameters.
"""

import logging
import re
from contextlib import nullcontext

from django.db import DatabaseError, connection, transaction

from search import analytics, engine
from search.models import Audience

logger = logging.getLogger(__name__)

#: Longest query searched: the portal and the Call Center cut a longer one, the API refuses it.
MAX_QUERY_LENGTH = 200

# NUL bytes no database accepts in text; other control characters are no part of a word.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_query(text):
    """What was typed as a query: without NUL bytes and control characters, stripped,
    cut to :data:`MAX_QUERY_LENGTH` characters; ``""`` for nothing."""
    return _CONTROL.sub("", text or "").strip()[:MAX_QUERY_LENGTH]


def _refusable():
    """Where a statement the database refuses may fail: inside the caller's transaction, a
    savepoint, so the transaction goes on; outside one (autocommit) nothing is needed and
    no round trip is spent on it."""
    return transaction.atomic() if connection.in_atomic_block else nullcontext()


def search_procedures(query, audience=Audience.PUBLIC, offset=0, limit=20, *, record=False):
    """Procedures for ``query`` (cleaned here), best first: a :class:`search.engine.Result`
    with the page ids from ``offset`` to ``offset + limit`` and how many match in all.

    Residents (``Audience.PUBLIC``) find public procedures by their public text; staff find
    every procedure by all of its text. A query the database refuses finds nothing, never
    an error. With ``record`` the search is counted in the search statistics.
    """
    text = clean_query(query)
    try:
        with _refusable():
            result = engine.search(text, audience, offset, limit)
    except DatabaseError:
        logger.warning("Search refused the query %r", text, exc_info=True)
        result = engine.Result([], 0, [])
    if record and text:
        analytics.record(text, audience, result.total)
    return result


def suggest_procedures(query, audience=Audience.PUBLIC, limit=8):
    """Page ids of up to ``limit`` procedures whose title or code holds the typed words,
    the last one as a prefix (a search box's suggestions); none for a refused query."""
    text = clean_query(query)
    try:
        with _refusable():
            return engine.suggest(text, audience, limit)
    except DatabaseError:
        logger.warning("Suggestions refused the query %r", text, exc_info=True)
        return []
