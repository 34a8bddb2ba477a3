"""The detail's query, built and compiled once per process (see :mod:`.sql`).

Its SQL (the page with its relations as JSON, :func:`.serializers.with_content`) is the
same for every id and every instant: it is compiled once, with placeholder values, and
each request runs it with its own id and instant where the placeholders were.
"""

from datetime import UTC, datetime
from functools import cache

from django.db import connections, router

from procedures.models import ProcedurePage
from procedures.sql import CompiledSQL

from .serializers import public_procedures, with_content

#: Placeholder values, which no id and no instant of a request can be.
_PK = -2_000_000_011
_AT = datetime(1907, 7, 7, 7, 7, 7, 70707, tzinfo=UTC)


class CompiledDetail:
    """The SQL of ``with_content(public_procedures(at).filter(pk=pk))[:1]`` on database
    ``using``, run for any ``pk`` and ``at``."""

    def __init__(self, using):
        self.using = using
        queryset = with_content(public_procedures(_AT).filter(pk=_PK), at=_AT)
        self.compiled = CompiledSQL(queryset.using(using)[:1], {"pk": _PK, "at": self._adapt(_AT)})

    def _adapt(self, at):
        # As the ORM gives the database an instant compared with a DateTimeField.
        field = ProcedurePage._meta.get_field("go_live_at")
        return field.get_db_prep_value(at, connections[self.using])

    def pages(self, pk, at):
        """The raw query of the procedure ``pk`` if public at ``at``: at most one page, for
        :func:`.serializers.fetch`."""
        params = self.compiled.params_with(pk=pk, at=self._adapt(at))
        return ProcedurePage.objects.using(self.using).raw(self.compiled.sql, params)


def compiled_detail(model):
    """The :class:`CompiledDetail` of the database ``model`` is read from, compiled on its
    first use in the process."""
    return _compiled(router.db_for_read(model))


@cache
def _compiled(using):
    return CompiledDetail(using)
