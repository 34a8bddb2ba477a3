"""Dashboard panels of the review cycle on the Wagtail admin home.

- A department editor sees "Przeglądy i terminy Twoich procedur": procedures of their own
  departments due or overdue for review, expiring within 30 days, returned by the
  moderation ("Prośba o zmiany"), and open update requests for them.
- The Procedures Office sees "Oddział ds. Procedur – do zrobienia": changes awaiting
  approval with their age, overdue reviews by department, procedures expiring within 30
  days, open update requests by age and residents' reports.

Each list shows at most :data:`PANEL_LIMIT` rows and its full count; the report
"Przeglądy procedur" lists everything.
"""

from itertools import groupby

from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component

from procedures.models import Department
from procedures.models.permissions import edits_any_department
from procedures.reviews import cycle

#: How many rows each list of a panel shows.
PANEL_LIMIT = 10


def _section(items, limit=PANEL_LIMIT):
    items = list(items)
    return {"items": items[:limit], "count": len(items)}


def _report(**filters):
    query = "&".join(f"{key}={value}" for key, value in filters.items())
    return reverse("reviews:report") + (f"?{query}" if query else "")


class EditorReviewPanel(Component):
    """ "Przeglądy i terminy Twoich procedur" for a department editor: only procedures of the
    departments they are an editor of."""

    name = "editor_reviews"
    template_name = "reviews/home/editor_panel.html"
    order = 140

    def __init__(self, user, now=None):
        self.user = user
        self.now = now or timezone.now()

    def get_context_data(self, parent_context=None):
        departments = Department.objects.filter(editors=self.user)
        today = timezone.localdate(self.now)
        own = set(departments.values_list("pk", flat=True))
        returned = [
            {"page": page, "task_state": state}
            for page, state in cycle.returned_for_changes(self.user)
            if page.department_id in own
        ]
        return {
            "today": today,
            "due": _section(cycle.due_for_review(departments, today)),
            "expiring": _section(cycle.expiring_soon(departments, self.now)),
            "returned": _section(returned),
            "requests": _section(cycle.open_requests(departments)),
            "report_url": _report(),
        }


class OfficeReviewPanel(Component):
    """ "Oddział ds. Procedur – do zrobienia": what waits for the Procedures Office."""

    name = "office_reviews"
    template_name = "reviews/home/office_panel.html"
    order = 140

    def __init__(self, now=None):
        self.now = now or timezone.now()

    def get_context_data(self, parent_context=None):
        today = timezone.localdate(self.now)
        overdue = cycle.overdue_reviews(None, today).order_by(
            "department__name", "next_review_on", "code"
        )
        by_department = [
            {"department": department, "pages": list(pages)}
            for department, pages in groupby(overdue, key=lambda page: page.department)
        ]
        return {
            "today": today,
            "awaiting": _section(cycle.awaiting_approval(self.now)),
            "overdue_by_department": by_department,
            "overdue_count": sum(len(group["pages"]) for group in by_department),
            "expiring": _section(cycle.expiring_soon(None, self.now)),
            "requests": _section(
                (request, cycle.age_in_days(request.created_at, self.now))
                for request in cycle.open_requests()
            ),
            "reports": _section(
                (request, cycle.age_in_days(request.created_at, self.now))
                for request in cycle.open_resident_reports()
            ),
            "report_url": _report(),
        }


def is_department_editor(user):
    """A department editor: writes for some department, not for all of them."""
    return (
        user.is_active
        and not edits_any_department(user)
        and Department.objects.filter(editors=user).exists()
    )


def construct_homepage_panels(request, panels):
    """The editor's or the Procedures Office's review panel (``construct_homepage_panels``)."""
    user = request.user
    if edits_any_department(user):
        panels.append(OfficeReviewPanel())
    elif is_department_editor(user):
        panels.append(EditorReviewPanel(user))
