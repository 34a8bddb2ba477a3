"""Fields marked * in the template: behind a permission in the editor, and never wiped
by an editor who cannot see them."""

import pytest
from django.urls import reverse

from procedures import roles
from procedures.models import ProcedurePage
from tests.factories import (
    EmployeeFactory,
    ProcedurePageFactory,
    faq_item,
)
from tests.staff import member

from .admin_forms import procedure_form_data

MARK = "ZASTRZEZONE-7f3a"


@pytest.fixture
def restricted_procedure(procedure_index):
    page = ProcedurePageFactory(parent=procedure_index)
    page.cc_description = f"<p>Opis dla agentów {MARK}</p>"
    page.faq = [faq_item(f"Pytanie {MARK}?", "<p>Odpowiedź.</p>")]
    page.cc_other = f"Inne {MARK}"
    page.cc_contacts = [{"type": "employee", "value": EmployeeFactory().pk}]
    page.handled_in_ezd = True
    page.save_revision().publish()
    return ProcedurePage.objects.get(pk=page.pk)


def test_editor_does_not_see_restricted_fields(client, restricted_procedure):
    client.force_login(member(roles.EDITORS, restricted_procedure.department))
    response = client.get(reverse("wagtailadmin_pages:edit", args=[restricted_procedure.pk]))
    assert response.status_code == 200
    assert "Skrócony opis sprawy" in response.text
    assert MARK not in response.text
    assert 'name="procedure_owner"' not in response.text
    assert 'name="cc_other"' not in response.text


def test_moderator_sees_restricted_fields(client, restricted_procedure):
    client.force_login(member(roles.MODERATORS))
    response = client.get(reverse("wagtailadmin_pages:edit", args=[restricted_procedure.pk]))
    assert response.status_code == 200
    assert MARK in response.text
    assert 'name="procedure_owner"' in response.text


def test_editor_save_keeps_restricted_values(client, restricted_procedure):
    before = restricted_procedure
    client.force_login(member(roles.EDITORS, before.department))
    data = procedure_form_data(before, summary="Nowy skrócony opis od redaktora.")
    response = client.post(reverse("wagtailadmin_pages:edit", args=[before.pk]), data, follow=False)
    assert response.status_code == 302, response.context["form"].errors

    after = ProcedurePage.objects.get(pk=before.pk).get_latest_revision_as_object()
    assert after.summary == "Nowy skrócony opis od redaktora."  # the save did happen
    assert after.latest_revision_id != before.latest_revision_id
    assert after.cc_description == before.cc_description
    assert after.cc_other == before.cc_other
    assert list(after.faq.raw_data) == list(before.faq.raw_data)
    assert list(after.cc_contacts.raw_data) == list(before.cc_contacts.raw_data)
    assert after.handled_in_ezd is True
    assert after.procedure_owner_id == before.procedure_owner_id
    assert after.coordinator_id == before.coordinator_id
    assert after.is_internal is False


def test_editor_cannot_set_restricted_values_by_posting_them(client, restricted_procedure):
    client.force_login(member(roles.EDITORS, restricted_procedure.department))
    data = procedure_form_data(restricted_procedure, cc_other="podrobione", is_internal="on")
    client.post(reverse("wagtailadmin_pages:edit", args=[restricted_procedure.pk]), data)
    after = ProcedurePage.objects.get(pk=restricted_procedure.pk).get_latest_revision_as_object()
    assert after.cc_other == f"Inne {MARK}"
    assert after.is_internal is False


def test_rejected_save_keeps_the_editors_text(client, restricted_procedure):
    client.force_login(member(roles.EDITORS, restricted_procedure.department))
    too_long = "Bardzo długa nazwa procedury " * 6  # 174 characters
    data = procedure_form_data(restricted_procedure, title=too_long)
    response = client.post(reverse("wagtailadmin_pages:edit", args=[restricted_procedure.pk]), data)
    assert response.status_code == 200
    assert "może mieć najwyżej 160 znaków" in response.text
    assert too_long.strip() in response.text  # still in the form, nothing lost
