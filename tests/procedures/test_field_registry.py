"""One row per key of a procedure (procedures.fields): the interchange format's keys, the
template's restricted fields, the model's attributes."""

from collections import Counter

from django.core.exceptions import FieldDoesNotExist

from procedures.fields import FIELDS, FIELDS_BY_KEY, Interchange
from procedures.interchange.schema import schema
from procedures.models import ProcedurePage

from .template_spec import template_fields


def test_every_key_of_the_interchange_format_has_exactly_one_row():
    keys = Counter(row.key for row in FIELDS)
    assert [key for key, rows in keys.items() if rows > 1] == []
    assert set(keys) == set(schema()["properties"])


def test_every_restricted_field_of_the_template_has_exactly_one_restricted_row():
    template = template_fields()
    restricted = [key for key, starred in template.items() if starred]
    assert len(restricted) == 10
    rows = [row for row in FIELDS if not row.public]
    assert sorted(row.key for row in rows) == sorted(restricted)
    assert all(FIELDS_BY_KEY[key].public for key, starred in template.items() if not starred)


def _model_has(name):
    try:
        ProcedurePage._meta.get_field(name)
    except FieldDoesNotExist:
        # A value the model derives (ProcedurePage.unit) is a property.
        return isinstance(getattr(ProcedurePage, name, None), property)
    return True


def test_the_model_has_every_attribute_a_row_names():
    named = [name for row in FIELDS for name in row.model_fields]
    assert [name for name in named if not _model_has(name)] == []
    assert len(named) == len(set(named))


def test_rows_read_as_the_search_and_the_interchange_need():
    for row in FIELDS:
        assert all(weight in "ABCD" for _part, weight in row.weights), row.key
        assert not row.boost or row.public, f"{row.key}: Wagtail's index is public"
        if row.interchange is Interchange.TERMS:
            assert ProcedurePage._meta.get_field(row.attribute).many_to_many, row.key
        if row.parts:
            assert row.interchange is Interchange.STRUCTURE, row.key


def test_labels_are_the_models():
    assert FIELDS_BY_KEY["summary"].label == "Skrócony opis sprawy"
    assert FIELDS_BY_KEY["owner"].label == "Właściciel"
    assert FIELDS_BY_KEY["unit"].label is None  # derived from the department
