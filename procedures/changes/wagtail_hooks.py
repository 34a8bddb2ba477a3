"""Admin wiring of change notes: the impact notice above a shared record's edit form and
the Call Center's dashboard panel of recent changes."""

from django.template.loader import render_to_string
from wagtail import hooks
from wagtail.admin import messages

from procedures.changes.panels import RecentChangesPanel
from procedures.changes.records import (
    PUBLIC_RECORD_FIELDS,
    RECORD_MODELS,
    procedures_using,
    public_procedures_showing,
)
from procedures.homes import works_in_call_center

#: Procedures named in the notice; the rest are counted.
NOTICE_LIMIT = 20


def impact_notice(record):
    """The notice's HTML: how many procedures use ``record``, which, and how many of them
    residents see (those get a change note when a public field of it changes)."""
    procedures = list(procedures_using(record).only("pk", "title", "code"))
    public_ids = set(public_procedures_showing(record).values_list("pk", flat=True))
    model = type(record)
    fields = ", ".join(
        str(model._meta.get_field(name).verbose_name).lower()
        for name in PUBLIC_RECORD_FIELDS[model]
    )
    return render_to_string(
        "changes/admin/impact_notice.html",
        {
            "procedures": procedures,
            "shown": procedures[:NOTICE_LIMIT],
            "more": max(0, len(procedures) - NOTICE_LIMIT),
            "public_ids": public_ids,
            "public_count": len(public_ids),
            "fields": fields,
        },
    )


@hooks.register("before_edit_snippet")
def show_impact_of_editing(request, instance):
    """Above the edit form of an office, person, department, unit or vocabulary entry:
    the procedures that use it, before anything is saved."""
    if not isinstance(instance, RECORD_MODELS) or request.method != "GET":
        return
    messages.info(request, impact_notice(instance), extra_tags="impact-notice")


@hooks.register("construct_homepage_panels")
def add_recent_changes_panel(request, panels):
    """Call Center agents and heads: what changed in the procedures this week."""
    if works_in_call_center(request.user):
        panels.append(RecentChangesPanel())
