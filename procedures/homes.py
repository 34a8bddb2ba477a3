"""Where each role starts: the page after login, and what its admin dashboard offers.

- Call Center agents and their heads land on the Call Center view (``/call-center/``)
  after logging in; everyone else on the admin dashboard. A ``next`` address other than
  the dashboard itself still wins.
- Whoever may read the Call Center view finds its search box on the dashboard and a
  "Call Center" item in the admin menu (both from ``procedures.callcenter``).
- Whoever may add procedures finds "Dodaj procedurę" on the dashboard, with the
  procedures they wrote or their departments own, newest first, and where each stands
  (:class:`AddProcedurePanel`).
"""

from django.db.models import Q
from django.urls import reverse
from wagtail.admin.ui.components import Component
from wagtail.models import Revision

from procedures import roles
from procedures.models import ProcedureIndexPage, ProcedurePage
from procedures.models.permissions import edits_any_department
from procedures.reading import can_read_restricted

#: Groups whose members start their day in the Call Center view.
CALL_CENTER_GROUPS = (roles.CALL_CENTER, roles.CALL_CENTER_HEADS)
#: How many procedures the editor's dashboard panel lists.
RECENT_PROCEDURES_LIMIT = 8


def works_in_call_center(user):
    """Whether ``user`` is a Call Center agent or head (their home is the Call Center)."""
    return (
        user.is_authenticated
        and can_read_restricted(user)
        and user.groups.filter(name__in=CALL_CENTER_GROUPS).exists()
    )


def home_url_for(user):
    """The address ``user`` starts from after logging in: the Call Center search for
    agents and heads of the Call Center, the admin dashboard for everyone else."""
    if works_in_call_center(user):
        return reverse("callcenter:search")
    return reverse("wagtailadmin_home")


def procedure_index():
    """The "Procedury" page every procedure lives under, or ``None`` before there is one."""
    return ProcedureIndexPage.objects.order_by("path").first()


def add_procedure_url(user):
    """The "new procedure" form under the procedures index page, or ``None`` when
    ``user`` may not add procedures (or there is no index page yet)."""
    index = procedure_index()
    if index is None or not index.permissions_for_user(user).can_add_subpage():
        return None
    return reverse(
        "wagtailadmin_pages:add",
        args=[ProcedurePage._meta.app_label, ProcedurePage._meta.model_name, index.pk],
    )


def recent_procedures_of(user, limit=RECENT_PROCEDURES_LIMIT):
    """The procedures ``user`` created or saved a version of, and for a department editor
    those of their departments too: the latest changed first, at most ``limit``."""
    revised = Revision.page_revisions.filter(user=user).values_list("object_id", flat=True)
    mine = Q(owner=user) | Q(pk__in=[int(pk) for pk in revised.distinct()])
    if not edits_any_department(user):
        mine |= Q(department__editors=user)
    return list(
        ProcedurePage.objects.filter(mine)
        .distinct()
        .select_related("department")
        .only(
            "title",
            "code",
            "live",
            "expired",
            "has_unpublished_changes",
            "latest_revision_created_at",
            "department__name",
        )
        .order_by("-latest_revision_created_at", "title")[:limit]
    )


class AddProcedurePanel(Component):
    """Dashboard panel "Twoje procedury": the "Dodaj procedurę" button and the user's
    recent procedures with their code, department, status and last change."""

    name = "add_procedure"
    template_name = "procedures/admin/home/add_procedure_panel.html"
    order = 45

    def __init__(self, add_url, procedures):
        self.add_url = add_url
        self.procedures = procedures

    def get_context_data(self, parent_context):
        index = procedure_index()
        return {
            "add_url": self.add_url,
            "procedures": self.procedures,
            "listing_url": reverse("wagtailadmin_explore", args=[index.pk]) if index else None,
        }


def construct_homepage_panels(request, panels):
    """Add the editors' panel to the admin dashboard (the ``construct_homepage_panels`` hook)."""
    user = request.user
    add_url = add_procedure_url(user)
    if add_url is not None:
        panels.append(AddProcedurePanel(add_url, recent_procedures_of(user)))


__all__ = [
    "AddProcedurePanel",
    "add_procedure_url",
    "construct_homepage_panels",
    "home_url_for",
    "procedure_index",
    "recent_procedures_of",
    "works_in_call_center",
]
