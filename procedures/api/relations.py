"""Relations of procedures read inside the procedures' own query, as JSON.

``select_related`` and ``prefetch_related`` cannot be used in a query whose SQL is built once
and reused (:mod:`.compiled`), and ``prefetch_related`` costs a query per relation besides.
:func:`with_relations` asks for each :class:`Relation` as one JSON value per procedure (an
object for a foreign key, an array for a to-many relation, in a subquery);
:func:`load_relations` turns the values into model instances and leaves them where
``select_related`` or ``prefetch_related`` would, in the order a prefetch gives. Whatever
then reads ``page.department`` or ``page.categories.all()`` — the interchange mapping,
``PublicProcedure`` — gets them without a query. :class:`RecordsQuery` fetches records
of several models (those chosen in StreamFields) in one query the same way.

Each query costs a database round trip, and Django's building and compiling of its SQL
again: on PostgreSQL under load, the detail's ten queries took most of its time.
"""

import json
from datetime import UTC

from django.db import connections
from django.db.models import (
    Aggregate,
    DateTimeField,
    ForeignKey,
    IntegerField,
    JSONField,
    OuterRef,
    Subquery,
    Value,
)
from django.db.models.expressions import RawSQL
from django.db.models.fields.related import ManyToManyField
from django.db.models.functions import JSONObject
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from procedures.models import ProcedurePage
from procedures.sql import CompiledSQL


class JSONArrayAgg(Aggregate):
    """The values of a group as one JSON array: ``JSONB_AGG`` on PostgreSQL,
    ``JSON_GROUP_ARRAY`` on SQLite."""

    function = "JSONB_AGG"
    allow_order_by = True
    output_field = JSONField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, function="JSON_GROUP_ARRAY", **extra_context)


class Relation:
    """The relation ``name`` of a procedure page, read as JSON: a foreign key, a
    many-to-many field or the children of a ``ParentalKey``.

    ``fields`` are the fields of each related instance loaded (default: all); ``records``
    names its foreign keys whose records are loaded with it, as ``select_related`` would,
    each with its fields (``None``: all); ``annotations`` give, for the instant ``at`` of the
    query, expressions over each row of a to-many relation, set on its instance as
    attributes. Fields not loaded are deferred, as with ``only()``: reading one costs a
    query.
    """

    def __init__(self, name, fields=None, records=None, annotations=None):
        model_field = ProcedurePage._meta.get_field(name)
        self.name = name
        self.model = model_field.related_model
        self.to_one = isinstance(model_field, ForeignKey)
        if isinstance(model_field, ManyToManyField):
            # Its rows are the through table's, each pointing to an instance.
            self.rows = model_field.remote_field.through
            self.link = model_field.m2m_field_name()
            self.prefix = f"{model_field.m2m_reverse_field_name()}__"
        elif self.to_one:
            self.rows, self.link, self.prefix = None, None, f"{name}__"
        else:
            self.rows = self.model
            self.link = model_field.field.name
            self.prefix = ""
        self.annotations = annotations or {}
        self.annotation_fields = {
            name: build(None).output_field for name, build in self.annotations.items()
        }
        #: ``(foreign key, or None for the instance itself; its model; attnames loaded)``
        self.parts = [(None, self.model, _attnames(self.model, fields))]
        for key, record_fields in (records or {}).items():
            model = self.model._meta.get_field(key).related_model
            self.parts.append((key, model, _attnames(model, record_fields)))
        self.ordering = list(self.model._meta.ordering)

    def expression(self, using, at):
        """The relation of the outer page at the instant ``at``: a JSON object (its fields
        null when there is no record), or for a to-many relation a JSON array of objects,
        NULL for none, in the relation's order where the database can order an aggregate
        (else :meth:`load` orders them)."""
        columns = {
            _column(key, attname): self.prefix + _column(key, attname)
            for key, _model, attnames in self.parts
            for attname in attnames
        }
        if self.to_one:
            return JSONObject(**columns)
        columns.update({name: build(at) for name, build in self.annotations.items()})
        options = {}
        if connections[using].features.supports_aggregate_order_by_clause:
            options["order_by"] = [self.prefix + name for name in [*self.ordering, "pk"]]
        rows = (
            self.rows._default_manager.filter(**{self.link: OuterRef("pk")})
            .order_by()
            .values(self.link)
            .annotate(rows=JSONArrayAgg(JSONObject(**columns), **options))
            .values("rows")
        )
        return Subquery(rows, output_field=JSONField())

    def load(self, page, value):
        """Gives ``page`` the relation's instances from its JSON ``value``."""
        using = page._state.db
        if isinstance(value, str):  # from a raw query: no converter has decoded it
            value = json.loads(value)
        if self.to_one:
            setattr(page, self.name, self._instance(value, using))
            return
        objects = [self._instance(row, using) for row in value or ()]
        if not connections[using].features.supports_aggregate_order_by_clause:
            # SQLite before 3.44: its default collation compares as Python does.
            objects.sort(key=lambda obj: (*(getattr(obj, n) for n in self.ordering), obj.pk))
        # What prefetch_related leaves: a queryset whose results are known.
        queryset = self.model._default_manager.all()
        queryset._result_cache = objects
        queryset._prefetch_done = True
        page.__dict__.setdefault("_prefetched_objects_cache", {})[self.name] = queryset

    def _instance(self, row, using):
        _key, model, attnames = self.parts[0]
        instance = _from_row(model, row, None, attnames, using)
        if instance is None:
            return None
        for key, related_model, related_attnames in self.parts[1:]:
            setattr(instance, key, _from_row(related_model, row, key, related_attnames, using))
        for name, output_field in self.annotation_fields.items():
            setattr(instance, name, output_field.to_python(row[name]))
        return instance


