"""Transactional tests leave the database as the migrations made it.

A test marked ``django_db(transaction=True, serialized_rollback=True)`` (the browser tests,
the interrupted imports) commits for real, and Django empties every table when it ends,
reloading the migrations' rows (locales, groups, the root page…) only when the next such test
starts. Django's own runner puts these tests last, so nothing notices. Under pytest-xdist a
worker may run an ordinary test after one of them, and that test would find no default
locale and no roles. :func:`reload_after_flush` makes the end of a transactional test put the
migrations' rows back at once, so tests pass in any order.

Any test that flushed puts them back, whether it asked for ``serialized_rollback`` or not.
The rows are therefore always there when a transactional test starts (put back by the
previous one, or never taken away), and Django's own reload at its start only rewrote each
of them again: about a thousand saves per test, which the patched start skips.
"""

from django.db import connections
from django.test import TransactionTestCase

_original_setup = TransactionTestCase._fixture_setup.__func__
_original_teardown = TransactionTestCase._fixture_teardown


def _fixture_setup(cls):
    serialized, cls.serialized_rollback = cls.serialized_rollback, False
    try:
        _original_setup(cls)
    finally:
        cls.serialized_rollback = serialized


def _fixture_teardown(self):
    _original_teardown(self)
    for name in self._databases_names(include_mirrors=False):
        connection = connections[name]
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents:
            connection.creation.deserialize_db_from_string(contents)


def reload_after_flush():
    """Patch Django's ``TransactionTestCase`` for the whole session (see module)."""
    TransactionTestCase._fixture_setup = classmethod(_fixture_setup)
    TransactionTestCase._fixture_teardown = _fixture_teardown
