"""SQL built and compiled once per process, run with each request's values.

Django builds and compiles a query's SQL again every time it is evaluated. For the API's
detail, and for the portal's routing to a procedure, that took as long as everything else
the request does, though the SQL is the same for every request: only some of its
parameters differ. :class:`CompiledSQL` compiles a
queryset once, with placeholder values, and gives the parameters of a run with the
request's values where the placeholders were.
"""


class CompiledSQL:
    """The SQL and parameters of ``queryset`` on its database, and which parameters are
    the ``placeholders`` (``{name: value as the database is given it}``)."""

    def __init__(self, queryset, placeholders):
        self.using = queryset.db
        self.sql, self.params = queryset.query.get_compiler(self.using).as_sql()
        self.slots = [
            next((name for name, held in placeholders.items() if value == held), None)
            for value in self.params
        ]
        missing = set(placeholders) - set(self.slots)
        if missing:
            raise ValueError(f"placeholders {sorted(missing)} are not among the parameters")

    def params_with(self, **values):
        """The parameters with ``values`` (``{name: value as the database is given it}``)
        where the placeholders were."""
        return [
            values[slot] if slot else value
            for slot, value in zip(self.slots, self.params, strict=True)
        ]
