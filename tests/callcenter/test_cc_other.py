"""Call Center agents edit "Inne*" themselves: one field, no moderation, audited."""

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry

from procedures import roles
from procedures.models import ProcedurePage
from tests.factories import ProcedurePageFactory, faq_item
from tests.procedures.admin_forms import procedure_form_data
from tests.staff import member

LABEL = "Inne (uwagi pracowników Oddziału Call Center)"
BUTTON = "Edytuj „Inne*”"


@pytest.fixture
def procedure(procedure_index):
    """A live procedure whose live revision is also its latest."""
    page = ProcedurePageFactory(parent=procedure_index)
    page.cc_other = "Dzwoniący często pytają o pełnomocnictwo."
    page.faq = [faq_item("Czy trzeba przyjść osobiście?", "<p>Nie.</p>")]
    page.save_revision().publish()
    return ProcedurePage.objects.get(pk=page.pk)


@pytest.fixture
def agent(client, db):
    user = member(roles.CALL_CENTER)
    client.force_login(user)
    return user


def form_url(page):
    return reverse("procedures_cc_other", args=[page.pk])


def test_agent_sees_the_procedure_and_its_inne(client, agent, procedure):
    response = client.get(form_url(procedure))
    assert response.status_code == 200
    assert procedure.title in response.text
    assert procedure.code in response.text
    assert LABEL in response.text
    assert "Dzwoniący często pytają o pełnomocnictwo." in response.text
    assert "Zapisz" in response.text
    assert 'name="title"' not in response.text


def test_agent_saves_without_moderation(client, agent, procedure):
    revisions_before = procedure.revisions.count()
    response = client.post(form_url(procedure), {"cc_other": "Nowa uwaga agenta."}, follow=True)

    assert response.status_code == 200
    assert "Zapisano pole „Inne*” procedury" in response.text
    after = ProcedurePage.objects.get(pk=procedure.pk)
    assert after.cc_other == "Nowa uwaga agenta."
    assert after.get_latest_revision_as_object().cc_other == "Nowa uwaga agenta."
    assert after.live_revision.as_object().cc_other == "Nowa uwaga agenta."
    assert after.revisions.count() == revisions_before
    assert after.latest_revision_id == procedure.latest_revision_id
    assert after.live is True
    assert after.has_unpublished_changes is False
    assert after.workflow_in_progress is False


def test_the_change_is_in_the_history(client, agent, procedure):
    client.post(form_url(procedure), {"cc_other": "Nowa uwaga agenta."})

    entry = PageLogEntry.objects.get(page=procedure, action="procedures.edit_cc_other")
    assert entry.user == agent
    assert entry.data == {
        "old": "Dzwoniący często pytają o pełnomocnictwo.",
        "new": "Nowa uwaga agenta.",
    }
    assert entry.formatter.label == "Zmiana pola „Inne*” (Call Center)"
    assert entry.message.startswith("Zmieniono pole „Inne*”")


def test_history_says_what_changed_without_the_text(client, procedure):
    client.force_login(member(roles.CALL_CENTER))
    client.post(form_url(procedure), {"cc_other": "Nowa uwaga agenta."})

    client.force_login(member(roles.EDITORS, procedure.department))
    response = client.get(reverse("wagtailadmin_pages:history", args=[procedure.pk]))
    assert response.status_code == 200
    assert "Zmieniono pole „Inne*”" in response.text
    assert "Nowa uwaga agenta." not in response.text


def test_saving_the_same_text_changes_and_logs_nothing(client, agent, procedure):
    response = client.post(form_url(procedure), {"cc_other": procedure.cc_other}, follow=True)
    assert "Pole „Inne*” się nie zmieniło." in response.text
    assert not PageLogEntry.objects.filter(action="procedures.edit_cc_other").exists()


def test_agent_cannot_change_anything_else(client, agent, procedure):
    before_revision = procedure.latest_revision.content
    client.post(
        form_url(procedure),
        {
            "cc_other": "Nowa uwaga agenta.",
            "title": "Podmieniony tytuł",
            "summary": "Podmieniony opis.",
            "code": "ZZ-99999",
            "is_internal": "on",
            "faq-count": "0",
        },
    )
    after = ProcedurePage.objects.get(pk=procedure.pk)
    assert after.cc_other == "Nowa uwaga agenta."
    for page in (after, after.get_latest_revision_as_object()):
        assert page.title == procedure.title
        assert page.summary == procedure.summary
        assert page.code == procedure.code
        assert page.is_internal is False
        assert list(page.faq.raw_data) == list(procedure.faq.raw_data)
    changed = {
        key
        for key, value in after.latest_revision.content.items()
        if before_revision.get(key) != value
    }
    assert changed == {"cc_other"}


