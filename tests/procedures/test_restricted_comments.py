"""Comments anchored to restricted fields (*) are seen only by those who may read them: not
by a department editor in the page editor (HTML and its comments JSON), the page history,
the site history or its export, nor in comment e-mails."""

import importlib

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import Comment, PageLogEntry, PageSubscription
from wagtail.test.utils.form_data import inline_formset

from procedures import roles
from procedures.models import ProcedurePage
from procedures.restricted import comment_visible_to
from tests.factories import ProcedurePageFactory
from tests.staff import member, session

from .admin_forms import edit_url, procedure_form_data

SECRET = "KOMENTARZ-ZASTRZ-5e1b"
OPEN = "KOMENTARZ-JAWNY-77c0"


@pytest.fixture
def procedure(procedure_index):
    page = ProcedurePageFactory(parent=procedure_index)
    page.save_revision().publish()
    return ProcedurePage.objects.get(pk=page.pk)


@pytest.fixture
def editor(procedure):
    return member(roles.EDITORS, procedure.department)


def comment_on(page, user, contentpath, text):
    """Add a comment as ``user`` does in the page editor's comments."""
    comment = {"text": text, "contentpath": contentpath, "position": "", "resolved": ""}
    comment["replies"] = inline_formset([])
    data = procedure_form_data(page, comments=inline_formset([comment]))
    response = session(user).post(edit_url(page), data)
    assert response.status_code == 302
    return Comment.objects.get(text=text)


@pytest.fixture
def comments(procedure, moderator):
    """The Office's comment on "Opis*" and another on "Skrócony opis sprawy"."""
    secret = comment_on(procedure, moderator, "cc_description", SECRET)
    public = comment_on(procedure, moderator, "summary", OPEN)
    return secret, public


def test_the_editor_does_not_get_a_comment_on_opis_in_the_editor(procedure, editor, comments):
    html = session(editor).get(edit_url(procedure)).text
    assert OPEN in html  # comments are there
    assert SECRET not in html


def test_the_office_still_gets_it(procedure, moderator, comments):
    html = session(member(roles.MODERATORS)).get(edit_url(procedure)).text
    assert SECRET in html and OPEN in html


def test_agents_and_the_office_may_see_it_editors_may_not(procedure, editor, comments):
    secret, public = comments
    assert comment_visible_to(secret, member(roles.CALL_CENTER), ProcedurePage)
    assert comment_visible_to(secret, member(roles.MODERATORS), ProcedurePage)
    assert not comment_visible_to(secret, editor, ProcedurePage)
    assert comment_visible_to(public, editor, ProcedurePage)


def test_the_editors_save_keeps_the_comment_they_do_not_see(procedure, editor, comments):
    page = ProcedurePage.objects.get(pk=procedure.pk)
    data = procedure_form_data(page, summary="Zmiana redaktora.")
    assert session(editor).post(edit_url(page), data).status_code == 302
    assert Comment.objects.filter(text=SECRET, page_id=page.pk).exists()
    assert SECRET in session(member(roles.MODERATORS)).get(edit_url(page)).text


@pytest.mark.parametrize(
    "url",
    [
        "page_history",
        "page_history_results",
        "site_history",
        "site_history_csv",
    ],
)
def test_no_history_shows_its_text(procedure, editor, comments, url):
    urls = {
        "page_history": reverse("wagtailadmin_pages:history", args=[procedure.pk]),
        "page_history_results": reverse("wagtailadmin_pages:history_results", args=[procedure.pk]),
        "site_history": reverse("wagtailadmin_reports:site_history"),
        "site_history_csv": reverse("wagtailadmin_reports:site_history") + "?export=csv",
    }
    response = session(editor).get(urls[url])
    assert response.status_code == 200
    text = b"".join(response).decode() if response.streaming else response.text
    assert SECRET not in text
    if url != "site_history_csv":  # the export has no messages at all
        assert OPEN in text  # the history is there, with the open comment's text


def test_comment_e_mails_reach_only_readers(procedure, editor, moderator):
    colleague = member(roles.MODERATORS)
    for user in (editor, colleague):
        PageSubscription.objects.create(page=procedure, user=user, comment_notifications=True)
    mail.outbox.clear()

    comment_on(procedure, moderator, "cc_description", SECRET)

    def received(user):
        return [m for m in mail.outbox if user.email in m.to]

    assert not any(SECRET in m.body for m in received(editor))
    assert any(SECRET in m.body for m in received(colleague))

    mail.outbox.clear()
    comment_on(procedure, moderator, "summary", OPEN)
    assert any(OPEN in m.body for m in received(editor))


def test_entries_logged_before_are_redacted_by_the_migration(procedure, moderator):
    from django.apps import apps
    from wagtail.log_actions import log

    migration = importlib.import_module("procedures.migrations.0012_redact_restricted_comment_logs")
    # As Wagtail logged them before: the text in the entry's data.
    for contentpath, text in (("faq.abc.answer", SECRET), ("summary", OPEN)):
        entry = log(
            instance=procedure,
            action="wagtail.comments.create",
            user=moderator,
            data={"comment": {"id": 1, "contentpath": contentpath, "text": text}},
        )
        PageLogEntry.objects.filter(pk=entry.pk).update(
            data={"comment": {"id": 1, "contentpath": contentpath, "text": text}}
        )

    assert migration.redact(apps, None) == 1
    entries = PageLogEntry.objects.filter(page=procedure, action="wagtail.comments.create")
    texts = [entry.data["comment"]["text"] for entry in entries]
    assert SECRET not in texts and OPEN in texts
