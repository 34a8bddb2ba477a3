"""Restricted fields (*) keep their latest values on every path that saves a version for a
user without the permission: edit, revert, workflow actions, copy and import. Agents'
"Inne*" survives all of them."""

import json

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from wagtail.actions.copy_page import CopyPageAction
from wagtail.models import WorkflowState

from procedures import roles
from procedures.models import ProcedurePage
from procedures.restricted import fields_closed_to
from tests.factories import EmployeeFactory, ProcedurePageFactory, faq_item
from tests.staff import member

from .admin_forms import procedure_form_data
from .records import valid_record

OLD = "STARA-WERSJA-ZASTRZ"
NEW = "NOWA-WERSJA-ZASTRZ"
AGENT_NOTE = "Uwaga agentki z dzisiaj."


def set_restricted(page, mark, internal):
    page.cc_description = f"<p>Opis {mark}</p>"
    page.faq = [faq_item(f"Pytanie {mark}?", f"<p>Odpowiedź {mark}.</p>")]
    page.cc_contacts = [
        {"type": "employee", "value": EmployeeFactory(department=page.department).pk}
    ]
    page.procedure_owner = EmployeeFactory(name=f"Właściciel {mark}", department=page.department)
    page.coordinator = EmployeeFactory(name=f"Koordynator {mark}", department=page.department)
    page.handled_in_ezd = not internal
    page.is_internal = internal


@pytest.fixture
def procedure(procedure_index):
    """A procedure with an old published version, a newer one in which the Procedures
    Office changed every restricted field, and an agent's "Inne*" written after both."""
    page = ProcedurePageFactory(parent=procedure_index, summary="Skrócony opis: wersja 1.")
    set_restricted(page, OLD, internal=False)
    page.cc_other = "Stara uwaga."
    page.save_revision().publish()
    page = ProcedurePage.objects.get(pk=page.pk)
    page.summary = "Skrócony opis: wersja 2."
    set_restricted(page, NEW, internal=True)
    moderator = member(roles.MODERATORS)
    page.save_revision(user=moderator, log_action=True).publish(user=moderator)
    agent = member(roles.CALL_CENTER)
    client_post(agent, reverse("procedures_cc_other", args=[page.pk]), {"cc_other": AGENT_NOTE})
    return ProcedurePage.objects.get(pk=page.pk)


@pytest.fixture
def editor(procedure):
    return member(roles.EDITORS, procedure.department)


def client_post(user, url, data):
    client = Client()
    client.force_login(user)
    response = client.post(url, data)
    assert response.status_code == 302
    return response


def first_revision(page):
    return page.revisions.order_by("created_at", "id").first()


def assert_latest_restricted(page):
    """Every restricted field of ``page`` holds today's value, not the old version's."""
    assert NEW in page.cc_description and OLD not in page.cc_description
    assert page.faq[0].value["question"] == f"Pytanie {NEW}?"
    assert page.procedure_owner.name == f"Właściciel {NEW}"
    assert page.coordinator.name == f"Koordynator {NEW}"
    assert page.is_internal is True
    assert page.handled_in_ezd is False
    assert page.cc_other == AGENT_NOTE


def latest(page):
    return ProcedurePage.objects.get(pk=page.pk).get_latest_revision_as_object()


def approve(page):
    state = WorkflowState.objects.get(object_id=str(page.pk), status="in_progress")
    client_post(
        member(roles.MODERATORS),
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[page.pk, "approve", state.current_task_state.pk],
        ),
        {"comment": ""},
    )


def revert_url(page, revision):
    return reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, revision.pk])


def test_who_may_change_what(db):
    editor_closed = fields_closed_to(member(roles.EDITORS), ProcedurePage)
    assert set(editor_closed) == {
        "is_internal",
        "cc_contacts",
        "cc_description",
        "faq",
        "cc_other",
        "procedure_owner",
        "coordinator",
        "handled_in_ezd",
    }
    # Agents keep "Inne*" in their own form; the rest is the Office's.
    assert "cc_other" not in fields_closed_to(member(roles.CALL_CENTER), ProcedurePage)
    assert "faq" in fields_closed_to(member(roles.CALL_CENTER), ProcedurePage)
    assert fields_closed_to(member(roles.MODERATORS), ProcedurePage) == []
    assert fields_closed_to(None, ProcedurePage) == []


def test_an_editors_revert_keeps_todays_restricted_values(procedure, editor):
    old = first_revision(procedure)
    data = procedure_form_data(old.as_object())
    client_post(editor, revert_url(procedure, old), data)

    after = latest(procedure)
    assert after.summary == "Skrócony opis: wersja 1."  # the revert did happen
    assert_latest_restricted(after)


