"""``transaction.on_commit`` in tests as in production.

pytest-django wraps each test in a transaction that is never committed, so callbacks
registered with ``on_commit`` (cache purges among them) would never run. With
:func:`production_commits` active, a callback runs as it would on an autocommit
connection: at once when no block of the code's own is open, otherwise when the code's
outermost ``transaction.atomic()`` block exits without error, and never after its rollback.
"""

import logging
from contextlib import contextmanager
from unittest import mock

from django.db import connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper

logger = logging.getLogger(__name__)

_original_on_commit = BaseDatabaseWrapper.on_commit
_original_exit = transaction.Atomic.__exit__


def _only_test_blocks(connection):
    return all(getattr(block, "_from_testcase", False) for block in connection.atomic_blocks)


def _run(func, robust):
    if not robust:
        func()
        return
    try:
        func()
    except Exception:
        logger.exception("Error calling %s in on_commit()", getattr(func, "__qualname__", func))


def _on_commit(self, func, robust=False):
    if self.in_atomic_block and _only_test_blocks(self):
        _run(func, robust)  # what autocommit does outside a transaction
    else:
        _original_on_commit(self, func, robust)


def _exit(self, exc_type, exc_value, traceback):
    connection = connections[self.using or "default"]
    outermost = not self._from_testcase and _only_test_blocks_after_exit(connection, self)
    result = _original_exit(self, exc_type, exc_value, traceback)
    if outermost:
        # The code's own transaction is over: committed unless it failed.
        pending, connection.run_on_commit = connection.run_on_commit, []
        if exc_type is None and not connection.needs_rollback:
            for _sids, func, robust in pending:
                _run(func, robust)
    return result


def _only_test_blocks_after_exit(connection, block):
    blocks = list(connection.atomic_blocks)
    if blocks and blocks[-1] is block:
        blocks.pop()
    return all(getattr(b, "_from_testcase", False) for b in blocks)


@contextmanager
def production_commits():
    """Run ``on_commit`` callbacks when the code's own transaction commits (see module)."""
    with (
        mock.patch.object(BaseDatabaseWrapper, "on_commit", _on_commit),
        mock.patch.object(transaction.Atomic, "__exit__", _exit),
    ):
        yield
