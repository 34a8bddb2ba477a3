"""Two staff edit the same procedure: a save from an out-of-date form is refused.

Each test opens the form in two sessions (two clients, two users), saves in the first,
then saves from the second, stale form: it is refused with a Polish message that names who
saved, when and which fields, the second's text is back in the form, and the first's
change is still in the latest revision.
"""

import re

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState

from procedures import roles
from procedures.models import ProcedurePage
from tests.factories import ProcedurePageFactory
from tests.staff import member, session

from .admin_forms import edit_url
from .admin_forms import procedure_form_data as form_data_without_block_ids

REFUSED = "Nie zapisano zmian: w czasie Twojej edycji nowszą wersję zapisał(a)"


STREAM_FIELDS = (
    "steps",
    "fees",
    "appointment",
    "submission_channels",
    "places",
    "required_documents",
    "other_documents",
    "legal_basis",
    "appeal",
    "cc_contacts",
    "faq",
)


def procedure_form_data(page, **overrides):
    """What the browser posts: the form data with the ids of the StreamField blocks, so
    that an unchanged block stays the same block (and Wagtail's comparison says so)."""
    data = form_data_without_block_ids(page, **overrides)
    for name in STREAM_FIELDS:
        for index, block in enumerate(getattr(page, name)):
            if f"{name}-{index}-type" in data:
                data[f"{name}-{index}-id"] = block.id
    return data


@pytest.fixture
def procedure(procedure_index):
    """A published procedure whose live revision is what its edit form posts back."""
    page = ProcedurePageFactory(parent=procedure_index, title="Wydanie dowodu osobistego")
    page.save_revision().publish()
    data = procedure_form_data(page)
    data["action-publish"] = "action-publish"
    response = session(member(roles.MODERATORS)).post(edit_url(page), data)
    assert response.status_code == 302
    return ProcedurePage.objects.get(pk=page.pk)


@pytest.fixture
def editor(procedure):
    return member(roles.EDITORS, procedure.department, first_name="Ewa", last_name="Redaktorska")


@pytest.fixture
def moderator(db):
    return member(roles.MODERATORS, first_name="Marek", last_name="Moderator")


def loaded_revision(response):
    """The hidden inputs saying which revision the form was loaded from."""
    assert response.status_code == 200
    return {
        name: re.search(rf'name="{name}" value="([^"]*)"', response.text).group(1)
        for name in ("loaded_revision_id", "loaded_revision_created_at")
    }


def latest(page):
    return ProcedurePage.objects.get(pk=page.pk).get_latest_revision_as_object()


def messages_of(response):
    return " ".join(str(message) for message in response.context["messages"])


def open_in_two_sessions(first_user, second_user, url):
    first, second = session(first_user), session(second_user)
    return first, loaded_revision(first.get(url)), second, loaded_revision(second.get(url))


def save_then_save_stale(procedure, first_user, first_changes, second_user, second_changes):
    """Both users open the edit form; the first saves ``first_changes`` (a draft), then the
    second posts ``second_changes`` (with an ``action-…`` key, that action) from the form
    loaded before: the response to the second."""
    first, first_base, second, second_base = open_in_two_sessions(
        first_user, second_user, edit_url(procedure)
    )
    data = procedure_form_data(procedure, **first_changes)
    first.post(edit_url(procedure), {**data, **first_base})
    data = procedure_form_data(procedure, **second_changes)
    return second.post(edit_url(procedure), {**data, **second_base})


def publish_a_second_version(procedure):
    """The procedure's summary changed and published again; the URL of the form that
    reverts it to the version before."""
    old_revision = procedure.latest_revision
    page = ProcedurePage.objects.get(pk=procedure.pk)
    page.summary = "Druga wersja opisu."
    page.save_revision().publish()
    return reverse("wagtailadmin_pages:revisions_revert", args=[procedure.pk, old_revision.pk])


def test_a_stale_draft_is_refused_and_nothing_is_lost(procedure, editor, moderator):
    first, first_base, second, second_base = open_in_two_sessions(
        editor, moderator, edit_url(procedure)
    )
    assert first_base == second_base

    data = procedure_form_data(procedure, summary="Opis poprawiony przez redaktorkę.")
    assert first.post(edit_url(procedure), {**data, **first_base}).status_code == 302

    data = procedure_form_data(procedure, title="Dowód osobisty – tytuł moderatora")
    response = second.post(edit_url(procedure), {**data, **second_base})

    assert response.status_code == 200
    message = messages_of(response)
    assert REFUSED in message
    assert "Ewa Redaktorska" in message
    assert "Zmienione pola: „Skrócony opis sprawy”." in message
    assert "Twoje zmiany są nadal w formularzu." in message
    compare = reverse(
        "wagtailadmin_pages:revisions_compare",
        args=[
            procedure.pk,
            second_base["loaded_revision_id"],
            latest(procedure).latest_revision_id,
        ],
    )
    assert compare in message
    assert "Dowód osobisty – tytuł moderatora" in response.text  # the posted text is kept
    after = latest(procedure)
    assert after.summary == "Opis poprawiony przez redaktorkę."
    assert after.title == "Wydanie dowodu osobistego"
    # The re-rendered form is now based on the latest revision: saving again is deliberate.
    assert loaded_revision(response)["loaded_revision_id"] == str(after.latest_revision_id)


