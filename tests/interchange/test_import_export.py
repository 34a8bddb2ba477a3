"""Import and export in the interchange format (shared/spec/procedure.schema.json)."""

import json
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from wagtail.models import Revision

from procedures.interchange import schema
from procedures.models import (
    Department,
    Employee,
    OrganisationalUnit,
    ProcedureDocument,
    ProcedurePage,
)
from procedures.public import RESTRICTED_FIELDS
from tests.procedures.records import NRB, documents_with_files, rejected, run_import, valid_record

INVALID = {
    "KA-02001": {"title": "T" * 161},
    "KA-02002": {"summary": "S" * 651},
    "KA-02003": {"steps": [{"name": "N" * 41, "comment": None, "electronic": False}]},
    "KA-02004": {"steps": [{"name": "Złóż wniosek", "comment": "C" * 76, "electronic": False}]},
    "KA-02005": {
        "fees": [{"type": "opłata", "amount": "17.00", "account": NRB[:-1] + "4", "remarks": None}]
    },
    "KA-02006": {"fees": []},
    "KA-02007": {
        "required_documents": {"to_submit": [{"name": "Wniosek", "file": "pliki/program.pdf"}]}
    },
    "KA-02008": {"unit": "Jednostka tylko z odrzuconego rekordu", "title": "T" * 200},
}


def test_mixed_file_imports_the_good_and_reports_each_bad(procedure_index, write):
    good = [valid_record("KA-01001"), valid_record("KA-01002")]
    bad = [valid_record(code, **changes) for code, changes in INVALID.items()]
    status, report = run_import(write([good[0], *bad, good[1]]), "--publish")

    assert status == 1
    assert set(ProcedurePage.objects.values_list("code", flat=True)) == {"KA-01001", "KA-01002"}
    assert all(p.live for p in ProcedurePage.objects.all())

    errors = rejected(report)
    assert set(errors) == set(INVALID)

    def messages(code, path):
        return [m for p, m in errors[code] if p == path]

    assert "najwyżej 160 znaków" in messages("KA-02001", "title")[0]
    assert "najwyżej 650 znaków" in messages("KA-02002", "summary")[0]
    assert "„Nazwa etapu” może mieć najwyżej 40" in messages("KA-02003", "steps[0].name")[0]
    assert "„Komentarz” może mieć najwyżej 75" in messages("KA-02004", "steps[0].comment")[0]
    assert "sumę kontrolną" in messages("KA-02005", "fees[0].account")[0]
    assert "brak" in messages("KA-02006", "fees")[0]
    assert "nie jest plikiem PDF" in messages("KA-02007", "required_documents.to_submit[0].file")[0]

    # Nothing partial is left behind for a rejected record.
    assert not OrganisationalUnit.objects.filter(
        name="Jednostka tylko z odrzuconego rekordu"
    ).exists()
    assert not ProcedureDocument.objects.exists()
    assert {r["status"] for r in report["records"] if r["code"].startswith("KA-01")} == {"created"}


def test_boundary_lengths_are_accepted(procedure_index, write):
    record = valid_record(
        "KA-01003",
        title="T" * 160,
        summary="S" * 650,
        steps=[{"name": "N" * 40, "comment": "C" * 75, "electronic": True}],
    )
    status, report = run_import(write([record]), "--publish")
    assert status == 0, report
    page = ProcedurePage.objects.get(code="KA-01003")
    assert len(page.title) == 160 and len(page.summary) == 650


def test_reimport_creates_no_revision_and_one_change_creates_exactly_one(procedure_index, write):
    records = [valid_record("KA-01004"), valid_record("KA-01005")]
    path = write(records)
    assert run_import(path, "--publish")[0] == 0
    count = Revision.objects.count()

    status, report = run_import(path, "--publish")
    assert status == 0
    assert {r["status"] for r in report["records"]} == {"unchanged"}
    assert Revision.objects.count() == count

    records[1]["summary"] = "Nowy skrócony opis."
    status, report = run_import(write(records), "--publish")
    assert [r["status"] for r in report["records"]] == ["unchanged", "updated"]
    assert Revision.objects.count() == count + 1
    assert ProcedurePage.objects.get(code="KA-01005").summary == "Nowy skrócony opis."
    assert ProcedurePage.objects.filter(code="KA-01005").count() == 1


def test_dry_run_writes_nothing(procedure_index, write):
    status, report = run_import(
        write([valid_record("KA-01006"), valid_record("KA-02001", title="T" * 161)]), "--dry-run"
    )
    assert status == 1
    assert [r["status"] for r in report["records"]] == ["created", "rejected"]
    assert report["dry_run"] is True
    assert not ProcedurePage.objects.exists()
    assert not Employee.objects.filter(name="Anna Kowalska").exists()


