"""Public change notes are written where changes reach the portal: a version published
(``page_published``, whichever path published it — "Opublikuj", the Office's approval,
the scheduler, an import) and a shared record saved (``post_save``).

Both run inside the change's transaction; the portal's own signals (``home.signals``)
drop the fragments and cached pages concerned once it commits, so the next reader sees
the note.
"""

from django.db.models.signals import post_save, pre_save
from wagtail.models import PageLogEntry
from wagtail.signals import page_published

from procedures.change_notes import MINOR_FIELD, NOTE_FIELD, note_of, public_changes
from procedures.changes.models import ChangeNote
from procedures.changes.records import (
    RECORD_MODELS,
    note_for_change,
    public_procedures_showing,
    public_values,
)
from procedures.models import ProcedurePage

PUBLISH_ACTIONS = ("wagtail.publish", "wagtail.publish.scheduled")


def previous_publication(page, revision):
    """The content of the version published before ``revision``, or ``None``."""
    entry = (
        PageLogEntry.objects.filter(
            page_id=page.pk, action__in=PUBLISH_ACTIONS, revision__isnull=False
        )
        .exclude(revision_id=revision.pk)
        .select_related("revision")
        .order_by("-timestamp", "-pk")
        .first()
    )
    return entry.revision.content if entry and entry.revision else None


def record_publication(sender, instance, revision=None, **kwargs):
    """A version was published: its note becomes public when it changes public content.

    A first publication, a version changing only restricted fields, and one published
    without a note and not marked "Drobna poprawka" (an import) leave none. The note is
    then cleared from the stored page, so a later version (an import onto it) does not
    carry it again.
    """
    if revision is None:
        return
    page_class = type(instance)
    content = revision.content
    note, minor = note_of(content)
    if not (note or minor):
        return  # nothing to announce, nothing stored to clear (an import costs no query)
    page_class.objects.filter(pk=instance.pk).update(**{NOTE_FIELD: "", MINOR_FIELD: False})
    previous = previous_publication(instance, revision)
    if not public_changes(page_class, previous, content):
        return
    if note and previous is not None and note_of(previous)[0] == note:
        return  # the previous version's note carried over, not a new one
    ChangeNote.objects.get_or_create(
        revision=revision,
        defaults={"page_id": instance.pk, "text": note, "minor": minor},
    )


def _remember_public_values(sender, instance, raw=False, **kwargs):
    if not raw:
        instance._public_values_before = public_values(instance)


def record_change(sender, instance, raw=False, created=False, **kwargs):
    """A shared record was saved: a note on each public procedure that shows it, naming
    what residents will see changed ("Zmiana adresu: …")."""
    before = getattr(instance, "_public_values_before", None)
    if raw or created or not before:
        return
    text = note_for_change(instance, before)
    instance._public_values_before = public_values(instance)
    if not text:
        return
    ChangeNote.objects.bulk_create(
        ChangeNote(page=page, text=text, source=ChangeNote.Source.RECORD)
        for page in public_procedures_showing(instance).only("pk")
    )


def connect():
    page_published.connect(record_publication, sender=ProcedurePage, dispatch_uid="change-notes")
    for model in RECORD_MODELS:
        name = model._meta.model_name
        pre_save.connect(_remember_public_values, sender=model, dispatch_uid=f"notes-{name}-pre")
        post_save.connect(record_change, sender=model, dispatch_uid=f"notes-{name}")
