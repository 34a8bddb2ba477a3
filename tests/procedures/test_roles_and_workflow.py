"""Who may do what (Order No. 734/2023 § 7, § 8, § 12) and the moderation workflow."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import WorkflowState

from procedures import roles
from procedures.models import ProcedurePage
from tests.factories import ProcedurePageFactory
from tests.staff import member

from .admin_forms import edit_url, procedure_form_data


@pytest.fixture
def own_and_other(procedure_index):
    own = ProcedurePageFactory(parent=procedure_index, title="Procedura własnej komórki")
    other = ProcedurePageFactory(parent=procedure_index, title="Procedura innej komórki")
    return own, other


def test_editor_edits_own_department_only(client, own_and_other):
    own, other = own_and_other
    editor = member(roles.EDITORS, own.department)
    assert own.permissions_for_user(editor).can_edit()
    assert not other.permissions_for_user(editor).can_edit()

    client.force_login(editor)
    assert client.get(edit_url(own)).status_code == 200
    assert client.get(edit_url(other)).status_code in (302, 403)
    client.post(edit_url(other), procedure_form_data(other, summary="Obca zmiana."))
    latest = ProcedurePage.objects.get(pk=other.pk).get_latest_revision_as_object()
    assert latest.summary != "Obca zmiana."


def test_editor_cannot_file_a_procedure_under_another_department(client, own_and_other):
    own, other = own_and_other
    editor = member(roles.EDITORS, own.department)
    client.force_login(editor)
    data = procedure_form_data(own, department=str(other.department_id))
    response = client.post(edit_url(own), data)
    assert response.status_code == 200
    assert "department" in response.context["form"].errors


def test_editor_cannot_publish(client, own_and_other):
    own, _ = own_and_other
    editor = member(roles.EDITORS, own.department)
    assert not own.permissions_for_user(editor).can_publish()
    client.force_login(editor)
    data = procedure_form_data(own, summary="Zmiana redaktora.")
    data["action-publish"] = "action-publish"
    client.post(edit_url(own), data)
    live = ProcedurePage.objects.get(pk=own.pk)
    assert live.summary != "Zmiana redaktora."  # saved as a draft at most, never published


def test_call_center_agent_reads_but_does_not_edit(client, own_and_other):
    own, _ = own_and_other
    agent = member(roles.CALL_CENTER)
    assert not own.permissions_for_user(agent).can_edit()
    assert not own.permissions_for_user(agent).can_publish()
    client.force_login(agent)
    assert client.get(edit_url(own)).status_code in (302, 403)


@pytest.mark.parametrize("group_name", [roles.MODERATORS, roles.PROCEDURES_OFFICE_HEADS])
def test_procedures_office_edits_and_publishes_everywhere(client, own_and_other, group_name):
    own, other = own_and_other
    moderator = member(group_name)
    for page in (own, other):
        permissions = page.permissions_for_user(moderator)
        assert permissions.can_edit() and permissions.can_publish()
    client.force_login(moderator)
    data = procedure_form_data(other, summary="Opublikowane przez Oddział.")
    data["action-publish"] = "action-publish"
    response = client.post(edit_url(other), data)
    assert response.status_code == 302
    assert ProcedurePage.objects.get(pk=other.pk).summary == "Opublikowane przez Oddział."


def test_submit_review_and_request_changes_reaches_the_editor(client, own_and_other):
    own, _ = own_and_other
    editor = member(roles.EDITORS, own.department, email="redaktor@uml.lodz.pl")
    moderator = member(roles.MODERATORS, email="moderator@uml.lodz.pl")

    client.force_login(editor)
    data = procedure_form_data(own, summary="Proszę o akceptację.")
    data["action-submit"] = "action-submit"
    assert client.post(edit_url(own), data).status_code == 302
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(own.pk))
    assert state.workflow.name == "Akceptacja Oddziału ds. Procedur"
    assert any("moderator@uml.lodz.pl" in message.to for message in mail.outbox)

    mail.outbox.clear()
    client.force_login(moderator)
    task_state = state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[own.pk, "reject", task_state.pk])
    response = client.post(url, {"comment": "Proszę uzupełnić numer rachunku opłaty."})
    assert response.status_code in (200, 302)
    to_editor = [m for m in mail.outbox if "redaktor@uml.lodz.pl" in m.to]
    assert to_editor, [m.to for m in mail.outbox]
    assert "Proszę uzupełnić numer rachunku opłaty." in to_editor[0].body
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES


def test_moderator_approves_and_it_goes_live(client, own_and_other):
    own, _ = own_and_other
    editor = member(roles.EDITORS, own.department)
    moderator = member(roles.MODERATORS)
    client.force_login(editor)
    data = procedure_form_data(own, summary="Nowy opis do akceptacji.")
    data["action-submit"] = "action-submit"
    client.post(edit_url(own), data)
    assert ProcedurePage.objects.get(pk=own.pk).summary != "Nowy opis do akceptacji."

    client.force_login(moderator)
    state = WorkflowState.objects.get(object_id=str(own.pk), status="in_progress")
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[own.pk, "approve", state.current_task_state.pk],
    )
    client.post(url, {"comment": ""})
    assert ProcedurePage.objects.get(pk=own.pk).summary == "Nowy opis do akceptacji."


def test_past_valid_from_is_explained(client, own_and_other):
    own, _ = own_and_other
    client.force_login(member(roles.EDITORS, own.department))
    data = procedure_form_data(own, go_live_at="2020-01-01 08:00")
    response = client.post(edit_url(own), data)
    assert response.status_code == 200
    assert "jest już w przeszłości" in str(response.context["form"].errors["go_live_at"])
    assert "2020" in response.text  # the editor's input is kept


def test_valid_to_before_valid_from_is_explained(client, own_and_other):
    own, _ = own_and_other
    client.force_login(member(roles.EDITORS, own.department))
    data = procedure_form_data(own, go_live_at="2030-02-01 08:00", expire_at="2030-01-01 08:00")
    response = client.post(edit_url(own), data)
    assert response.status_code == 200
    assert response.context["form"].errors


def test_draft_with_a_date_but_not_submitted_is_flagged(client, own_and_other):
    own, _ = own_and_other
    client.force_login(member(roles.EDITORS, own.department))
    data = procedure_form_data(own, go_live_at="2030-02-01 08:00")
    response = client.post(edit_url(own), data, follow=True)
    messages = [str(m) for m in response.context["messages"]]
    assert any("Daty zaczną działać dopiero po przesłaniu" in m for m in messages)


def test_history_records_who_and_the_moderator_compares_versions(client, own_and_other):
    from wagtail.models import PageLogEntry

    own, _ = own_and_other
    editor = member(roles.EDITORS, own.department)
    client.force_login(editor)
    client.post(edit_url(own), procedure_form_data(own, summary="Pierwsza zmiana."))
    client.post(edit_url(own), procedure_form_data(own, summary="Druga zmiana."))
    first, second = own.revisions.order_by("-created_at")[:2][::-1]
    assert second.user == editor
    assert PageLogEntry.objects.filter(page=own, user=editor, action="wagtail.edit").count() == 2

    client.force_login(member(roles.MODERATORS))
    url = reverse("wagtailadmin_pages:revisions_compare", args=[own.pk, first.pk, second.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert "Druga" in response.text and "Pierwsza" in response.text  # shown as a diff