def test_drafts_without_publish_and_draft_rules(procedure_index, write):
    incomplete = valid_record("KA-01007")
    for key in ("fees", "appeal", "owner", "coordinator", "appointment"):
        del incomplete[key]
    status, report = run_import(write([incomplete]))
    assert status == 0, report
    page = ProcedurePage.objects.get(code="KA-01007")
    assert not page.live  # a draft for editors to complete

    status, report = run_import(write([incomplete]), "--publish")
    assert status == 1
    paths = {path for path, _ in rejected(report)["KA-01007"]}
    assert {"fees", "appeal", "owner", "coordinator", "appointment"} <= paths


def test_future_valid_from_schedules_on_publish(procedure_index, write):
    start = (timezone.now() + timedelta(days=3)).replace(microsecond=0)
    record = valid_record("KA-01008", valid_from=start.isoformat())
    status, report = run_import(write([record]), "--publish")
    assert status == 0, report
    assert report["records"][0]["scheduled"] is True
    page = ProcedurePage.objects.get(code="KA-01008")
    assert not page.live
    assert page not in ProcedurePage.objects.public()
    assert page in ProcedurePage.objects.live() or page.get_latest_revision().approved_go_live_at


def test_file_shapes_single_object_and_wrapper(procedure_index, write):
    assert run_import(write(valid_record("KA-01009"), "one.json"))[0] == 0
    assert run_import(write({"procedures": [valid_record("KA-01010")]}, "wrapped.json"))[0] == 0
    assert ProcedurePage.objects.filter(code__in=["KA-01009", "KA-01010"]).count() == 2


