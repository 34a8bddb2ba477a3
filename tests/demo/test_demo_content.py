"""The demo's data files are what the importer accepts, and they hang together."""

from pathlib import Path

import pytest

from procedures.demo import content
from procedures.interchange.importer import iter_records
from procedures.interchange.schema import validator

RECORDS = list(iter_records(content.PROCEDURES_FILE))


@pytest.mark.parametrize("record", RECORDS, ids=[record.get("code") for record in RECORDS])
def test_each_demo_procedure_matches_the_interchange_schema(record):
    """Every rule of procedure.schema.json, lengths included."""
    errors = [
        f"{'.'.join(map(str, error.absolute_path))}: {error.message}"
        for error in validator().iter_errors(record)
    ]
    assert errors == []


def test_demo_procedures_have_unique_codes_and_link_only_to_each_other():
    codes = [record["code"] for record in RECORDS]
    assert len(codes) == len(set(codes)) == len(content.PROCEDURES)
    for record in RECORDS:
        assert set(record["related_procedures"]) <= set(codes), record["code"]
    for code in (content.IN_REVIEW_CODE, content.SCHEDULED_CODE, content.WITHDRAWN_CODE):
        assert code in codes


def test_demo_files_named_by_the_procedures_are_beside_them():
    paths = [
        document[key]
        for record in RECORDS
        for group in record["required_documents"].values()
        for document in group
        for key in ("file", "sample_file")
        if document.get(key)
    ] + [document["file"] for record in RECORDS for document in record["other_documents"]]
    paths = [path for path in paths if path]
    assert paths
    for path in paths:
        assert not Path(path).is_absolute()
        assert (content.DATA_DIR / path).is_file(), path


def test_demo_procedures_name_the_demo_organisation():
    """Units, departments, offices, staff and categories of the procedures are the
    organisation records, so the import creates none of its own."""
    organisation = content.ORGANISATION
    departments = {(d["unit"], d["name"]) for d in organisation["departments"]}
    assert {d["unit"] for d in organisation["departments"]} <= {
        u["name"] for u in organisation["units"]
    }
    offices = {(o["name"], o["address"] or None) for o in organisation["offices"]}
    employees = {e["name"] for e in organisation["employees"]}
    categories = {c["name"] for c in organisation["categories"]}
    assert {(o["unit"], o["department"]) for o in organisation["offices"]} <= departments
    assert {(e["unit"], e["department"]) for e in organisation["employees"]} <= departments
    for record in RECORDS:
        assert (record["unit"], record["department"]) in departments, record["code"]
        assert {(p["name"], p["address"]) for p in record["places"]} <= offices, record["code"]
        people = [record["owner"], record["coordinator"], *record["information_authors"]]
        people += record["cc_contacts"]
        assert {person["name"] for person in people} <= employees, record["code"]
        assert set(record["categories"]) <= categories, record["code"]
