"""No lost update: a save based on an out-of-date version of a procedure is refused.

Optimistic concurrency. Every form that saves a procedure posts the version it was loaded
from: Wagtail's page editor (and its revert form) posts ``loaded_revision_id`` and
``loaded_revision_created_at``; the "Inne*" form posts the same two and
``cc_other_version``, the id of the last "Inne*" change in the procedure's history (such a
change rewrites revisions in place, so it needs a version of its own). When somebody else
has saved since, the save is refused, the form comes back with what the editor typed, and
a message says who saved, when, which fields changed, and links to the comparison.

A form that posts no version (a script, an old test) is taken as up to date, as Wagtail
does for its autosave.
"""

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from wagtail.models import PageLogEntry

CC_OTHER_LOG_ACTION = "procedures.edit_cc_other"
CC_OTHER_LABEL = "Inne*"


@dataclass
class NewerVersion:
    """What was saved after the version a form was loaded from."""

    users: list = field(default_factory=list)
    saved_at: object = None
    #: Labels of the fields that changed, as the editor sees them; None when unknown.
    fields: list | None = None
    compare_url: str | None = None
    #: The current text of the field, for a one-field form ("Inne*").
    current_text: str | None = None


def display_name(user):
    """The name staff know a colleague by."""
    if user is None:
        return "nieznany użytkownik (np. import)"
    return user.get_full_name().strip() or user.get_username()


def _distinct_names(users):
    names = []
    for user in users:
        name = display_name(user)
        if name not in names:
            names.append(name)
    return names


def _revision(page, revision_id):
    if not str(revision_id or "").isdigit():
        return None
    return page.revisions.filter(pk=revision_id).select_related("user").first()


def _panel_headings(panel):
    """Field or relation name → the heading the editor sees above it in the form."""
    headings = {}
    name = getattr(panel, "field_name", None) or getattr(panel, "relation_name", None)
    if name and panel.heading:
        headings[name] = str(panel.heading)
    for child in getattr(panel, "children", ()):
        headings.update(_panel_headings(child))
    return headings


def changed_field_labels(request, page, edit_handler, revision_a, revision_b):
    """Headings of the fields of the editor's form that differ between two revisions.

    Uses Wagtail's revision comparison bound to the request, so fields the user may not
    see (permission-restricted panels) are neither compared nor named.
    """
    comparisons = edit_handler.get_bound_panel(
        instance=page, request=request, form=None
    ).get_comparison()
    headings = _panel_headings(edit_handler)
    object_a, object_b = revision_a.as_object(), revision_b.as_object()
    labels = []
    for comparison_class in comparisons:
        comparison = comparison_class(object_a, object_b)
        if comparison.has_changed():
            name = getattr(comparison.field, "name", None)
            labels.append(headings.get(name) or str(comparison.field_label()))
    return labels


def newer_revisions(request, page, edit_handler, loaded_revision_id):
    """What the editor's form would overwrite, or None when saving it loses nothing.

    Call it only once the form is known to be out of date (Wagtail's
    ``EditView.is_out_of_date``). When newer revisions changed none of the fields in this
    user's form (e.g. a moderator changed only restricted fields an editor does not see),
    the form's save keeps them, so it is let through.
    """
    latest = page.latest_revision
    base = _revision(page, loaded_revision_id)
    if base is None or base.pk == latest.pk:
        # The loaded revision is gone or was overwritten in place (autosave): what it
        # said is unknown, so every field may have changed.
        return NewerVersion(users=[latest.user], saved_at=latest.created_at)
    labels = changed_field_labels(request, page, edit_handler, base, latest)
    if not labels:
        return None
    newer = page.revisions.filter(pk__gt=base.pk).select_related("user").order_by("pk")
    compare_url = None
    if page.permissions_for_user(request.user).can_view_revisions():
        compare_url = reverse(
            "wagtailadmin_pages:revisions_compare", args=[page.pk, base.pk, latest.pk]
        )
    return NewerVersion(
        users=[revision.user for revision in newer] or [latest.user],
        saved_at=latest.created_at,
        fields=labels,
        compare_url=compare_url,
    )


def last_cc_other_change(page):
    """The latest "Inne*" change in the procedure's history, or None."""
    return (
        PageLogEntry.objects.filter(page_id=page.pk, action=CC_OTHER_LOG_ACTION)
        .select_related("user")
        .order_by("-timestamp", "-pk")
        .first()
    )


def cc_other_version(page):
    """The "Inne*" version a form is based on: the id of its last change, "0" if none."""
    entry = last_cc_other_change(page)
    return str(entry.pk) if entry else "0"


def newer_cc_other(page, posted_version, loaded_revision_id, loaded_revision_created_at):
    """Who changed "Inne*" of ``page`` since the "Inne*" form was loaded, or None.

    Another "Inne*" save shows as a newer ``cc_other_version``; a revision that changed the
    field (an import) as a newer revision whose "Inne*" differs from the loaded one's.
    """
    if posted_version and posted_version != cc_other_version(page):
        entry = last_cc_other_change(page)
        return NewerVersion(
            users=[entry.user],
            saved_at=entry.timestamp,
            fields=[CC_OTHER_LABEL],
            current_text=page.cc_other,
        )
    latest = page.latest_revision
    if not loaded_revision_id or latest is None:
        return None
    if str(latest.pk) == str(loaded_revision_id) and (
        latest.created_at.isoformat() == loaded_revision_created_at
    ):
        return None
    base = _revision(page, loaded_revision_id)
    if base is not None and base.pk != latest.pk:
        if base.content.get("cc_other") == latest.content.get("cc_other"):
            return None
    return NewerVersion(
        users=[latest.user],
        saved_at=latest.created_at,
        fields=[CC_OTHER_LABEL],
        current_text=latest.content.get("cc_other", page.cc_other),
    )


def _when(moment):
    return timezone.localtime(moment).strftime("%d.%m.%Y, godz. %H:%M")


COMPARE_HINT = (
    "Porównaj wersje i przenieś do formularza zmiany, które mają zostać. "
    "Ponowny zapis tego formularza zastąpi nowszą wersję."
)
CURRENT_TEXT_HINT = (
    "Przenieś do formularza z obecnej treści to, co ma zostać. "
    "Ponowny zapis tego formularza zastąpi obecną treść."
)


def refusal_message(newer, hint=COMPARE_HINT):
    """The Polish message above the refused form: who, when, which fields, what next."""
    who = ", ".join(_distinct_names(newer.users))
    if newer.fields is None:
        fields = format_html(
            "Nie da się ustalić, które pola zmieniono: wersja, od której zaczęto edycję, "
            "została w międzyczasie nadpisana."
        )
    else:
        fields = format_html(
            "Zmienione pola: {}.",
            format_html_join(", ", "„{}”", ((label,) for label in newer.fields)),
        )
    current = ""
    if newer.current_text is not None:
        current = format_html(" Obecna treść pola: „{}”.", newer.current_text or "(puste)")
    return format_html(
        "Nie zapisano zmian: w czasie Twojej edycji nowszą wersję zapisał(a) {} "
        "({}). {}{} Twoje zmiany są nadal w formularzu. {}",
        who,
        _when(newer.saved_at),
        fields,
        current,
        hint,
    )
