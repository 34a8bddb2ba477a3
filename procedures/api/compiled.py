"""The detail's query, built and compiled once per process.

Django builds and compiles a query's SQL on every evaluation; for the detail's query (the
page with its relations as JSON, :func:`.serializers.with_content`) that took as long as
everything else the request does. Its SQL is the same for every id and every instant, so
it is compiled once, with placeholder values, and each request runs it with its own id and
instant put where the placeholders were.
"""

from datetime import UTC, datetime
from functools import cache

from django.db import connections, router

from procedures.models import ProcedurePage

from .serializers import public_procedures, with_content

#: Placeholder values, which no id and no instant of a request can be.
_PK = -2_000_000_011
_AT = datetime(1907, 7, 7, 7, 7, 7, 70707, tzinfo=UTC)


class CompiledDetail:
    """The SQL of ``with_content(public_procedures(at).filter(pk=pk))[:1]`` on database
    ``using``, and where ``pk`` and ``at`` go among its parameters."""

    def __init__(self, using):
        self.using = using
        connection = connections[using]
        queryset = with_content(public_procedures(_AT).filter(pk=_PK), at=_AT)[:1]
        self.sql, self.params = queryset.query.get_compiler(using).as_sql()
        at = self._adapt(_AT)
        self.slots = [
            "pk" if value == _PK else "at" if value == at else None for value in self.params
        ]
        if "pk" not in self.slots or "at" not in self.slots:
            raise ValueError(f"placeholders not found among the parameters on {connection}")

    def _adapt(self, at):
        # As the ORM passes an instant compared with a DateTimeField.
        field = ProcedurePage._meta.get_field("go_live_at")
        return field.get_db_prep_value(at, connections[self.using])

    def pages(self, pk, at):
        """The raw query of the procedure ``pk`` if public at ``at``: at most one page, for
        :func:`.serializers.fetch`."""
        at = self._adapt(at)
        values = {"pk": pk, "at": at}
        params = [
            values.get(slot, value) for slot, value in zip(self.slots, self.params, strict=True)
        ]
        return ProcedurePage.objects.using(self.using).raw(self.sql, params)


def compiled_detail(model):
    """The :class:`CompiledDetail` of the database ``model`` is read from, compiled on its
    first use in the process."""
    return _compiled(router.db_for_read(model))


@cache
def _compiled(using):
    return CompiledDetail(using)
