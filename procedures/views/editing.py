"""The page editor and the revert form of a procedure, refusing a save from a stale form.

Wagtail's editor already posts the revision it was loaded from and refuses an out-of-date
*autosave*; a full submit (save draft, publish, submit, restart or cancel the workflow, a
workflow action from the editor, revert) went through and overwrote the newer revision.
These views refuse that submit too, before the form is saved, and re-render it with the
editor's text and a message naming what changed meanwhile (``procedures.concurrency``).

Comments on restricted fields are e-mailed only to those who may read them
(``procedures.comments``).
"""

import json

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.admin import messages
from wagtail.admin.mail import send_notification
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.views.pages.revisions import RevisionsRevertView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import COMMENTS_RELATION_NAME

from procedures.comments import split_commenting_changes
from procedures.concurrency import newer_revisions, refusal_message
from procedures.listing import COLUMNS, ProcedureExplorableIndexView, ProcedureFilterSet
from procedures.models import ProcedurePage
from procedures.reading import can_read_restricted
from procedures.views.workflow import ProcedureWorkflowActionView

#: The comment changes Wagtail e-mails about (edits are not announced).
NOTIFIED_CHANGES = ("new_comments", "deleted_comments", "resolved_comments", "new_replies")


class RefuseStaleSaveMixin:
    """Refuse a full (non-autosave) submit of a form loaded from an older revision."""

    def post(self, request, *args, **kwargs):
        if not self.expects_json_response and self.is_out_of_date and not self.page.alias_of_id:
            newer = newer_revisions(
                request,
                self.real_page_record,
                self.edit_handler,
                request.POST.get("overwrite_revision_id") or request.POST.get("loaded_revision_id"),
            )
            if newer is not None:
                return self.refuse_stale_save(newer)
        return super().post(request, *args, **kwargs)

    def refuse_stale_save(self, newer):
        """The form again, bound to what the editor posted, with the refusal above it.

        Its hidden ``loaded_revision_id`` is now the latest revision: after reading the
        message, the editor saves on purpose over what they were shown.
        """
        self.form = self.form_class(
            self.request.POST,
            self.request.FILES,
            instance=self.page,
            subscription=self.subscription,
            parent_page=self.parent,
            for_user=self.request.user,
        )
        buttons = []
        if newer.compare_url:
            buttons.append((newer.compare_url, "Porównaj wersje", True))
        messages.error(self.request, refusal_message(newer), buttons=buttons)
        self.has_unsaved_changes = True
        return self.render_to_response(self.get_context_data())


class RestrictedCommentNotificationsMixin:
    """E-mails about comments on restricted fields reach only those who may read them."""

    def send_commenting_notifications(self, changes):
        """Wagtail's notifications for comments on open fields; those on restricted fields
        go only to subscribers and participants who may read restricted fields."""
        open_changes, restricted_changes = split_commenting_changes(type(self.page), changes)
        super().send_commenting_notifications(open_changes)
        if any(restricted_changes[key] for key in NOTIFIED_CHANGES):
            self.notify_readers(restricted_changes)

    def notify_readers(self, changes):
        comment_ids = [comment.pk for comment in changes["resolved_comments"]] + [
            comment.pk for comment, _replies in changes["new_replies"]
        ]
        users = (
            get_user_model()
            .objects.filter(
                Q(
                    page_subscriptions__page=self.page,
                    page_subscriptions__comment_notifications=True,
                )
                | Q(comment_replies__comment_id__in=comment_ids)
                | Q(**{f"{COMMENTS_RELATION_NAME}__pk__in": comment_ids})
            )
            .exclude(pk=self.request.user.pk)
        )
        readers = [user for user in users.distinct() if can_read_restricted(user)]
        if readers:
            send_notification(
                readers,
                "updated_comments",
                {
                    "page": self.page,
                    "editor": self.request.user,
                    "new_comments": changes["new_comments"],
                    "resolved_comments": changes["resolved_comments"],
                    "deleted_comments": changes["deleted_comments"],
                    "replied_comments": [
                        {"comment": comment, "replies": replies}
                        for comment, replies in changes["new_replies"]
                    ],
                },
            )


class KeepWorkflowCommentMixin:
    """A workflow action from the editor ("Zatwierdź z komentarzem") refused by the form's
    rules (an "Obowiązuje od" in the past, a missing Właściciel*) shows the comment typed
    in the modal again, so the moderator copies it instead of typing it anew."""

    def form_invalid(self, form):
        comment = self.posted_workflow_comment()
        if comment:
            messages.warning(
                self.request,
                "Nie wykonano akcji – popraw zaznaczone pola i wybierz ją ponownie. "
                f"Twój komentarz: „{comment}”",
            )
        return super().form_invalid(form)

    def posted_workflow_comment(self):
        if not self.request.POST.get("action-workflow-action"):
            return ""
        try:
            extra = json.loads(self.request.POST.get("workflow-action-extra-data") or "{}")
        except ValueError:
            return ""
        comment = extra.get("comment") if isinstance(extra, dict) else None
        return comment.strip() if isinstance(comment, str) else ""


class ProcedureEditView(
    KeepWorkflowCommentMixin,
    RestrictedCommentNotificationsMixin,
    RefuseStaleSaveMixin,
    EditView,
):
    pass


class ProcedureRevisionsRevertView(
    RestrictedCommentNotificationsMixin, RefuseStaleSaveMixin, RevisionsRevertView
):
    """Revert to an older revision, keeping "Inne*" as it is now, with an empty change note.

    "Inne*" lives outside revisions (agents change it without moderation, in every current
    version): going back to an old revision must not bring back its old "Inne*", whoever
    reverts. The other restricted fields keep today's values when a user without the
    permission reverts: ``ProcedurePage.save_revision`` sees to that, as for every save.
    """

    def get_object(self):
        page = super().get_object()
        page.cc_other = self.latest_revision.content.get("cc_other", page.cc_other)
        # The old version's change note was announced when it was published; going back
        # to it is a change of its own, described anew (procedures.change_notes).
        page.change_note, page.minor_change = "", False
        return page


class ProcedurePageViewSet(PageViewSet):
    """Wagtail's page views for procedures, with the stale-save check in edit and revert,
    the outcome of a workflow action announced (``procedures.review``); the explorer lists
    the "Procedury" page's children with code, department, status and "Obowiązuje do"
    (``procedures.listing``)."""

    model = ProcedurePage
    edit_view_class = ProcedureEditView
    revisions_revert_view_class = ProcedureRevisionsRevertView
    index_view_class = ProcedureExplorableIndexView
    columns = COLUMNS
    filterset_class = ProcedureFilterSet
    # The dashboard's approve (checked first) / request changes, saying what it did.
    workflow_action_view_class = ProcedureWorkflowActionView
