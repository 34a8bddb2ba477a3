"""The database side of the Polish search, one implementation per database.

:func:`get_database` picks the implementation for the default connection's vendor, the way
django-modelsearch's ``backends.database.SearchBackend`` does: PostgreSQL asks its
``tsvector`` and ``pg_trgm`` indexes, SQLite (and any other database) applies the same
rules in Python over the same analysed terms. Callers never test ``connection.vendor``.
"""

from django.db import connection

from search.databases.base import SearchDatabase
from search.databases.postgres import PostgresSearchDatabase
from search.databases.sqlite import SQLiteSearchDatabase

__all__ = ["PostgresSearchDatabase", "SQLiteSearchDatabase", "SearchDatabase", "get_database"]

_BY_VENDOR = {"postgresql": PostgresSearchDatabase}


def get_database():
    """The search implementation for the default database."""
    return _BY_VENDOR.get(connection.vendor, SQLiteSearchDatabase)()
