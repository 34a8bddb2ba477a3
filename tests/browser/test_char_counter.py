"""The live character counters in the procedure editor, in a real browser."""

import pytest
from django.contrib.auth.models import Group

from procedures import roles
from tests.factories import UserFactory

from .conftest import screenshot

# Live server needs committed data; serialized rollback restores the migrations' data
# (locale, root page, roles) for the tests that follow.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.presentation,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_title_and_summary_count_live_and_warn_past_the_limit(
    logged_in_page, live_server, procedure_index
):
    editor = UserFactory(groups=[Group.objects.get(name=roles.EDITORS)])
    page = logged_in_page(editor)
    page.goto(f"{live_server.url}/admin/pages/add/procedures/procedurepage/{procedure_index.pk}/")

    title = page.locator("#id_title")
    counter = page.locator("#id_title-char-counter")
    assert counter.inner_text() == "0 / 160 znaków"

    title.fill("Wydanie dowodu osobistego")
    assert counter.inner_text() == "25 / 160 znaków"
    assert "char-counter--over" not in (counter.get_attribute("class") or "")

    title.fill("x" * 161)
    assert counter.inner_text() == "161 / 160 znaków – za dużo o 1"
    assert "char-counter--over" in counter.get_attribute("class")
    assert counter.evaluate("el => getComputedStyle(el).fontWeight") == "700"  # styled
    assert len(title.input_value()) == 161  # nothing cut off

    summary = page.locator("#id_summary")
    summary.fill("a" * 650)
    assert page.locator("#id_summary-char-counter").inner_text() == "650 / 650 znaków"
    screenshot(page, "editor-char-counter")


def test_step_blocks_added_later_get_counters(logged_in_page, live_server, procedure_index):
    editor = UserFactory(groups=[Group.objects.get(name=roles.EDITORS)])
    page = logged_in_page(editor)
    page.goto(f"{live_server.url}/admin/pages/add/procedures/procedurepage/{procedure_index.pk}/")
    # "Etap" is the only block type, so the add button inserts one straight away.
    page.locator("#steps-root .c-sf-add-button").first.click()
    step_name = page.locator("input[name='steps-0-value-name']")
    step_name.wait_for()
    step_name.fill("Złóż wniosek i załączniki w urzędzie miasta")  # 43 characters
    counter = page.locator("#" + step_name.get_attribute("id") + "-char-counter")
    assert counter.inner_text() == "43 / 40 znaków – za dużo o 3"