def test_a_stale_publish_is_refused(procedure, editor, moderator):
    response = save_then_save_stale(
        procedure,
        editor,
        {"summary": "Opis poprawiony przez redaktorkę."},
        moderator,
        {"title": "Dowód osobisty – tytuł moderatora", "action-publish": "action-publish"},
    )

    assert response.status_code == 200
    assert REFUSED in messages_of(response)
    assert "„Skrócony opis sprawy”" in messages_of(response)
    assert "Dowód osobisty – tytuł moderatora" in response.text
    live = ProcedurePage.objects.get(pk=procedure.pk)
    assert live.title == "Wydanie dowodu osobistego"  # nothing was published
    assert live.has_unpublished_changes
    assert latest(procedure).summary == "Opis poprawiony przez redaktorkę."


def test_a_stale_submit_for_approval_is_refused(procedure, editor, moderator):
    response = save_then_save_stale(
        procedure,
        moderator,
        {"title": "Dowód osobisty – tytuł moderatora"},
        editor,
        {"summary": "Opis redaktorki do akceptacji.", "action-submit": "action-submit"},
    )

    assert response.status_code == 200
    assert "Marek Moderator" in messages_of(response)
    assert "„Nazwa procedury”" in messages_of(response)
    assert "Opis redaktorki do akceptacji." in response.text
    assert not WorkflowState.objects.filter(object_id=str(procedure.pk)).exists()
    assert latest(procedure).title == "Dowód osobisty – tytuł moderatora"


def test_a_stale_revert_is_refused(procedure, editor, moderator):
    old_revision = procedure.latest_revision
    revert_url = publish_a_second_version(procedure)
    first, first_base = session(editor), None
    first_base = loaded_revision(first.get(edit_url(procedure)))
    second = session(moderator)
    second_base = loaded_revision(second.get(revert_url))
    assert first_base == second_base

    data = procedure_form_data(latest(procedure), title="Tytuł po zmianie redaktorki")
    assert first.post(edit_url(procedure), {**data, **first_base}).status_code == 302

    data = procedure_form_data(old_revision.as_object())
    response = second.post(revert_url, {**data, **second_base})

    assert response.status_code == 200
    assert REFUSED in messages_of(response)
    assert "„Nazwa procedury”" in messages_of(response)
    after = latest(procedure)
    assert after.title == "Tytuł po zmianie redaktorki"
    assert after.summary == "Druga wersja opisu."


def test_an_up_to_date_form_saves_as_before(procedure, editor):
    client = session(editor)
    base = loaded_revision(client.get(edit_url(procedure)))
    data = procedure_form_data(procedure, summary="Zwykła poprawka.")
    assert client.post(edit_url(procedure), {**data, **base}).status_code == 302
    assert latest(procedure).summary == "Zwykła poprawka."


def test_a_revert_when_nobody_saved_meanwhile_goes_through(procedure, moderator):
    old_revision = procedure.latest_revision
    revert_url = publish_a_second_version(procedure)
    client = session(moderator)
    base = loaded_revision(client.get(revert_url))
    response = client.post(revert_url, {**procedure_form_data(old_revision.as_object()), **base})
    assert response.status_code == 302
    assert latest(procedure).summary == old_revision.as_object().summary


def test_newer_changes_the_editor_cannot_see_do_not_block_the_save(procedure, editor, moderator):
    """A moderator's change of a restricted field is kept by the editor's save anyway."""
    first, first_base, second, second_base = open_in_two_sessions(
        moderator, editor, edit_url(procedure)
    )
    data = procedure_form_data(procedure, handled_in_ezd="on")
    assert first.post(edit_url(procedure), {**data, **first_base}).status_code == 302

    data = procedure_form_data(procedure, summary="Poprawka redaktorki.")
    response = second.post(edit_url(procedure), {**data, **second_base})

    assert response.status_code == 302
    after = latest(procedure)
    assert after.summary == "Poprawka redaktorki."
    assert after.handled_in_ezd is True


def test_the_same_user_in_two_tabs_is_refused_too(procedure, editor):
    response = save_then_save_stale(
        procedure, editor, {"summary": "Karta 1."}, editor, {"title": "Karta 2"}
    )
    assert REFUSED in messages_of(response)
    assert latest(procedure).summary == "Karta 1."


