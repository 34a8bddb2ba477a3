"""The note a version is published with: required for a change of public content,
optional with "Drobna poprawka", never taken from a version that changes only restricted
fields; on every path that publishes (editor, Office's approval, scheduler)."""

from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from procedures.change_notes import NOTE_LABEL
from procedures.changes.models import ChangeNote
from procedures.models import ProcedurePage
from procedures.stages import approval_problems
from tests.staff import session

from .conftest import NOTE, edit_url, editor_form, post_edit

NEW_SUMMARY = "Dowód wydaje się każdemu obywatelowi Polski na jego wniosek."


def test_publishing_a_change_of_content_without_a_note_is_refused_naming_the_field(
    office_client, published
):
    response = post_edit(office_client, published, summary=NEW_SUMMARY)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert NOTE_LABEL in " ".join(errors["change_note"])
    # Nothing is lost and nothing published.
    assert response.context["form"]["summary"].value() == NEW_SUMMARY
    assert ProcedurePage.objects.get(pk=published.pk).summary != NEW_SUMMARY
    assert not ChangeNote.objects.exists()


def test_the_note_is_published_with_the_version(office_client, published):
    response = post_edit(office_client, published, summary=NEW_SUMMARY, change_note=NOTE)
    assert response.status_code == 302
    page = ProcedurePage.objects.get(pk=published.pk)
    assert page.summary == NEW_SUMMARY
    (note,) = ChangeNote.objects.all()
    assert (note.page_id, note.text, note.minor) == (page.pk, NOTE, False)
    assert note.revision_id == page.live_revision_id
    # The next version starts with an empty note: this one is history.
    form = office_client.get(edit_url(page)).context["form"]
    assert form["change_note"].value() == ""
    assert not form["minor_change"].value()


def test_a_minor_correction_needs_no_note_and_is_listed_without_one(office_client, published):
    response = post_edit(
        office_client, published, summary=NEW_SUMMARY, change_note="", minor_change="on"
    )
    assert response.status_code == 302
    (note,) = ChangeNote.objects.all()
    assert note.minor and note.text == ""
    assert note.display_text == "Drobna poprawka"


def test_publishing_again_without_a_change_needs_no_note_and_leaves_none(office_client, published):
    response = post_edit(office_client, published)
    assert response.status_code == 302
    assert not ChangeNote.objects.exists()


def test_a_change_of_restricted_fields_only_needs_no_note_and_never_shows_one(
    office_client, published
):
    response = post_edit(
        office_client,
        published,
        cc_description='{"blocks": [{"key": "a", "text": "Tylko dla Call Center", "type": '
        '"unstyled", "depth": 0, "inlineStyleRanges": [], "entityRanges": []}], '
        '"entityMap": {}}',
        change_note="Nowa informacja dla agentów",
    )
    assert response.status_code == 302
    assert "Tylko dla Call Center" in ProcedurePage.objects.get(pk=published.pk).cc_description
    assert not ChangeNote.objects.exists()


def test_a_first_publication_is_not_a_change(published):
    assert not ChangeNote.objects.exists()


def test_an_editor_proposes_a_note_the_office_approves_it(published, editor, moderator):
    published.department.editors.add(editor)
    client = session(editor)
    response = post_edit(
        client, published, action="action-submit", summary=NEW_SUMMARY, change_note=NOTE
    )
    assert response.status_code == 302
    page = ProcedurePage.objects.get(pk=published.pk)
    assert page.workflow_in_progress
    assert not approval_problems(page.get_latest_revision_as_object())
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    response = session(moderator).post(url, {"comment": ""})
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.summary == NEW_SUMMARY
    assert list(ChangeNote.objects.values_list("text", flat=True)) == [NOTE]


def test_the_office_is_told_on_approval_that_the_note_is_missing(published, editor):
    published.department.editors.add(editor)
    response = post_edit(session(editor), published, action="action-submit", summary=NEW_SUMMARY)
    assert response.status_code == 302
    page = ProcedurePage.objects.get(pk=published.pk)
    problems = approval_problems(page.get_latest_revision_as_object())
    assert any(NOTE_LABEL in problem for problem in problems)


def test_a_scheduled_version_publishes_the_note_written_when_it_was_scheduled(published, moderator):
    go_live = timezone.now().replace(second=0, microsecond=0) + timedelta(days=2)
    draft = published.get_latest_revision_as_object()
    draft.summary, draft.change_note, draft.go_live_at = NEW_SUMMARY, NOTE, go_live
    draft.save_revision(user=moderator).publish(user=moderator)
    assert not ChangeNote.objects.exists()  # scheduled, not yet public
    with time_machine.travel(go_live + timedelta(minutes=1)):
        call_command("publish_scheduled")
    (note,) = ChangeNote.objects.all()
    assert note.text == NOTE
    assert ProcedurePage.objects.get(pk=published.pk).summary == NEW_SUMMARY


def test_an_import_does_not_carry_the_previous_note_again(published, moderator):
    page = published.get_latest_revision_as_object()
    page.summary, page.change_note = NEW_SUMMARY, NOTE
    page.save_revision(user=moderator).publish(user=moderator)
    assert ChangeNote.objects.count() == 1
    # The stored page was cleared; a script editing it publishes no old note.
    stored = ProcedurePage.objects.get(pk=published.pk)
    assert stored.change_note == ""
    stored.summary = "Jeszcze inny opis sprawy."
    stored.save_revision().publish()
    assert ChangeNote.objects.count() == 1


def test_reverting_starts_with_an_empty_note(office_client, published, moderator):
    first = published.live_revision
    post_edit(office_client, published, summary=NEW_SUMMARY, change_note=NOTE)
    url = reverse("wagtailadmin_pages:revisions_revert", args=[published.pk, first.pk])
    form = office_client.get(url).context["form"]
    assert form["change_note"].value() == ""


@pytest.mark.parametrize("action", ["action-publish"])
def test_a_note_too_long_is_refused_naming_the_field(office_client, published, action):
    response = post_edit(
        office_client, published, action=action, summary=NEW_SUMMARY, change_note="x" * 301
    )
    assert response.status_code == 200
    assert NOTE_LABEL in " ".join(response.context["form"].errors["change_note"])
    assert response.context["form"]["change_note"].value() == "x" * 301


def test_the_form_offers_the_note_to_editors_too(published, editor):
    published.department.editors.add(editor)
    data = editor_form(session(editor), published)
    assert "change_note" in data and "minor_change" not in data  # an unticked checkbox
