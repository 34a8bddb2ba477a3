"""The review loop an editor and the Procedures Office can follow (issue #11, item 4).

The editor reads the moderator's requested-changes comment, named after the moderator, in
the editor and on the dashboard; the moderator is told what approving or requesting
changes did, from the dashboard and from the editor; the status panel has no dead button.
"""

import re

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState

from procedures import roles
from procedures.models import ProcedurePage
from tests.factories import ProcedurePageFactory
from tests.staff import member, session

from .admin_forms import edit_url, procedure_form_data

COMMENT = "Proszę uzupełnić numer rachunku opłaty."


def action_url(page, action):
    state = WorkflowState.objects.active().get(object_id=str(page.pk))
    return reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, action, state.current_task_state.pk],
    )


def messages_of(response):
    return [str(message).strip() for message in response.context["messages"]]


@pytest.fixture
def procedure(procedure_index):
    """A live procedure, published from a revision as in the admin."""
    page = ProcedurePageFactory(parent=procedure_index, title="Wydanie karty parkingowej")
    page.save_revision().publish()
    return page


@pytest.fixture
def editor(procedure):
    return member(roles.EDITORS, procedure.department, first_name="Jan", last_name="Redaktor")


@pytest.fixture
def moderator(db):
    return member(roles.MODERATORS, first_name="Anna", last_name="Moderatorka")


def submit(editor, page, **changes):
    data = procedure_form_data(page, **changes)
    data["action-submit"] = "action-submit"
    response = session(editor).post(edit_url(page), data)
    assert response.status_code == 302, response.context and response.context["form"].errors


@pytest.fixture
def changes_requested(procedure, editor, moderator):
    """The editor submitted a change; the moderator asked for changes with COMMENT."""
    submit(editor, procedure, summary="Zmieniony opis do akceptacji.")
    session(moderator).post(action_url(procedure, "reject"), {"comment": COMMENT})
    state = WorkflowState.objects.get(object_id=str(procedure.pk))
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    return procedure


# --- The editor reads the comment ---------------------------------------------------------


def test_the_editor_reads_the_comment_above_the_form(changes_requested, editor):
    response = session(editor).get(edit_url(changes_requested))
    assert response.status_code == 200
    html = response.text
    banner = html[html.index("Oddział ds. Procedur prosi o zmiany") :][:1500]
    assert COMMENT in banner
    assert "Anna Moderatorka" in banner  # the moderator, not the editor who submitted
    assert "Jan Redaktor" not in banner
    history = re.search(r'href="([^"]*/workflow_history/[^"]*)"', banner).group(1)
    assert session(editor).get(history).status_code == 200  # "Przebieg akceptacji"


def test_the_status_dialog_names_the_moderator_who_requested_changes(changes_requested, editor):
    html = session(editor).get(edit_url(changes_requested)).text
    heading = re.search(r'class="w-dialog__message-heading">([^<]*)<', html).group(1)
    assert "przez Anna Moderatorka" in heading
    assert "Redaktor" not in heading


def test_the_banner_goes_once_the_procedure_is_resubmitted(changes_requested, editor):
    submit(editor, changes_requested, summary="Poprawiony opis.")
    response = session(editor).get(edit_url(changes_requested))
    assert COMMENT not in response.text
    assert "prosi o zmiany" not in response.text


def test_a_procedure_without_requested_changes_has_no_banner(procedure, editor):
    response = session(editor).get(edit_url(procedure))
    assert response.status_code == 200
    assert "prosi o zmiany" not in response.text


def test_the_editors_dashboard_lists_the_procedure_with_the_comment(changes_requested, editor):
    response = session(editor).get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    html = response.text
    panel = html[html.index("Procedury do poprawienia") :]
    assert "Wydanie karty parkingowej" in panel
    assert COMMENT in panel
    assert "Anna Moderatorka" in panel
    assert f'href="{edit_url(changes_requested)}"' in panel


def test_the_dashboard_of_others_does_not_list_it(changes_requested, moderator, procedure_index):
    other = ProcedurePageFactory(parent=procedure_index)
    other_editor = member(roles.EDITORS, other.department)
    for user in (other_editor, moderator):
        html = session(user).get(reverse("wagtailadmin_home")).text
        assert "Procedury do poprawienia" not in html
        assert COMMENT not in html


def test_the_dashboard_has_no_panel_once_resubmitted(changes_requested, editor):
    submit(editor, changes_requested, summary="Poprawiony opis.")
    html = session(editor).get(reverse("wagtailadmin_home")).text
    assert "Procedury do poprawienia" not in html


# --- The moderator is told what their decision did --------------------------------------


def test_approval_from_the_dashboard_says_when_the_procedure_appears(procedure, editor, moderator):
    # 08:00 in Łódź is 07:00 UTC in December: the message speaks the city's time.
    submit(editor, procedure, summary="Nowa wersja.", go_live_at="2030-12-05 08:00")
    dashboard = reverse("wagtailadmin_home")
    response = session(moderator).post(
        action_url(procedure, "approve") + f"?next={dashboard}", {"comment": ""}, follow=True
    )
    assert response.redirect_chain[-1][0] == dashboard
    assert (
        "Zatwierdzono. Nowa wersja procedury pojawi się na portalu 5 grudnia 2030 o 08:00."
        in " ".join(messages_of(response))
    )
    assert ProcedurePage.objects.get(pk=procedure.pk).summary != "Nowa wersja."  # not yet


