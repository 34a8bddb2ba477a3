"""A procedure's public "Historia zmian", as the portal page and the API show it."""

from procedures.changes.models import ChangeNote


def public_notes(page):
    """The public change notes of ``page``, newest first (none unless it is public)."""
    return list(ChangeNote.objects.public().filter(page=page).order_by("-published_at", "-pk"))


def last_update(page, notes):
    """When residents last saw the procedure change: its newest note, else its first
    publication (``None`` for a page never published)."""
    moments = [moment for moment in (page.first_published_at,) if moment]
    if notes:
        moments.append(notes[0].published_at)
    return max(moments) if moments else None


def history_context(page):
    """``{"notes": [...], "last_update": datetime}`` for the procedure page's template."""
    notes = public_notes(page)
    return {"notes": notes, "last_update": last_update(page, notes)}


def serialise(note):
    """A note as the API gives it."""
    return {
        "published_at": note.published_at,
        "text": note.display_text,
        "minor": note.minor,
        "source": note.source,
        "revision_id": note.revision_id,
    }
