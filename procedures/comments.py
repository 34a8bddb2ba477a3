"""Comments on restricted fields (*) stay with those who may read the fields.

Wagtail's commenting shows every comment of a page to whoever opens its editor: its form
drops only comments whose field no longer exists, not those on fields the user's form
leaves out. The design here: a comment anchored to a restricted field (``cc_description``,
``faq.<block>.answer``…) is part of that field.

* In the page editor, such comments are left out of the comments of a user who may not
  read restricted fields (not in the HTML, not in its JSON); saving that user's form keeps
  them (Wagtail's comment formset adds and removes only the comments it holds).
* The audit log (page history, site history and their exports, anything else that reads
  log entries) records that such a comment was added, edited, resolved or answered, not
  its text: moderators and agents read the text in the editor, next to the field.
* E-mail notifications about such comments go only to subscribers who may read them.
"""

from django.db.models.signals import pre_save
from django.dispatch import receiver
from wagtail.admin.forms.comments import CommentFormSet
from wagtail.admin.panels import CommentPanel
from wagtail.models import COMMENTS_RELATION_NAME, PageLogEntry

from procedures.reading import can_read_restricted
from procedures.restricted import is_restricted_contentpath

HIDDEN_TEXT = (
    "(treść ukryta: komentarz do pola zastrzeżonego, widoczny w edytorze procedury dla osób "
    "uprawnionych do pól zastrzeżonych)"
)


def hides_comment_from(user, page_class, contentpath):
    """Whether a comment at ``contentpath`` of a ``page_class`` page is hidden from ``user``."""
    return is_restricted_contentpath(page_class, contentpath) and not can_read_restricted(user)


class RestrictedCommentFormSet(CommentFormSet):
    """Wagtail's comment formset without the comments its user may not read."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.form_kwargs.get("for_user")
        page_class = type(self.instance)
        # The in-memory queryset of the page's comments knows "id", not "pk" or exclude().
        visible = [
            comment.id
            for comment in self.queryset
            if not hides_comment_from(user, page_class, comment.contentpath)
        ]
        self.queryset = self.queryset.filter(id__in=visible)


class RestrictedCommentPanel(CommentPanel):
    """The comments of the page editor, through :class:`RestrictedCommentFormSet`."""

    def get_form_options(self):
        options = super().get_form_options()
        options["formsets"][COMMENTS_RELATION_NAME]["formset"] = RestrictedCommentFormSet
        return options


@receiver(pre_save, sender=PageLogEntry, dispatch_uid="procedures.comments.redact_log")
def redact_restricted_comment_log(sender, instance, **kwargs):
    """Keep the text of a comment (and reply) on a restricted field out of the audit log."""
    if not (instance.action or "").startswith("wagtail.comments.") or not instance.data:
        return
    comment = instance.data.get("comment")
    # The entry's content type may be the base Page's; the page's own class says.
    page_class = instance.page.specific_class if instance.page_id else None
    if not isinstance(comment, dict) or page_class is None:
        return
    if not is_restricted_contentpath(page_class, comment.get("contentpath")):
        return
    comment["text"] = HIDDEN_TEXT
    reply = instance.data.get("reply")
    if isinstance(reply, dict):
        reply["text"] = HIDDEN_TEXT


def split_commenting_changes(page_class, changes):
    """``changes`` of Wagtail's ``EditView.get_commenting_changes`` as two dicts of the same
    shape: the changes on open fields, and those on restricted fields."""

    def restricted(comment):
        return is_restricted_contentpath(page_class, comment.contentpath)

    open_changes, restricted_changes = {}, {}
    for key, items in changes.items():
        open_changes[key] = []
        restricted_changes[key] = []
        for item in items:
            comment = item[0] if isinstance(item, tuple) else item
            (restricted_changes if restricted(comment) else open_changes)[key].append(item)
    return open_changes, restricted_changes