def test_an_editors_revert_submitted_and_approved_publishes_todays_restricted_values(
    procedure, editor
):
    old = first_revision(procedure)
    data = procedure_form_data(old.as_object())
    data["action-submit"] = "action-submit"
    client_post(editor, revert_url(procedure, old), data)
    approve(procedure)

    live = ProcedurePage.objects.get(pk=procedure.pk)
    assert live.summary == "Skrócony opis: wersja 1."
    assert_latest_restricted(live)


def test_an_editors_edit_submitted_and_approved_keeps_them(procedure, editor):
    data = procedure_form_data(latest(procedure), summary="Skrócony opis: wersja 3.")
    data["action-submit"] = "action-submit"
    client_post(editor, reverse("wagtailadmin_pages:edit", args=[procedure.pk]), data)
    assert_latest_restricted(latest(procedure))
    approve(procedure)

    live = ProcedurePage.objects.get(pk=procedure.pk)
    assert live.summary == "Skrócony opis: wersja 3."
    assert_latest_restricted(live)


def test_a_save_of_an_old_version_by_a_script_as_an_editor_keeps_them(procedure, editor):
    """The rule lives in save_revision: a path that forgets it (a script) still keeps them."""
    old_version = first_revision(procedure).as_object()
    old_version.save_revision(user=editor)
    assert_latest_restricted(latest(procedure))


def test_a_copy_by_an_editor_keeps_them(procedure, editor):
    copy = CopyPageAction(
        procedure,
        to=procedure.get_parent(),
        update_attrs={"title": "Kopia", "slug": "kopia", "code": "KA-99999"},
        keep_live=False,
        user=editor,
    ).execute()
    assert_latest_restricted(ProcedurePage.objects.get(pk=copy.pk).get_latest_revision_as_object())


def import_as(user, records, tmp_path):
    path = tmp_path / "procedury.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    report = tmp_path / "raport.json"
    args = [str(path), "--report", str(report)]
    if user is not None:
        args += ["--user", user.get_username()]
    call_command("import_procedures", *args)
    return json.loads(report.read_text(encoding="utf-8"))


def restricted_changes():
    return {
        "faq": [{"question": "Podrobione pytanie?", "answer": "<p>Podrobiona odpowiedź.</p>"}],
        "cc_other": "Podrobiona uwaga.",
        "handled_in_ezd": False,
        "owner": {"name": "Ktoś Inny", "email": None, "phone": None},
    }


def test_an_import_by_an_editor_keeps_them(procedure_index, tmp_path):
    import_as(None, [valid_record("KA-03001")], tmp_path)
    page = ProcedurePage.objects.get(code="KA-03001")
    editor = member(roles.EDITORS, page.department)

    record = valid_record("KA-03001", summary="Nowy skrócony opis z importu.")
    record.update(restricted_changes())
    report = import_as(editor, [record], tmp_path)

    after = latest(page)
    assert after.summary == "Nowy skrócony opis z importu."
    assert after.faq[0].value["question"] == "Czy trzeba zapłacić?"
    assert after.cc_other == "Uwagi agentów."
    assert after.handled_in_ezd is True
    assert after.procedure_owner.name == "Anna Kowalska"
    (outcome,) = report["records"]
    assert any("Pominięto pola zastrzeżone" in warning for warning in outcome["warnings"])


def test_an_import_by_the_system_or_the_office_changes_them(procedure_index, tmp_path):
    import_as(None, [valid_record("KA-03002")], tmp_path)
    record = valid_record("KA-03002")
    record.update(restricted_changes())
    import_as(member(roles.MODERATORS), [record], tmp_path)

    after = latest(ProcedurePage.objects.get(code="KA-03002"))
    assert after.faq[0].value["question"] == "Podrobione pytanie?"
    assert after.cc_other == "Podrobiona uwaga."
    assert after.procedure_owner.name == "Ktoś Inny"


def test_a_new_procedure_imported_by_an_editor_gets_no_restricted_values(procedure_index, tmp_path):
    editor = member(roles.EDITORS)
    import_as(editor, [valid_record("KA-03003")], tmp_path)

    page = ProcedurePage.objects.get(code="KA-03003")
    for version in (page, page.get_latest_revision_as_object()):
        assert list(version.faq) == []
        assert version.cc_other == ""
        assert version.handled_in_ezd is False
        assert version.procedure_owner_id is None