def test_a_newer_draft_and_the_live_version_both_get_the_text(client, agent, procedure):
    draft = ProcedurePage.objects.get(pk=procedure.pk)
    draft.summary = "Szkic redaktora, jeszcze nieopublikowany."
    draft_revision = draft.save_revision()
    live_revision_id = procedure.live_revision_id
    assert draft_revision.pk != live_revision_id

    client.post(form_url(procedure), {"cc_other": "Uwaga dla obu wersji."})

    after = ProcedurePage.objects.get(pk=procedure.pk)
    assert after.cc_other == "Uwaga dla obu wersji."
    assert after.live_revision_id == live_revision_id
    assert after.live_revision.as_object().cc_other == "Uwaga dla obu wersji."
    latest = after.get_latest_revision_as_object()
    assert latest.cc_other == "Uwaga dla obu wersji."
    assert latest.summary == "Szkic redaktora, jeszcze nieopublikowany."  # the draft survives
    assert after.summary == procedure.summary  # and stays unpublished
    assert after.has_unpublished_changes is True


def test_older_revisions_keep_their_history(client, agent, procedure):
    first_revision = procedure.live_revision
    page = ProcedurePage.objects.get(pk=procedure.pk)
    page.summary = "Druga wersja opisu."
    page.save_revision().publish()

    client.post(form_url(procedure), {"cc_other": "Nowa uwaga agenta."})

    first_revision.refresh_from_db()
    assert first_revision.content["cc_other"] == "Dzwoniący często pytają o pełnomocnictwo."


def test_an_editors_next_draft_keeps_the_agents_text(client, procedure):
    client.force_login(member(roles.CALL_CENTER))
    client.post(form_url(procedure), {"cc_other": "Uwaga, której redaktor nie widzi."})

    client.force_login(member(roles.EDITORS, procedure.department))
    data = procedure_form_data(procedure, summary="Opis poprawiony przez redaktora.")
    response = client.post(reverse("wagtailadmin_pages:edit", args=[procedure.pk]), data)
    assert response.status_code == 302

    draft = ProcedurePage.objects.get(pk=procedure.pk).get_latest_revision_as_object()
    assert draft.summary == "Opis poprawiony przez redaktora."
    assert draft.cc_other == "Uwaga, której redaktor nie widzi."


def test_agent_still_cannot_open_the_page_editor(client, agent, procedure):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[procedure.pk]))
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response.url != reverse("wagtailadmin_pages:edit", args=[procedure.pk])


def test_department_editor_is_refused(client, procedure):
    client.force_login(member(roles.EDITORS, procedure.department))
    response = client.get(form_url(procedure))
    assert response.status_code == 403
    assert "Brak dostępu" in response.text
    response = client.post(form_url(procedure), {"cc_other": "Próba redaktora."})
    assert response.status_code == 403
    assert ProcedurePage.objects.get(pk=procedure.pk).cc_other == procedure.cc_other
    assert client.get(reverse("procedures_cc_other_index")).status_code == 403


def test_anonymous_is_sent_to_login(client, procedure):
    response = client.get(form_url(procedure))
    assert response.status_code == 302
    assert response.url.startswith(reverse("wagtailadmin_login"))


def test_unknown_procedure_is_404(client, agent, procedure_index):
    assert client.get(reverse("procedures_cc_other", args=[999999])).status_code == 404


def test_agent_reaches_the_form_from_the_admin(client, agent, procedure):
    home = client.get(reverse("wagtailadmin_home"))
    assert reverse("procedures_cc_other_index") in home.text
    assert "Uwagi Call Center" in home.text

    listing = client.get(reverse("procedures_cc_other_index"))
    assert listing.status_code == 200
    assert BUTTON in listing.text
    assert form_url(procedure) in listing.text


def test_the_list_finds_a_procedure_by_its_code(client, agent, procedure, procedure_index):
    other = ProcedurePageFactory(parent=procedure_index)
    response = client.get(
        reverse("procedures_cc_other_index_results"), {"q": procedure.code.lower()}
    )
    assert form_url(procedure) in response.text
    assert form_url(other) not in response.text


def test_editor_has_no_menu_item(client, procedure):
    client.force_login(member(roles.EDITORS, procedure.department))
    home = client.get(reverse("wagtailadmin_home"))
    assert reverse("procedures_cc_other_index") not in home.text


def test_moderator_gets_the_button_in_the_page_explorer(client, procedure, procedure_index):
    client.force_login(member(roles.MODERATORS))
    listing = client.get(reverse("wagtailadmin_explore", args=[procedure_index.pk]))
    assert BUTTON in listing.text
    assert form_url(procedure) in listing.text

    editor = client.get(reverse("wagtailadmin_pages:edit", args=[procedure.pk]))
    assert form_url(procedure) in editor.text


def test_no_button_for_pages_that_are_not_procedures(client, procedure_index):
    client.force_login(member(roles.MODERATORS))
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[procedure_index.pk]))
    assert editor.status_code == 200
    assert BUTTON not in editor.text
