"""Each role's main admin screens in Chromium read in Polish: no word of ENGLISH_WORDS.

Screens an editor, a moderator of the Procedures Office and a Call Center agent open
daily, and what opens on top of them: the create form and its choosers (page, department,
employee), the revisions compare view, the approve dialog, a requested-changes status
panel, the "Inne*" form, the login and two-factor pages. Each is screenshotted
(artifacts/screenshots/polish-*.png) and its visible text (body text, placeholders,
titles, aria-labels) checked with tests/english_words.py.
"""

import re

import pytest
from django.urls import reverse

from procedures import roles
from tests.english_words import find_english, visible_text
from tests.factories import DepartmentFactory, EmployeeFactory, ProcedurePageFactory
from tests.staff import member

from .conftest import screenshot, settle

pytestmark = [
    pytest.mark.browser,
    pytest.mark.presentation,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _check(page, url, name, problems):
    page.goto(url)
    _check_current(page, name, problems)


def _check_screens(page, base, screens, problems):
    """Open each of ``screens`` ({name: path}) in turn from ``base``, and check it."""
    for name, path in screens.items():
        _check(page, f"{base}{path}", name, problems)


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
    screens = {
        "editor-dashboard": reverse("wagtailadmin_home"),
        "editor-explorer": reverse("wagtailadmin_explore", args=[procedure_index.pk]),
        "editor-edit": reverse("wagtailadmin_pages:edit", args=[procedure.pk]),
    }
    _check_screens(page, base, screens, problems)
    # An emptied title: the form comes back with its validation error and Wagtail's banner.
    page.fill("#id_title", "")
    page.locator("button.action-save").first.click()
    _check_current(page, "editor-edit-error", problems)
    screens = {
        "editor-history": reverse("wagtailadmin_pages:history", args=[procedure.pk]),
        "editor-documents": reverse("wagtaildocs:index"),
    }
    _check_screens(page, base, screens, problems)
    assert not problems, problems


def test_moderator_screens_are_polish(logged_in_page, live_server, procedure):
    moderator = member(roles.MODERATORS)
    page = logged_in_page(moderator)
    problems = {}
    screens = {
        "moderator-dashboard": reverse("wagtailadmin_home"),
        "moderator-departments": reverse("wagtailsnippets_procedures_department:list"),
        "moderator-employees": reverse("wagtailsnippets_procedures_employee:list"),
        "moderator-update-requests": reverse("wagtailsnippets_procedures_updaterequest:list"),
        "moderator-edit": reverse("wagtailadmin_pages:edit", args=[procedure.pk]),
    }
    _check_screens(page, live_server.url, screens, problems)
    assert not problems, problems


def test_agent_screens_are_polish(logged_in_page, live_server, procedure):
    agent = member(roles.CALL_CENTER)
    page = logged_in_page(agent)
    problems = {}
    screens = {
        "agent-dashboard": reverse("wagtailadmin_home"),
        "agent-call-center": f"/call-center/procedura/{procedure.code}/",
    }
    _check_screens(page, live_server.url, screens, problems)
    assert not problems, problems


def _check_current(page, name, problems):
    """The screen the tab shows now (a dialog opened on top of a page, a form sent)."""
    settle(page)
    screenshot(page, f"polish-{name}")
    english = find_english(visible_text(page))
    if english:
        problems[name] = english


def _open_chooser(page, button, name, problems):
    """Click a chooser button of the form, read its modal, close it."""
    button.click()
    page.locator(".modal .modal-content").first.wait_for(state="visible")
    _check_current(page, name, problems)
    # The modal's close button ("×"), as a user would; Escape is ignored while the modal
    # still has no focus.
    page.locator(".modal.fade.in button.close").first.click()
    page.locator(".modal").first.wait_for(state="hidden")


def test_editor_forms_and_choosers_are_polish(
    logged_in_page, live_server, procedure, procedure_index
):
    editor = member(roles.EDITORS, department=procedure.department)
    procedure.save_revision(user=editor)
    procedure.title = f"{procedure.title} (zmieniona)"
    procedure.save_revision(user=editor)
    first, second = procedure.revisions.order_by("created_at", "pk")[:2]
    page = logged_in_page(editor)
    base = live_server.url
    problems = {}
    compare = reverse(
        "wagtailadmin_pages:revisions_compare", args=[procedure.pk, first.pk, second.pk]
    )
    _check(page, f"{base}{compare}", "editor-compare", problems)
    create = reverse(
        "wagtailadmin_pages:add", args=["procedures", "procedurepage", procedure_index.pk]
    )
    _check(page, f"{base}{create}", "editor-create", problems)
    page.get_by_role("button", name="Dodaj powiązaną procedurę").click()
    _open_chooser(
        page,
        page.locator("[id^='inline_child_related_procedures'] button.chooser__choose-button").first,
        "editor-page-chooser",
        problems,
    )
    page.get_by_role("tab", name="Podstawa prawna i realizator").click()
    _open_chooser(
        page,
        page.get_by_role("button", name=re.compile(r"(Wybierz|Zmień) komórkę")).first,
        "editor-department-chooser",
        problems,
    )
    _open_chooser(
        page,
        page.get_by_role("button", name=re.compile(r"(Wybierz|Zmień) pracownika")).first,
        "editor-employee-chooser",
        problems,
    )
    assert not problems, problems


def test_moderator_approve_dialog_is_polish(logged_in_page, live_server, procedure):
    editor = member(roles.EDITORS, department=procedure.department)
    procedure.save_revision(user=editor)
    procedure.get_workflow().start(procedure, editor)
    moderator = member(roles.MODERATORS)
    page = logged_in_page(moderator)
    problems = {}
    _check(page, f"{live_server.url}{reverse('wagtailadmin_home')}", "moderator-tasks", problems)
    row = page.locator("tr").filter(has=page.locator("[data-workflow-action-url*='/approve/']"))
    row.locator("[data-w-dropdown-target='toggle']").first.click()
    # "Zatwierdź z komentarzem": the approval that opens its dialog.
    row.locator("[data-workflow-action-url*='/approve/'][data-launch-modal]").first.click()
    page.locator(".modal .modal-content").first.wait_for(state="visible")
    _check_current(page, "moderator-approve-dialog", problems)
    assert not problems, problems


def test_requested_changes_status_is_polish(logged_in_page, live_server, procedure):
    editor = member(roles.EDITORS, department=procedure.department)
    procedure.save_revision(user=editor)
    state = procedure.get_workflow().start(procedure, editor)
    state.current_task_state.task.specific.on_action(
        state.current_task_state, member(roles.MODERATORS), "reject"
    )
    page = logged_in_page(editor)
    problems = {}
    _check(
        page,
        f"{live_server.url}{reverse('wagtailadmin_pages:edit', args=[procedure.pk])}",
        "editor-changes-requested",
        problems,
    )
    page.locator("[data-side-panel-toggle='status']").first.click()
    _check_current(page, "editor-changes-requested-status", problems)
    assert not problems, problems


def test_call_center_other_form_is_polish(logged_in_page, live_server, procedure):
    agent = member(roles.CALL_CENTER_HEADS)
    page = logged_in_page(agent)
    problems = {}
    _check(
        page,
        f"{live_server.url}{reverse('procedures_cc_other', args=[procedure.pk])}",
        "agent-other",
        problems,
    )
    assert not problems, problems


def test_login_and_two_factor_pages_are_polish(browser, live_server, settings):
    settings.STAFF_TWO_FACTOR_REQUIRED = True
    editor = member(roles.MODERATORS)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="pl-PL")
    page = context.new_page()
    problems = {}
    try:
        _check(page, f"{live_server.url}{reverse('wagtailadmin_login')}", "login", problems)
        page.fill("#id_username", editor.username)
        page.fill("#id_password", "haslo-testowe-123")
        page.locator("form button[type='submit']").first.click()
        page.wait_for_url(f"**{reverse('logins_two_factor')}**")
        _check_current(page, "two-factor", problems)
    finally:
        context.close()
    assert not problems, problems