def test_approval_of_a_new_procedure_says_when_it_appears(procedure, editor, moderator):
    procedure.unpublish()
    submit(editor, procedure, go_live_at="2030-12-05 08:00")
    response = session(moderator).post(
        action_url(procedure, "approve"), {"comment": "Dobrze."}, follow=True
    )
    assert "Zatwierdzono. Procedura pojawi się na portalu 5 grudnia 2030 o 08:00." in (
        messages_of(response)
    )


def test_approval_from_the_editor_says_when_the_procedure_appears(procedure, editor, moderator):
    submit(editor, procedure, summary="Nowa wersja.", go_live_at="2030-12-05 08:00")
    data = procedure_form_data(procedure, summary="Nowa wersja.", go_live_at="2030-12-05 08:00")
    data["action-workflow-action"] = "true"
    data["workflow-action-name"] = "approve"
    response = session(moderator).post(edit_url(procedure), data, follow=True)
    assert WorkflowState.objects.get(object_id=str(procedure.pk)).status == "approved"
    assert any("pojawi się na portalu 5 grudnia 2030 o 08:00" in m for m in messages_of(response))


def test_approval_without_a_date_says_it_is_on_the_portal(procedure, editor, moderator):
    submit(editor, procedure, summary="Nowa wersja.")
    response = session(moderator).post(
        action_url(procedure, "approve"), {"comment": ""}, follow=True
    )
    assert "Zatwierdzono i opublikowano. Procedura jest już na portalu." in messages_of(response)
    assert ProcedurePage.objects.get(pk=procedure.pk).summary == "Nowa wersja."


def test_requesting_changes_from_the_dashboard_is_confirmed(procedure, editor, moderator):
    submit(editor, procedure, summary="Nowa wersja.")
    response = session(moderator).post(
        action_url(procedure, "reject"), {"comment": COMMENT}, follow=True
    )
    confirmation = [m for m in messages_of(response) if "Poproszono o zmiany" in m]
    assert confirmation, messages_of(response)
    assert "Wydanie karty parkingowej" in confirmation[0]
    assert "Jan Redaktor" in confirmation[0]


def test_requesting_changes_in_the_dialog_is_confirmed_after_the_redirect(
    procedure, editor, moderator
):
    """The dashboard's dialog posts with XMLHttpRequest and then follows the redirect."""
    submit(editor, procedure, summary="Nowa wersja.")
    client = session(moderator)
    response = client.post(
        action_url(procedure, "reject"),
        {"comment": COMMENT},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.json()["step"] == "success"
    page = client.get(response.json()["redirect"])
    assert any("Poproszono o zmiany" in m for m in messages_of(page))


def test_requesting_changes_from_the_editor_is_confirmed(procedure, editor, moderator):
    submit(editor, procedure, summary="Nowa wersja.")
    data = procedure_form_data(procedure, summary="Nowa wersja.")
    data["action-workflow-action"] = "true"
    data["workflow-action-name"] = "reject"
    data["workflow-action-extra-data"] = f'{{"comment": "{COMMENT}"}}'
    response = session(moderator).post(edit_url(procedure), data, follow=True)
    assert WorkflowState.objects.get(object_id=str(procedure.pk)).status == "needs_changes"
    assert any("Poproszono o zmiany" in m for m in messages_of(response))


def test_a_request_without_a_comment_is_not_confirmed_twice_nor_for_nothing(
    procedure, editor, moderator
):
    """A GET of the action (the dialog's form) does nothing and says nothing."""
    submit(editor, procedure, summary="Nowa wersja.")
    client = session(moderator)
    client.get(action_url(procedure, "reject"))
    response = client.get(reverse("wagtailadmin_home"))
    assert not any("Poproszono o zmiany" in m for m in messages_of(response))


# --- No dead buttons -------------------------------------------------------------------


@pytest.mark.parametrize("state", ["live", "scheduled draft"])
def test_every_dialog_toggle_in_the_editor_opens_a_dialog(procedure, moderator, state):
    """Wagtail's "Ustaw plan" opens its scheduling dialog, which a procedure's form does
    not have ("Obowiązuje od/do" are fields of the form): no such toggle is offered."""
    if state == "scheduled draft":
        data = procedure_form_data(procedure, go_live_at="2030-12-05 08:00")
        session(moderator).post(edit_url(procedure), data)
    html = session(moderator).get(edit_url(procedure)).text
    toggles = set(re.findall(r'data-a11y-dialog-show="([^"]+)"', html))
    dialogs = set(re.findall(r'<div id="([^"]+)"[^>]*class="w-dialog', html))
    assert toggles, "the status panel's toggles are found"
    assert toggles <= dialogs, toggles - dialogs
    assert "Ustaw plan" not in html
