"""The Word actions in the admin: "Pobierz jako Word" for whoever may edit a procedure,
restricted fields only for those who may read them, the empty form, and "Nowa procedura z
pliku Word" with its report."""

import io

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from procedures import roles
from procedures.models import ProcedurePage
from tests.docx.forms import minimal
from tests.factories import RESTRICTED_MARKERS, fill_restricted_fields, find_markers
from tests.procedures import files
from tests.staff import member, session

pytestmark = pytest.mark.django_db

CALL_CENTER = "Informacje dla pracownika Oddziału Call Center"


def text_of(data):
    """Every paragraph and table cell of a .docx, one a line."""
    document = docx.Document(io.BytesIO(data))
    lines = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        lines += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(lines)


@pytest.fixture
def marked(procedure):
    fill_restricted_fields(procedure)
    procedure.save_revision().publish()
    return ProcedurePage.objects.get(pk=procedure.pk)


@pytest.fixture
def own_editor(marked):
    return member(roles.EDITORS, marked.department)


def test_an_editor_downloads_the_procedure_without_any_restricted_value(marked, own_editor):
    response = session(own_editor).get(reverse("docx:export", args=[marked.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{marked.code}.docx"'
    assert "no-store" in response["Cache-Control"]
    text = text_of(response.content)
    assert marked.title in text and "Sposób załatwienia sprawy:" in text
    assert CALL_CENTER not in text
    assert find_markers(text, RESTRICTED_MARKERS.values()) == []


def test_a_moderator_gets_the_call_center_section_with_every_restricted_value(marked, moderator):
    response = session(moderator).get(reverse("docx:export", args=[marked.pk]))
    text = text_of(response.content)
    assert CALL_CENTER in text
    shown = {"cc_description", "cc_other", "faq_question", "faq_answer", "owner", "coordinator"}
    wanted = [RESTRICTED_MARKERS[key] for key in shown]
    assert set(find_markers(text, wanted)) == set(wanted)


def test_no_download_of_another_departments_procedure(marked, editor):
    response = session(editor).get(reverse("docx:export", args=[marked.pk]))
    assert (response.status_code, response.url) == (302, "/admin/")  # Wagtail's "no permission"
    edit = session(editor).get(reverse("wagtailadmin_pages:edit", args=[marked.pk]))
    assert reverse("docx:export", args=[marked.pk]) not in edit.content.decode()


def test_the_edit_view_offers_pobierz_jako_word(marked, own_editor):
    page = session(own_editor).get(reverse("wagtailadmin_pages:edit", args=[marked.pk]))
    html = page.content.decode()
    assert "Pobierz jako Word" in html
    assert reverse("docx:export", args=[marked.pk]) in html


def test_the_empty_form_has_the_templates_labels_and_guidance(own_editor, moderator):
    text = text_of(session(own_editor).get(reverse("docx:empty")).content)
    assert "Wzór opisu procedury" in text
    for label in ("Nazwa procedury:", "Najważniejsze etapy realizacji procedury:", "Komórka:"):
        assert label in text
    assert "Tytuł nie może zawierać więcej niż 160 znaków, włącznie ze spacjami." in text
    assert CALL_CENTER not in text
    assert CALL_CENTER in text_of(session(moderator).get(reverse("docx:empty")).content)


def test_importing_from_the_admin_shows_the_report_and_links_the_draft(own_editor, marked):
    client = session(own_editor)
    assert "Pobierz pusty wzór" in client.get(reverse("docx:import")).content.decode()
    upload = SimpleUploadedFile("karta.docx", minimal(marked.department))
    response = client.post(reverse("docx:import"), {"file": upload})
    html = response.content.decode()
    page = ProcedurePage.objects.get(title="Wydanie karty parkingowej")
    assert not page.live
    assert "Utworzono szkic procedury „Wydanie karty parkingowej”. Nic nie opublikowano." in html
    assert reverse("wagtailadmin_pages:edit", args=[page.pk]) in html


def test_a_file_that_is_not_a_docx_is_refused_in_the_admin(own_editor):
    count = ProcedurePage.objects.count()
    upload = SimpleUploadedFile("wniosek.pdf", files.PDF)
    response = session(own_editor).post(reverse("docx:import"), {"file": upload})
    assert "nie jest dokumentem Word (.docx)" in response.content.decode()
    assert ProcedurePage.objects.count() == count


def test_an_editor_cannot_set_restricted_fields_from_a_form(marked, own_editor, moderator):
    """A form with the Call Center section, filled by an editor: those fields are kept as
    they were and the report says so."""
    data = session(moderator).get(reverse("docx:export", args=[marked.pk])).content
    data = data.replace(b"MARKER-CC-OTHER", b"ZMIENIONE-CC-OTHER")
    upload = SimpleUploadedFile("x.docx", data)
    response = session(own_editor).post(reverse("docx:import"), {"file": upload})
    html = response.content.decode()
    assert "Pominięto pola zastrzeżone" in html
    latest = ProcedurePage.objects.get(pk=marked.pk).get_latest_revision_as_object()
    assert latest.cc_other == RESTRICTED_MARKERS["cc_other"]


def test_who_may_not_edit_any_department_has_no_import(agent):
    response = session(agent).get(reverse("docx:import"))
    assert (response.status_code, response.url) == (302, "/admin/")
    assert "Nowa procedura z pliku Word" not in session(agent).get("/admin/").content.decode()


def test_an_oversized_upload_is_refused_by_its_size_unread(own_editor, monkeypatch):
    monkeypatch.setattr("procedures.docx.views.MAX_BYTES", 100)
    monkeypatch.setattr("procedures.docx.importing.MAX_BYTES", 100)
    count = ProcedurePage.objects.count()
    upload = SimpleUploadedFile("duzy.docx", b"x" * 101)
    response = session(own_editor).post(reverse("docx:import"), {"file": upload})
    assert "Plik „duzy.docx” ma 0.0 MB, a można wczytać najwyżej 0 MB." in (
        response.content.decode()
    )
    assert ProcedurePage.objects.count() == count
