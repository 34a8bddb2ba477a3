"""Filled forms typed the way people type them: each gives the expected draft or the
expected Polish report, and a refused one leaves nothing behind."""

import io

import docx
import pytest
from wagtail.models import Revision

from procedures.docx.exporting import empty_docx
from procedures.docx.importing import UNPLACED_HEADING, import_docx
from procedures.models import ProcedureDocument, ProcedurePage
from tests.docx.forms import bold, heading, minimal, table, typed_form
from tests.factories import DepartmentFactory, OrganisationalUnitFactory
from tests.procedures import files

pytestmark = pytest.mark.django_db


@pytest.fixture
def department(procedure_index):
    unit = OrganisationalUnitFactory(name="Urząd Miasta Łodzi")
    return DepartmentFactory(unit=unit, name="Wydział Spraw Obywatelskich i Komunikacji")


def draft_of(report):
    assert report.saved, "\n".join(report.lines())
    page = report.page.get_latest_revision_as_object()
    assert not report.page.live
    return page


def fields(report):
    return {reading.label: reading for reading in report.fields}


def test_dash_lists_become_steps_with_comments_and_terms(department):
    data = minimal(
        department,
        "Wydanie karty parkingowej",
        "",
        bold("Najważniejsze etapy realizacji procedury:"),
        "- złóż wniosek @",
        "komentarz: osobiście albo przez ePUAP",
        "",
        "– czekaj na decyzję",
        "krok 3 – odbierz kartę",
        bold("Czynności możliwe do załatwienia drogą elektroniczną:"),
        "- umówienie wizyty",
        "• złożenie wniosku",
        bold("Powiązane procedury:"),
        "- nie dotyczy",
    )
    page = draft_of(import_docx(data, "karta.docx"))
    assert [step.value["name"] for step in page.steps] == [
        "złóż wniosek",
        "czekaj na decyzję",
        "odbierz kartę",
    ]
    assert page.steps[0].value["comment"] == "osobiście albo przez ePUAP"
    assert [step.value["electronic"] for step in page.steps] == [True, False, False]
    assert sorted(a.name for a in page.electronic_actions.all()) == [
        "umówienie wizyty",
        "złożenie wniosku",
    ]
    assert page.department == department


def test_bold_pseudo_headings_inline_labels_and_markers_in_any_case(department):
    data = typed_form(
        bold("WZÓR OPISU PROCEDURY"),
        "",
        bold("Nazwa procedury"),
        "Wydanie zaświadczenia o zameldowaniu",
        bold("Skrócony opis sprawy"),
        "Zaświadczenie potwierdza adres zameldowania.",
        bold("Sposób załatwienia sprawy"),
        "Złóż wniosek.",
        "- osobiście",
        "- przez ePUAP",
        bold("Opłaty: BRAK"),
        bold("Umawianie/rezerwacja wizyty:"),
        "Nie Dotyczy",
        bold("Tryb odwoławczy:"),
        "brak.",
        bold("Formy i miejsce składania dokumentów:"),
        "NIE DOTYCZY",
        bold("Procedura wewnętrzna*: (tak/nie)"),
        "Nie",
        bold("Komórka:"),
        department.name.upper(),
    )
    report = import_docx(data, "zaswiadczenie.docx")
    page = draft_of(report)
    assert page.title == "Wydanie zaświadczenia o zameldowaniu"
    assert [child.block_type for child in page.fees] == ["none"]
    assert [child.block_type for child in page.appointment] == ["not_applicable"]
    assert [child.block_type for child in page.appeal] == ["none"]
    assert [child.block_type for child in page.submission_channels] == ["not_applicable"]
    assert "<ul>" in page.how_to and "przez ePUAP" in page.how_to
    assert page.department == department
    assert fields(report)["Opłaty"].status == "wczytano"


def test_missing_optional_sections_give_a_draft_and_say_what_was_absent(department):
    report = import_docx(minimal(department), "krotki.docx")
    page = draft_of(report)
    assert page.title == "Wydanie karty parkingowej"
    assert list(page.steps) == [] and list(page.fees) == []
    assert not page.code
    assert fields(report)["Opłaty"].status == "brak w pliku"
    assert fields(report)["Nazwa procedury"].status == "wczytano"
    assert "Utworzono szkic procedury „Wydanie karty parkingowej”. Nic nie opublikowano." in (
        report.lines()
    )


def test_an_over_long_title_is_refused_with_the_field_named(department):
    title = "Wydanie " + "bardzo " * 22  # 162 characters
    assert len(title.strip()) > 160
    before = ProcedurePage.objects.count(), Revision.objects.count()
    report = import_docx(minimal(department, title.strip()), "dlugi.docx")
    assert not report.saved
    assert (ProcedurePage.objects.count(), Revision.objects.count()) == before
    [(label, message)] = [error for error in report.errors if error[0] == "Nazwa procedury"]
    assert "160" in message
    assert report.summary().startswith("Nie zapisano szkicu")


def test_an_unknown_department_is_refused_in_polish(department):
    data = typed_form(
        bold("Nazwa procedury:"),
        "Wydanie karty",
        bold("Komórka:"),
        "Wydział Nieistniejący",
    )
    count = ProcedurePage.objects.count()
    report = import_docx(data, "nieznana.docx")
    assert not report.saved
    assert ProcedurePage.objects.count() == count
    assert report.errors == [
        (
            "Komórka",
            "Nie ma komórki „Wydział Nieistniejący” w strukturze organizacyjnej. Wpisz jej "
            "nazwę tak, jak w panelu (Struktura organizacyjna → Komórki).",
        )
    ]


