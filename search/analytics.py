"""What residents and staff search for, without who searched.

Each query is counted per day with how many procedures it found; the report in the admin
(Raporty → Wyszukiwania) shows the most frequent queries and those that found nothing.
No user, address, session or time of day is kept, and numbers that could identify a
person (PESEL, phone, bank account) and e-mail addresses are masked before storing.
"""

import re

from django.db import connection
from django.utils import timezone

from search.models import SearchQueryStat

_EMAIL = re.compile(r"\S+@\S+")
# Six or more digits, possibly split by spaces or dashes; procedure codes ("KA-01147")
# have five and stay readable.
_LONG_NUMBER = re.compile(r"\d(?:[\s-]?\d){5,}")

_TABLE = SearchQueryStat._meta.db_table
# One statement whatever the row's state: a first search inserts the day's row, a later
# one (or the same query counted at the same moment elsewhere) adds to it. PostgreSQL and
# SQLite (3.24+) both speak this upsert.
_COUNT = (
    f"INSERT INTO {_TABLE} (day, audience, query, searches, zero_hit_searches, last_hits) "  # noqa: S608
    "{source} "
    "ON CONFLICT (day, audience, query) DO UPDATE SET "
    f"searches = {_TABLE}.searches + 1, "
    f"zero_hit_searches = {_TABLE}.zero_hit_searches + excluded.zero_hit_searches, "
    "last_hits = excluded.last_hits"
)
_VALUES = "VALUES (%s, %s, %s, 1, %s, %s)"
# Outside a transaction on PostgreSQL, the statement's own commit does not wait for the
# disk (asynchronous commit, for this statement only): a crash may lose the last moment's
# counts, never corrupt them, and the reader does not wait for an fsync.
_VALUES_ASYNC = (
    "SELECT %s, %s, %s, 1, %s, %s "
    "FROM (SELECT set_config('synchronous_commit', 'off', true)) AS asynchronous_commit"
)


def masked(query):
    """The query as stored: lower case, single spaces, personal numbers and e-mails masked."""
    text = _EMAIL.sub("[e-mail]", query)
    text = _LONG_NUMBER.sub("[liczba]", text)
    return " ".join(text.lower().split())[: SearchQueryStat._meta.get_field("query").max_length]


def record(query, audience, hits):
    """Count one search for ``query`` that found ``hits`` procedures (one statement)."""
    text = masked(query)
    if not text:
        return
    asynchronous = connection.vendor == "postgresql" and not connection.in_atomic_block
    sql = _COUNT.format(source=_VALUES_ASYNC if asynchronous else _VALUES)
    with connection.cursor() as cursor:
        cursor.execute(sql, [timezone.localdate(), audience, text, 0 if hits else 1, hits])