def test_reverting_keeps_the_current_inne(procedure, moderator):
    """ "Inne*" is written outside revisions: going back to an old version keeps today's."""
    old_revision = procedure.latest_revision
    revert_url = publish_a_second_version(procedure)
    agent = session(member(roles.CALL_CENTER))
    agent.post(reverse("procedures_cc_other", args=[procedure.pk]), {"cc_other": "Uwaga agenta."})
    old_revision.refresh_from_db()
    assert old_revision.content["cc_other"] != "Uwaga agenta."

    client = session(moderator)
    base = loaded_revision(client.get(revert_url))
    data = procedure_form_data(old_revision.as_object())
    data["action-publish"] = "action-publish"
    assert client.post(revert_url, {**data, **base}).status_code == 302
    after = ProcedurePage.objects.get(pk=procedure.pk)
    assert after.summary == old_revision.as_object().summary
    assert after.cc_other == "Uwaga agenta."


# --- "Inne*": the agents' own form ----------------------------------------------------------


def cc_other_url(page):
    return reverse("procedures_cc_other", args=[page.pk])


def loaded_cc_other_form(response):
    """The hidden inputs of the "Inne*" form: the revision and the "Inne*" version."""
    base = loaded_revision(response)
    base["cc_other_version"] = re.search(
        r'name="cc_other_version" value="([^"]*)"', response.text
    ).group(1)
    return base


@pytest.fixture
def agents(db):
    return (
        member(roles.CALL_CENTER, first_name="Anna", last_name="Agentka"),
        member(roles.CALL_CENTER, first_name="Adam", last_name="Agent"),
    )


def test_a_stale_inne_is_refused_and_nothing_is_lost(procedure, agents):
    first, second = session(agents[0]), session(agents[1])
    first_base = loaded_cc_other_form(first.get(cc_other_url(procedure)))
    second_base = loaded_cc_other_form(second.get(cc_other_url(procedure)))
    assert first_base == second_base

    response = first.post(cc_other_url(procedure), {"cc_other": "Uwaga Anny.", **first_base})
    assert response.status_code == 302

    response = second.post(cc_other_url(procedure), {"cc_other": "Uwaga Adama.", **second_base})

    assert response.status_code == 200
    message = messages_of(response)
    assert REFUSED in message
    assert "Anna Agentka" in message
    assert "Zmienione pola: „Inne*”." in message
    assert "Obecna treść pola: „Uwaga Anny.”." in message
    assert "Uwaga Adama." in response.text  # the agent's text is back in the form
    after = ProcedurePage.objects.get(pk=procedure.pk)
    assert after.cc_other == "Uwaga Anny."
    assert after.get_latest_revision_as_object().cc_other == "Uwaga Anny."

    # The form is now based on Anna's text: saving again replaces it, on purpose.
    rebased = loaded_cc_other_form(response)
    assert rebased["cc_other_version"] != second_base["cc_other_version"]
    second.post(cc_other_url(procedure), {"cc_other": "Uwaga Anny i Adama.", **rebased})
    assert ProcedurePage.objects.get(pk=procedure.pk).cc_other == "Uwaga Anny i Adama."


def test_inne_changed_by_a_newer_revision_is_refused(procedure, agents):
    """An import (a new revision) that changed "Inne*" counts as a newer version too."""
    client = session(agents[0])
    base = loaded_cc_other_form(client.get(cc_other_url(procedure)))
    page = ProcedurePage.objects.get(pk=procedure.pk)
    page.cc_other = "Uwaga z importu."
    page.save_revision(user=member(roles.MODERATORS, first_name="Irena", last_name="Import"))

    response = client.post(cc_other_url(procedure), {"cc_other": "Uwaga agentki.", **base})

    assert response.status_code == 200
    assert "Irena Import" in messages_of(response)
    assert "Obecna treść pola: „Uwaga z importu.”." in messages_of(response)
    assert latest(procedure).cc_other == "Uwaga z importu."


def test_a_newer_revision_that_left_inne_alone_does_not_block_it(procedure, agents, editor):
    client = session(agents[0])
    base = loaded_cc_other_form(client.get(cc_other_url(procedure)))
    editor_client = session(editor)
    editor_base = loaded_revision(editor_client.get(edit_url(procedure)))
    data = procedure_form_data(procedure, summary="Poprawka redaktorki.")
    assert editor_client.post(edit_url(procedure), {**data, **editor_base}).status_code == 302

    response = client.post(cc_other_url(procedure), {"cc_other": "Uwaga agentki.", **base})

    assert response.status_code == 302
    after = latest(procedure)
    assert after.cc_other == "Uwaga agentki."
    assert after.summary == "Poprawka redaktorki."
