"""Property: every record the interchange schema accepts either imports or is rejected
for a rule the schema cannot express, with the field named — never a database error or
an unhandled exception (issue #12, finding 13).

Records are generated from ``procedures/interchange/procedure.schema.json`` by
hypothesis-jsonschema and imported in-process, one batch per example, each batch rolled
back so examples do not depend on one another; a batch of up to three records also tries
upserts of one code and names shared between records. Derandomized with a modest budget:
the same examples run on every machine, in well under a minute.
"""

import copy
import os

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

from procedures.interchange import mapping, schema
from procedures.interchange.files import DocumentDumper
from procedures.interchange.importer import Importer
from procedures.models import Category
from tests.procedures.records import valid_record

#: Top-level keys of the format: a rejection must name one of them.
KEYS = set(schema.schema()["properties"])


class _Rollback(Exception):
    pass


# A copy: hypothesis-jsonschema rewrites the document it is given, and schema() is cached.
records = from_schema(copy.deepcopy(schema.schema()))


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
    # A deeper search, e.g. before a release: IMPORT_PROPERTY_EXAMPLES=1000.
    max_examples=int(os.environ.get("IMPORT_PROPERTY_EXAMPLES", "40")),
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


# --- What the property test found, pinned as examples ------------------------------------


@pytest.mark.django_db
def test_categories_whose_names_slugify_alike_get_distinct_slugs(procedure_index, tmp_path):
    records = [
        valid_record("KA-02201", categories=["!!!", "???"]),
        valid_record("KA-02202", categories=["Sprawy – obywatelskie", "sprawy obywatelskie"]),
    ]

    outcomes = Importer(tmp_path, parent=procedure_index).run(records)

    assert [o.status for o in outcomes] == ["created", "created"], [o.errors for o in outcomes]
    slugs = sorted(Category.objects.values_list("slug", flat=True))
    assert slugs == ["kategoria", "kategoria-2", "sprawy-obywatelskie", "sprawy-obywatelskie-2"]


@pytest.mark.django_db
def test_a_nul_character_is_refused_naming_the_field(procedure_index, tmp_path):
    record = valid_record("KA-02203", places=[{"name": "Sala\x00Obsługi", "phones": ["42\x00"]}])

    (outcome,) = Importer(tmp_path, parent=procedure_index).run([record])

    assert outcome.status == "rejected"
    assert [path for path, _ in outcome.errors] == ["places[0].name", "places[0].phones[0]"]
    assert "znak NUL" in outcome.errors[0][1]


@pytest.mark.django_db
def test_a_rejected_record_links_no_related_procedure_after_the_import(procedure_index, tmp_path):
    # The second version of KA-02204 links KA-02205, which comes later in the file, and
    # then fails publication (its summary is too long): it is rejected, so the link it
    # asked for must not be made at the end of the import either.
    records = [
        valid_record("KA-02204"),
        valid_record("KA-02204", related_procedures=["KA-02205"], summary="S" * 651),
        valid_record("KA-02205"),
    ]

    outcomes = Importer(tmp_path, publish=True, parent=procedure_index).run(records)

    assert [o.status for o in outcomes] == ["created", "rejected", "created"]
    assert [path for path, _ in outcomes[1].errors] == ["summary"]
    assert outcomes[1].revision_id is None
    page = mapping.ProcedurePage.objects.get(code="KA-02204")
    assert page.get_latest_revision().pk == outcomes[0].revision_id
    assert list(page.get_latest_revision_as_object().related_procedures.all()) == []