def _attnames(model, fields):
    """The attnames of ``model`` that are loaded: ``fields``, or every concrete field."""
    return [f.attname for f in model._meta.concrete_fields if fields is None or f.attname in fields]


def _column(key, attname):
    """The name of a value in a row's JSON object (and its lookup from the row)."""
    return f"{key}__{attname}" if key else attname


def _from_row(model, row, key, attnames, using):
    """A ``model`` instance as loaded from database ``using``, from the JSON object ``row``;
    None where the row has no such record (its primary key is null)."""
    if row[_column(key, model._meta.pk.attname)] is None:
        return None
    fields = [f for f in model._meta.concrete_fields if f.attname in attnames]
    values = [_value(f, row[_column(key, f.attname)]) for f in fields]
    return model.from_db(using, [f.attname for f in fields], values)


def _value(model_field, value):
    value = model_field.to_python(value)
    return aware(value) if isinstance(model_field, DateTimeField) else value


def aware(value):
    """An instant from the database as an aware datetime. SQLite gives it as stored, in UTC
    without an offset (as text, or a naive datetime), inside JSON or to a raw query."""
    if isinstance(value, str):
        value = parse_datetime(value)
    if value is not None and timezone.is_naive(value):
        value = timezone.make_aware(value, UTC)
    return value


#: ``pk IN (…)`` the ids in a JSON array parameter, on each database.
_IDS_IN_JSON = {
    "sqlite": "SELECT value FROM json_each(%s)",
    "postgresql": "SELECT jsonb_array_elements(%s::jsonb)::bigint",
}


class RecordsQuery:
    """Records of ``models`` by id, all in one query whose SQL is compiled once (a
    ``UNION ALL`` of each model's rows as JSON, the ids given as JSON arrays)."""

    def __init__(self, models, using):
        self.models = list(models)
        self.using = using
        sql = _IDS_IN_JSON[connections[using].vendor]
        placeholders, queries = {}, []
        for index, model in enumerate(self.models):
            placeholders[f"ids{index}"] = json.dumps([f"placeholder {index}"])
            queries.append(
                model._base_manager.using(using)
                .filter(pk__in=RawSQL(sql, [placeholders[f"ids{index}"]]))  # noqa: S611 - constant SQL
                .order_by()
                .values(
                    model_index=Value(index, output_field=IntegerField()),
                    row=JSONObject(**{f.attname: f.attname for f in model._meta.concrete_fields}),
                )
            )
        first, *others = queries
        union = first.union(*others, all=True).order_by() if others else first
        self.compiled = CompiledSQL(union, placeholders)

    def fetch(self, ids_by_model):
        """``{model: {pk: record}}`` for ``{model: ids}``: one query, none if no id is
        asked for."""
        found = {model: {} for model in self.models}
        if not any(ids_by_model.get(model) for model in self.models):
            return found
        values = {
            f"ids{index}": json.dumps(
                [model._meta.pk.to_python(pk) for pk in ids_by_model.get(model, ())]
            )
            for index, model in enumerate(self.models)
        }
        with connections[self.using].cursor() as cursor:
            cursor.execute(self.compiled.sql, self.compiled.params_with(**values))
            rows = cursor.fetchall()
        for index, row in rows:
            model = self.models[index]
            row = json.loads(row) if isinstance(row, str) else row
            record = _from_row(model, row, None, _attnames(model, None), self.using)
            found[model][record.pk] = record
        return found


def with_relations(queryset, relations, at):
    """``queryset`` with each of ``relations`` (at the instant ``at``) as a JSON annotation,
    for :func:`load_relations`."""
    return queryset.annotate(**{_annotation(r): r.expression(queryset.db, at) for r in relations})


def load_relations(pages, relations):
    """``pages`` (from :func:`with_relations`, or a raw query of its SQL) with their
    ``relations`` in place: ``page.department``, ``page.categories.all()``… ask no query."""
    for page in pages:
        for relation in relations:
            relation.load(page, page.__dict__.pop(_annotation(relation)))
    return pages


def _annotation(relation):
    return f"json_{relation.name}"
