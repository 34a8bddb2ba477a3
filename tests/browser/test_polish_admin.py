"""Each role's main admin screens in Chromium read in Polish: no word of ENGLISH_WORDS.

Screens an editor, a moderator of the Procedures Office and a Call Center agent open
daily; each is screenshotted (artifacts/screenshots/polish-*.png) and its visible text
(body text, placeholders, titles, aria-labels) checked with tests/english_words.py.
"""

import pytest
from django.urls import reverse

from procedures import roles
from procedures.factories import DepartmentFactory, EmployeeFactory, ProcedurePageFactory
from tests.english_words import find_english, visible_text
from tests.staff import member

from .conftest import screenshot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _check(page, url, name, problems):
    page.goto(url)
    page.wait_for_load_state("networkidle")
    screenshot(page, f"polish-{name}")
    english = find_english(visible_text(page))
    if english:
        problems[name] = english


@pytest.fixture
def procedure(procedure_index):
    department = DepartmentFactory()
    EmployeeFactory.create_batch(3, department=department)
    return ProcedurePageFactory(parent=procedure_index, department=department)


def test_editor_screens_are_polish(logged_in_page, live_server, procedure, procedure_index):
    editor = member(roles.EDITORS, department=procedure.department)
    page = logged_in_page(editor)
    base = live_server.url
    problems = {}
    _check(page, f"{base}{reverse('wagtailadmin_home')}", "editor-dashboard", problems)
    _check(
        page,
        f"{base}{reverse('wagtailadmin_explore', args=[procedure_index.pk])}",
        "editor-explorer",
        problems,
    )
    _check(
        page,
        f"{base}{reverse('wagtailadmin_pages:edit', args=[procedure.pk])}",
        "editor-edit",
        problems,
    )
    # An emptied title: the form comes back with its validation error and Wagtail's banner.
    page.fill("#id_title", "")
    page.locator("button.action-save").first.click()
    page.wait_for_load_state("networkidle")
    screenshot(page, "polish-editor-edit-error")
    english = find_english(visible_text(page))
    if english:
        problems["editor-edit-error"] = english
    _check(
        page,
        f"{base}{reverse('wagtailadmin_pages:history', args=[procedure.pk])}",
        "editor-history",
        problems,
    )
    _check(page, f"{base}{reverse('wagtaildocs:index')}", "editor-documents", problems)
    assert not problems, problems


def test_moderator_screens_are_polish(logged_in_page, live_server, procedure):
    moderator = member(roles.MODERATORS)
    page = logged_in_page(moderator)
    base = live_server.url
    problems = {}
    _check(page, f"{base}{reverse('wagtailadmin_home')}", "moderator-dashboard", problems)
    _check(
        page,
        f"{base}{reverse('wagtailsnippets_procedures_department:list')}",
        "moderator-departments",
        problems,
    )
    _check(
        page,
        f"{base}{reverse('wagtailsnippets_procedures_employee:list')}",
        "moderator-employees",
        problems,
    )
    _check(
        page,
        f"{base}{reverse('wagtailsnippets_procedures_updaterequest:list')}",
        "moderator-update-requests",
        problems,
    )
    _check(
        page,
        f"{base}{reverse('wagtailadmin_pages:edit', args=[procedure.pk])}",
        "moderator-edit",
        problems,
    )
    assert not problems, problems


def test_agent_screens_are_polish(logged_in_page, live_server, procedure):
    agent = member(roles.CALL_CENTER)
    page = logged_in_page(agent)
    base = live_server.url
    problems = {}
    _check(page, f"{base}{reverse('wagtailadmin_home')}", "agent-dashboard", problems)
    _check(page, f"{base}/call-center/procedura/{procedure.code}/", "agent-call-center", problems)
    assert not problems, problems