def test_broken_json_is_reported_not_crashed(procedure_index, tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('[{"code": "KA-01011", "title": ', encoding="utf-8")
    with pytest.raises(CommandError, match="JSON"):
        call_command("import_procedures", str(path))


def test_documents_are_attached_and_shared_by_content(procedure_index, write):
    documents = {
        "to_submit": [
            {"name": "Wniosek", "file": "pliki/wniosek.docx", "sample_file": "pliki/wniosek.pdf"}
        ],
        "to_inspect": [{"name": "Dowód osobisty", "file": None}],
    }
    records = [
        valid_record("KA-01012", required_documents=documents),
        valid_record("KA-01013", required_documents=documents),
    ]
    status, report = run_import(write(records), "--publish")
    assert status == 0, report
    assert ProcedureDocument.objects.count() == 2  # one .docx form and one PDF sample
    form = ProcedureDocument.objects.get(file__endswith=".docx")
    assert form.is_fillable_form
    # Filed with the department of the procedure that brought it, whose editors manage it.
    department = ProcedurePage.objects.get(code="KA-01012").department
    assert form.collection == department.document_collection


def test_related_procedures_resolve_within_the_file(procedure_index, write):
    records = [
        valid_record("KA-01014", related_procedures=["KA-01015"]),
        valid_record("KA-01015", related_procedures=["KA-01014"]),
    ]
    status, report = run_import(write(records), "--publish")
    assert status == 0, report
    first = ProcedurePage.objects.get(code="KA-01014")
    assert [link.procedure.code for link in first.related_procedures.all()] == ["KA-01015"]


def export(*args):
    from io import StringIO

    out = StringIO()
    call_command("export_procedures", *args, stdout=out)
    return json.loads(out.getvalue())


def test_public_export_has_no_restricted_keys_and_matches_the_schema(procedure_index, write):
    run_import(write([valid_record("KA-01016")]), "--publish")
    public = export()
    assert len(public) == 1
    assert not set(public[0]) & set(RESTRICTED_FIELDS) - {"valid_from", "valid_to"} - set()
    for key in RESTRICTED_FIELDS:
        key = {"owner": "owner"}.get(key, key)
        assert key not in public[0]
    assert schema.is_valid(public[0])

    full = export("--with-restricted")
    assert full[0]["faq"][0]["question"] == "Czy trzeba zapłacić?"
    assert full[0]["owner"]["name"] == "Anna Kowalska"
    assert schema.is_valid(full[0])


def test_round_trip_is_identical_documents_included(procedure_index, write, tmp_path):
    documents = documents_with_files()
    records = [
        valid_record(
            "KA-01017",
            required_documents=documents,
            other_documents=[{"name": "Klauzula RODO", "file": "pliki/wniosek.pdf"}],
            related_procedures=["KA-01018"],
            valid_to=(timezone.now() + timedelta(days=365)).replace(microsecond=0).isoformat(),
            information_date="2026-11-02",
            cc_contacts=[{"name": "Ewa Zielińska", "phone": "42 638 40 02"}],
            cc_description="<p>Opis dla agentów.</p>",
            additional_info="<p>Dodatkowe.</p>",
            submission_deadline="Bez terminu.",
            reuse_conditions=None,
            is_internal=False,
        ),
        valid_record(
            "KA-01018",
            appeal="<p>Odwołanie do SKO w terminie 14 dni.</p>",
            appointment="nie dotyczy",
            submission_channels="nie dotyczy",
            fees="brak",
        ),
    ]
    assert run_import(write(records), "--publish")[0] == 0

    first_dir = tmp_path / "first"
    first_dir.mkdir()
    call_command("export_procedures", "--with-restricted", "--out", str(first_dir / "e.json"))
    first = (first_dir / "e.json").read_text(encoding="utf-8")
    for record in json.loads(first):
        assert schema.is_valid(record), record

    # An empty database: no procedures, documents, people or organisation left.
    for page in ProcedurePage.objects.all():
        page.delete()
    ProcedureDocument.objects.all().delete()
    Employee.objects.all().delete()
    Department.objects.all().delete()
    OrganisationalUnit.objects.all().delete()

    status, report = run_import(first_dir / "e.json", "--publish")
    assert status == 0, report
    second_dir = tmp_path / "second"
    second_dir.mkdir()
    call_command("export_procedures", "--with-restricted", "--out", str(second_dir / "e.json"))
    assert (second_dir / "e.json").read_text(encoding="utf-8") == first
    first_files = sorted(p.name for p in (first_dir / "e_files").iterdir())
    assert first_files == sorted(p.name for p in (second_dir / "e_files").iterdir())
    assert len(first_files) == 2


def test_the_projects_schema_is_the_shared_interchange_format():
    """Our schema accepts exactly what the city's shared schema accepts (same document)."""
    from pathlib import Path

    from django.conf import settings

    shared = Path(settings.BASE_DIR).parent / "shared" / "spec" / "procedure.schema.json"
    if not shared.exists():
        pytest.skip("shared/spec is not beside this checkout")
    assert json.loads(shared.read_text(encoding="utf-8")) == schema.schema()


def test_progress_bar_on_a_terminal_and_lines_otherwise():
    from io import StringIO

    from procedures.interchange.importer import Outcome, Progress

    terminal = StringIO()
    progress = Progress(terminal, is_terminal=True, total=4)
    for status in ["created", "rejected"]:
        progress.update(Outcome(0, "KA-00001", status))
    assert "\r" in terminal.getvalue()
    assert " 50% 2/4" in terminal.getvalue()
    assert "odrzuconych 1" in terminal.getvalue()

    log = StringIO()
    progress = Progress(log, is_terminal=False, every_seconds=0)
    progress.update(Outcome(0, "KA-00001", "created"))
    progress.finish()
    lines = log.getvalue().splitlines()
    assert len(lines) == 2 and lines[0].startswith("Import: 1 rekordów")


def test_reference_records_follow_their_own_rules(procedure_index, write):
    """A value its record refuses is reported with its path, not a database error."""
    long_name = "Anna " + "Kowalska-" * 30  # 275 characters: any length is a name
    records = [
        valid_record("KA-01019", owner={"name": long_name, "email": "a.kowalska@"}),
        valid_record("KA-01020", department="W" * 501),  # a unique name holds 500
        valid_record("KA-01021"),
    ]
    status, report = run_import(write(records), "--publish")
    assert status == 1
    errors = rejected(report)
    assert {path for path, _ in errors["KA-01019"]} == {"owner"}
    assert {path for path, _ in errors["KA-01020"]} == {"department"}
    assert ProcedurePage.objects.filter(code="KA-01021").exists()
    assert not Employee.objects.filter(name=long_name).exists()


def test_public_export_names_authors_without_their_contact_details(procedure_index, write):
    authors = [{"name": "Anna Kowalska", "email": "a.kowalska@uml.lodz.pl", "phone": "42 1"}]
    run_import(write([valid_record("KA-01022", information_authors=authors)]), "--publish")
    public = export("--code", "KA-01022")[0]
    assert public["information_authors"] == [
        {"name": "Anna Kowalska", "email": None, "phone": None}
    ]
    full = export("--code", "KA-01022", "--with-restricted")[0]
    assert full["information_authors"][0]["email"] == "a.kowalska@uml.lodz.pl"


def test_public_export_never_names_an_internal_related_procedure(procedure_index, write):
    records = [
        valid_record("KA-01023", related_procedures=["KA-01024", "KA-01025"]),
        valid_record("KA-01024", is_internal=True),
        valid_record("KA-01025"),
    ]
    assert run_import(write(records), "--publish")[0] == 0
    public = export("--code", "KA-01023")[0]
    assert public["related_procedures"] == ["KA-01025"]
    full = export("--code", "KA-01023", "--with-restricted")[0]
    assert full["related_procedures"] == ["KA-01024", "KA-01025"]