@pytest.mark.parametrize(
    "data",
    [files.PDF, files.docx(), files.plain_zip(), b"", b"Nazwa procedury: x"],
    ids=["pdf", "broken-docx", "zip", "empty", "text"],
)
def test_a_file_that_is_not_a_docx_gets_a_clear_message_and_leaves_nothing(department, data):
    counts = ProcedurePage.objects.count(), ProcedureDocument.objects.count()
    report = import_docx(data, "wniosek.pdf")
    assert report.file_error == (
        "Plik „wniosek.pdf” nie jest dokumentem Word (.docx). Zapisz go w Wordzie jako "
        "„Dokument programu Word (*.docx)” i wczytaj ponownie."
    )
    assert not report.saved
    assert (ProcedurePage.objects.count(), ProcedureDocument.objects.count()) == counts


def test_an_oversized_file_is_refused_by_its_size(department, settings, monkeypatch):
    monkeypatch.setattr("procedures.docx.importing.MAX_BYTES", 1000)
    report = import_docx(minimal(department), "duzy.docx")
    assert "a można wczytać najwyżej" in report.file_error


def test_a_table_with_a_row_added_and_text_not_understood_kept_in_the_draft(department):
    data = minimal(
        department,
        "Wydanie karty",
        heading("Opłaty:"),
        table(
            ["Rodzaj opłaty", "Kwota (zł)", "Numer rachunku", "Uwagi"],
            ["opłata skarbowa", "17,00 zł", "50 1240 1037 1111 0011 0925 0073", ""],
            ["pełnomocnictwo", "17", "50 1240 1037 1111 0011 0925 0073", "od każdego"],
            ["duplikat", "zależy od urzędu", "50 1240 1037 1111 0011 0925 0073", ""],
        ),
        bold("Procedura prowadzona w systemie do elektronicznego zarządzania dokumentacją*:"),
        "chyba tak",
        bold("Uwagi końcowe"),
    )
    report = import_docx(data, "oplaty.docx")
    page = draft_of(report)
    assert [(fee.value["type"], str(fee.value["amount"])) for fee in page.fees] == [
        ("opłata skarbowa", "17.00"),
        ("pełnomocnictwo", "17"),
    ]
    readings = fields(report)
    assert readings["Opłaty"].status == "nie zrozumiano"
    assert "zależy od urzędu" in readings["Opłaty"].detail
    ezd = readings["Procedura prowadzona w systemie do elektronicznego zarządzania dokumentacją*"]
    assert (ezd.status, ezd.detail) == ("nie zrozumiano", "chyba tak\nUwagi końcowe")
    # Nothing lost: what fits no field is in the draft, under a heading that says so.
    kept = page.additional_info + page.cc_description
    assert UNPLACED_HEADING in kept
    assert "zależy od urzędu" in kept and "Uwagi końcowe" in kept and "chyba tak" in kept


def test_forms_named_in_the_document_are_matched_or_reported_missing(department):
    document = ProcedureDocument.objects.create(title="Wniosek o kartę parkingową")
    document.file.save("wniosek-o-karte.pdf", io.BytesIO(files.PDF))
    data = minimal(
        department,
        "Wydanie karty",
        bold("Wymagane dokumenty (nazwa, szablon dokumentu, formularz):"),
        "Do złożenia:",
        table(
            ["Nazwa dokumentu", "Plik", "Przykładowo wypełniony", "Formularze elektroniczne"],
            ["Wniosek", document.file.name.rsplit("/", 1)[-1], "wzor-wypelnienia.pdf", "ePUAP"],
        ),
        "Do wglądu:",
        "- dowód osobisty",
    )
    report = import_docx(data, "dokumenty.docx")
    page = draft_of(report)
    to_submit = [c.value for c in page.required_documents if c.block_type == "to_submit"]
    assert to_submit[0]["file"] == document
    assert to_submit[0]["sample_file"] is None
    assert [e["platform"].name for e in to_submit[0]["eforms"]] == ["ePUAP"]
    assert [c.value["name"] for c in page.required_documents if c.block_type == "to_inspect"] == [
        "dowód osobisty"
    ]
    assert report.missing_documents == ["wzor-wypelnienia.pdf (dokument „Wniosek – wzór”)"]


def test_the_empty_form_filled_in_gives_the_draft(department):
    """ "Pusty wzór" as people fill it: a line under each label, the empty table row typed in,
    the guidance left where it is."""
    document = docx.Document(io.BytesIO(empty_docx(with_restricted=False)))
    values = {
        "Nazwa procedury:": "Wydanie karty mieszkańca",
        "Skrócony opis sprawy:": "Karta daje zniżki w miejskich instytucjach.",
        "Sposób załatwienia sprawy:": "Złóż wniosek w punkcie obsługi.",
        "Komórka:": department.name,
        "Tryb odwoławczy:": "Brak",
    }
    labels = [p for p in document.paragraphs if p.text in values]
    for label in labels:
        following = label._p.getnext()
        while following is not None and following.style == "Wskazówka":
            following = following.getnext()
        # Typed into the first empty paragraph after the guidance.
        target = docx.text.paragraph.Paragraph(following, label._parent)
        target.add_run(values[label.text])
    fees = next(t for t in document.tables if t.rows[0].cells[0].text == "Rodzaj opłaty")
    for cell, text in zip(
        fees.rows[1].cells,
        ["opłata skarbowa", "17", "50 1240 1037 1111 0011 0925 0073", ""],
        strict=True,
    ):
        cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    report = import_docx(buffer.getvalue(), "wypelniony.docx")
    page = draft_of(report)
    assert page.title == "Wydanie karty mieszkańca"
    assert page.summary == "Karta daje zniżki w miejskich instytucjach."
    assert [fee.value["type"] for fee in page.fees] == ["opłata skarbowa"]
    assert [child.block_type for child in page.appeal] == ["none"]
    assert report.unplaced == []
