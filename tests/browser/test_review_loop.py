"""The review loop in Chromium: an editor edits a live procedure and submits it, the
Procedures Office requests changes from its dashboard, the editor reads the comment on
their dashboard and in the editor, fixes the procedure and sends it again."""

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState

from procedures import roles
from procedures.models import ProcedurePage
from tests.factories import ProcedurePageFactory
from tests.staff import member

from .conftest import screenshot, settle

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "Wydanie karty parkingowej"
COMMENT = "Proszę uzupełnić numer rachunku opłaty."


def watched(page):
    """The tab, collecting console errors, uncaught exceptions and 4xx/5xx answers."""
    page.problems = []
    page.on(
        "console",
        lambda message: (
            page.problems.append(f"console: {message.text}") if message.type == "error" else None
        ),
    )
    page.on("pageerror", lambda error: page.problems.append(f"exception: {error}"))
    page.on(
        "response",
        lambda response: (
            page.problems.append(f"{response.status} {response.url}")
            if response.status >= 400
            else None
        ),
    )
    return page


def send_for_approval(page):
    """The editor's footer: open the save menu, choose the submit / resubmit item."""
    submit = page.locator('footer button[name="action-submit"]')
    if not submit.is_visible():
        page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    submit.click()
    settle(page)


def test_editor_gets_changes_requested_reads_the_comment_and_resubmits(
    logged_in_page, live_server, procedure_index
):
    procedure = ProcedurePageFactory(parent=procedure_index, title=TITLE)
    procedure.save_revision().publish()
    editor = member(roles.EDITORS, procedure.department, first_name="Jan", last_name="Redaktor")
    moderator = member(roles.MODERATORS, first_name="Anna", last_name="Moderatorka")
    edit_url = live_server.url + reverse("wagtailadmin_pages:edit", args=[procedure.pk])
    dashboard_url = live_server.url + reverse("wagtailadmin_home")

    # The editor changes the live procedure and sends it for approval.
    as_editor = watched(logged_in_page(editor))
    as_editor.goto(edit_url)
    as_editor.locator("#id_summary").fill("Kartę parkingową wydaje się osobie niepełnosprawnej.")
    send_for_approval(as_editor)
    state = WorkflowState.objects.get(object_id=str(procedure.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS

    # The Office requests changes from its dashboard, with a comment, and is told so.
    as_moderator = watched(logged_in_page(moderator))
    as_moderator.goto(dashboard_url)
    row = as_moderator.locator("tr", has_text=TITLE).filter(
        has=as_moderator.locator("[data-workflow-action-url]")
    )
    row.locator("[data-w-dropdown-target='toggle']").click()
    row.locator("[data-workflow-action-url*='/reject/']").click()
    as_moderator.locator(".modal textarea[name='comment']").fill(COMMENT)
    with as_moderator.expect_navigation(url=dashboard_url):
        as_moderator.locator(".modal form button[type='submit']").click()
    settle(as_moderator)
    assert "Poproszono o zmiany" in as_moderator.locator(".messages").inner_text()
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES

    # The editor finds it on the dashboard, with the comment and the moderator's name.
    as_editor.goto(dashboard_url)
    panel = as_editor.locator("#requested-changes-section")
    assert "Procedury do poprawienia" in panel.inner_text()
    assert COMMENT in panel.inner_text()
    assert "Anna Moderatorka" in panel.inner_text()
    screenshot(as_editor, "review-loop-editor-dashboard")

    # "Popraw" opens the editor, whose banner repeats the comment.
    panel.get_by_role("link", name="Popraw", exact=True).click()
    settle(as_editor)
    banner = as_editor.locator(".messages", has_text="prosi o zmiany")
    assert COMMENT in banner.inner_text()
    assert "Anna Moderatorka" in banner.inner_text()
    screenshot(as_editor, "review-loop-editor-banner")

    # The editor fixes it and sends it again: the banner and the dashboard entry are gone.
    as_editor.locator("#id_summary").fill(
        "Kartę parkingową wydaje się osobie niepełnosprawnej. Opłata: konto 12 3456."
    )
    send_for_approval(as_editor)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    latest = ProcedurePage.objects.get(pk=procedure.pk).get_latest_revision_as_object()
    assert "12 3456" in latest.summary
    as_editor.goto(dashboard_url)
    assert "Procedury do poprawienia" not in as_editor.content()

    assert as_editor.problems == []
    assert as_moderator.problems == []
