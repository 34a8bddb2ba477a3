"""Export → import without edits gives the same procedure, field for field, for every demo
procedure: compared through the interchange mapping (the export record of the original
and of the imported draft), restricted fields included when exported for a reader."""

import io
from io import StringIO

import docx
import pytest
from django.core.management import call_command
from django.db import transaction

from procedures.demo import content
from procedures.docx.exporting import export_docx, procedure_record
from procedures.docx.importing import import_docx
from procedures.models import ProcedurePage
from procedures.public import RESTRICTED_FIELDS

pytestmark = pytest.mark.django_db

CODES = sorted(record["code"] for record in content.PROCEDURES)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo, seeded once for the module (through the interchange importer); each test
    runs in a savepoint of its own, everything is rolled back after the module."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def in_savepoint(demo):
    """The test's own changes are rolled back by pytest-django's transaction."""


@pytest.mark.parametrize("code", CODES)
def test_a_demo_procedure_comes_back_as_it_was_into_a_new_draft(in_savepoint, code):
    """Imported as a new procedure (another code), so every field comes from the file."""
    original = ProcedurePage.objects.get(code=code)
    before = procedure_record(original, with_restricted=True)
    report = import_docx(export_docx(original, with_restricted=True), "x.docx", code="ZZ-99999")
    assert report.status == "created", "\n".join(report.lines())
    assert report.unplaced == [] and report.missing_documents == []
    after = procedure_record(report.page, with_restricted=True)
    assert {**after, "code": code} == before
    assert not report.page.live


@pytest.mark.parametrize("code", CODES)
def test_a_demo_procedure_exported_for_an_editor_comes_back_unchanged(in_savepoint, code):
    """Without the Call Center section, into the same procedure: nothing changes, the
    restricted fields stay as they were."""
    original = ProcedurePage.objects.get(code=code)
    before = procedure_record(original, with_restricted=True)
    data = export_docx(original, with_restricted=False)
    report = import_docx(data, "x.docx", code=code)
    assert report.status == "unchanged", "\n".join(report.lines())
    assert procedure_record(ProcedurePage.objects.get(code=code), with_restricted=True) == before
    assert all(
        reading.status == "brak w pliku"
        for reading in report.fields
        if reading.key in RESTRICTED_FIELDS
    )


def test_an_edited_form_becomes_a_new_draft_revision_never_published(in_savepoint):
    page = ProcedurePage.objects.get(code="KA-01137")
    live_title = page.title
    document = docx.Document(io.BytesIO(export_docx(page)))
    for paragraph in document.paragraphs:
        if paragraph.text == live_title:
            paragraph.text = "Wydawanie odpisów aktów stanu cywilnego (poprawione)"
    buffer = io.BytesIO()
    document.save(buffer)
    revisions = page.revisions.count()
    report = import_docx(buffer.getvalue(), "x.docx")
    assert report.status == "updated"
    page.refresh_from_db()
    assert page.revisions.count() == revisions + 1
    assert page.title == live_title and page.has_unpublished_changes
    assert page.get_latest_revision_as_object().title.endswith("(poprawione)")


def test_the_committed_sample_reads_back_with_no_change(in_savepoint):
    """procedures/demo/data/files/KA-01147-wzor-opisu-procedury.docx, made by the exporter."""
    sample = content.DATA_DIR / "files" / "KA-01147-wzor-opisu-procedury.docx"
    report = import_docx(sample.read_bytes(), sample.name)
    assert report.status == "unchanged", "\n".join(report.lines())
