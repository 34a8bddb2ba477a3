"""The Call Center dashboard panel "Zmiany w procedurach (7 dni)"."""

from datetime import timedelta

from django.utils import timezone
from wagtail.admin.ui.components import Component

from procedures.changes.models import ChangeNote

#: How far back the panel looks.
RECENT_DAYS = 7
#: Procedures listed at most.
RECENT_LIMIT = 30


def recently_changed(now=None, days=RECENT_DAYS, limit=RECENT_LIMIT):
    """``[(procedure, [notes newest first])]`` of the procedures with change notes in the
    last ``days`` days, the latest changed first. Internal procedures included: agents
    read them too."""
    since = (now or timezone.now()) - timedelta(days=days)
    notes = ChangeNote.objects.since(since).select_related("page").order_by("-published_at", "-pk")
    grouped = {}
    for note in notes:
        grouped.setdefault(note.page_id, (note.page, []))[1].append(note)
    return list(grouped.values())[:limit]


class RecentChangesPanel(Component):
    """What changed in the procedures this week, each with its notes and a link to its
    Call Center page: what an agent should know before the next call."""

    name = "recent_changes"
    template_name = "changes/admin/recent_changes_panel.html"
    order = 41

    def get_context_data(self, parent_context):
        return {"changed": recently_changed(), "days": RECENT_DAYS}
