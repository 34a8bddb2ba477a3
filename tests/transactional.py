"""Transactional tests leave the database as the migrations made it.

A test marked ``django_db(transaction=True, serialized_rollback=True)`` (the browser tests,
the interrupted imports) commits for real, and Django empties every table when it ends,
reloading the migrations' rows (locales, groups, the root page…) only when the next such test
starts. Django's own runner puts these tests last, so nothing notices. Under pytest-xdist a
worker may run an ordinary test after one of them, and that test would find no default
locale and no roles. :func:`reload_after_flush` makes the end of a transactional test put the
migrations' rows back at once, so tests pass in any order.
"""

from django.db import connections
from django.test import TransactionTestCase

_original_teardown = TransactionTestCase._fixture_teardown


def _fixture_teardown(self):
    _original_teardown(self)
    if not self.serialized_rollback:
        return
    for name in self._databases_names(include_mirrors=False):
        connection = connections[name]
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents:
            connection.creation.deserialize_db_from_string(contents)


def reload_after_flush():
    """Patch Django's ``TransactionTestCase`` for the whole session (see module)."""
    TransactionTestCase._fixture_teardown = _fixture_teardown
