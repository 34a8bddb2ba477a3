"""An editor submits a new procedure from the empty form: a message, never an error page."""

import pytest

from procedures import roles
from procedures.models import ProcedurePage
from tests.factories import DepartmentFactory
from tests.staff import member

from .conftest import screenshot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_editor_submits_a_new_procedure_and_reads_what_is_missing(
    logged_in_page, live_server, procedure_index
):
    department = DepartmentFactory(name="Wydział Spraw Obywatelskich")
    page = logged_in_page(member(roles.EDITORS, department))
    statuses = []
    page.on("response", lambda response: statuses.append((response.status, response.url)))
    page.goto(f"{live_server.url}/admin/pages/add/procedures/procedurepage/{procedure_index.pk}/")

    page.locator("#id_title").fill("Wydanie karty parkingowej")
    page.locator("#id_code").fill("KA-09001")
    page.locator("#id_summary").fill("Kartę wydaje się osobie niepełnosprawnej na jej wniosek.")
    # "Wyślij do akceptacji" sits in the menu next to "Zapisz wersję roboczą".
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.locator("button[name='action-submit']").click()
    page.wait_for_load_state()

    screenshot(page, "editor-submits-new-procedure")
    assert not [s for s in statuses if s[0] >= 500], statuses
    text = page.locator("body").inner_text()
    assert "Uzupełnij pole „Sposób załatwienia sprawy”" in text
    assert "Uzupełnij pole „Komórka”" in text
    assert "Uzupełnij pole „Właściciel”" not in text  # the Office's, not asked of an editor
    assert page.locator("#id_title").input_value() == "Wydanie karty parkingowej"
    # Nothing was saved: the submit was refused and there is no autosave.
    assert not ProcedurePage.objects.child_of(procedure_index).exists()
