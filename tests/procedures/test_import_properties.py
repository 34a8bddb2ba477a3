"""Property: every record the interchange schema accepts either imports or is rejected
for a rule the schema cannot express, with the field named — never a database error or
an unhandled exception (issue #12, finding 13).

Records are generated from ``procedures/interchange/procedure.schema.json`` by
hypothesis-jsonschema and imported in-process, one batch per example, each batch rolled
back so examples do not depend on one another. Derandomized with a modest budget: the same
examples run on every machine, in well under a minute.
"""

import os

import pytest
from django.db import transaction
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

from procedures.interchange import mapping, schema
from procedures.interchange.files import DocumentDumper
from procedures.interchange.importer import Importer

#: Top-level keys of the format: a rejection must name one of them.
KEYS = set(schema.schema()["properties"])


class _Rollback(Exception):
    pass


records = from_schema(schema.schema())


def _named_key(path):
    return path.split("[", 1)[0].split(".", 1)[0]


def _check(outcome, record):
    assert outcome.status in ("created", "updated", "unchanged", "rejected"), outcome
    if outcome.status != "rejected":
        return
    assert outcome.errors, f"rejected without a reason: {record!r}"
    for path, message in outcome.errors:
        assert not message.startswith("Baza danych"), (path, message, record)
        assert _named_key(path) in KEYS, (
            f"the rejection does not name a field: {path}: {message}\n{record!r}"
        )


@pytest.mark.django_db
@settings(
    derandomize=True,
    database=None,
    max_examples=int(os.environ.get("PROP_N", 60)),
    phases=[Phase.explicit, Phase.generate] if os.environ.get("PROP_NOSHRINK") else list(Phase),
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
@given(batch=st.lists(records, min_size=1, max_size=3), publish=st.booleans())
def test_every_schema_valid_record_imports_or_is_rejected_naming_its_field(
    procedure_index, tmp_path, batch, publish
):
    for record in batch:
        assert schema.is_valid(record)
    try:
        with transaction.atomic():
            importer = Importer(tmp_path, publish=publish, parent=procedure_index)
            outcomes = importer.run(batch)
            assert len(outcomes) == len(batch)
            for outcome, record in zip(outcomes, batch, strict=True):
                _check(outcome, record)
                if outcome.published:
                    # What was published can be exported again in the same format.
                    page = mapping.ProcedurePage.objects.get(
                        code=record["code"]
                    ).get_latest_revision_as_object()
                    exported = mapping.dump_procedure(
                        page, with_restricted=True, documents=DocumentDumper()
                    )
                    assert schema.schema_errors(exported) == [], exported
            raise _Rollback
    except _Rollback:
        pass
