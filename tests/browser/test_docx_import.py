"""An editor files a procedure from a filled Word form in a real browser: the menu item,
the upload, the report, then the draft."""

import pytest
from django.contrib.auth.models import Group

from procedures import roles
from procedures.models import ProcedurePage
from tests.docx.forms import minimal, table
from tests.english_words import find_english, visible_text
from tests.factories import DepartmentFactory, OrganisationalUnitFactory, UserFactory

from .conftest import screenshot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_an_editor_uploads_a_form_reads_the_report_and_opens_the_draft(
    logged_in_page, live_server, procedure_index, tmp_path
):
    unit = OrganisationalUnitFactory(name="Urząd Miasta Łodzi")
    department = DepartmentFactory(unit=unit, name="Wydział Spraw Obywatelskich i Komunikacji")
    editor = UserFactory(groups=[Group.objects.get(name=roles.EDITORS)])
    department.editors.add(editor)
    form = tmp_path / "karta-parkingowa.docx"
    form.write_bytes(
        minimal(
            department,
            "Wydanie karty parkingowej",
            "Najważniejsze etapy realizacji procedury:",
            "- złóż wniosek @",
            "- odbierz kartę",
            "Opłaty:",
            table(["Rodzaj opłaty", "Kwota (zł)"], ["opłata skarbowa", "za darmo"]),
        )
    )

    page = logged_in_page(editor)
    page.goto(f"{live_server.url}/admin/")
    page.get_by_role("link", name="Nowa procedura z pliku Word").click()
    page.get_by_label("Plik Word (.docx)").set_input_files(str(form))
    page.get_by_role("button", name="Wczytaj plik").click()

    report = page.locator("[data-docx-report]")
    report.wait_for()
    assert "Utworzono szkic procedury „Wydanie karty parkingowej”" in report.inner_text()
    assert "opłata skarbowa | za darmo" in report.inner_text()  # not understood, listed
    assert find_english(visible_text(page)) == []
    screenshot(page, "docx-import-report")

    page.get_by_role("link", name="Otwórz szkic").click()
    page.locator("#id_title").wait_for()
    assert page.locator("#id_title").input_value() == "Wydanie karty parkingowej"
    assert page.locator("input[name='steps-0-value-name']").input_value() == "złóż wniosek"
    draft = ProcedurePage.objects.get(title="Wydanie karty parkingowej")
    assert not draft.live
    screenshot(page, "docx-import-draft")
