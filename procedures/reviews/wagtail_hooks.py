"""Admin wiring of the review cycle: URLs, the buttons on a procedure, the history's
labels, the dashboard panels, the report in "Raporty" and the scheduler's round."""

from urllib.parse import urlencode

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets.button import Button

from procedures.models import ProcedurePage
from procedures.reviews import cycle, digests, panels, urls, views
from procedures.workflow.scheduling import ROUND_HOOK


@hooks.register("register_admin_urls")
def register_review_urls():
    return [path("przeglady/", include(urls, namespace="reviews"))]


@hooks.register("register_log_actions")
def register_review_log_actions(actions):
    actions.register_action(
        cycle.CONFIRMED,
        "Potwierdzenie aktualności opisu",
        "Potwierdzono, że opis jest aktualny (bez zmian treści)",
    )
    actions.register_action(
        cycle.DATE_SET, "Zmiana terminu przeglądu", "Zmieniono termin następnego przeglądu"
    )


def _review_buttons(page, user, next_url, priority):
    if not issubclass(page.specific_class or type(page), ProcedurePage):
        return
    if not isinstance(page, ProcedurePage):
        page = page.specific_deferred  # its permissions are narrowed by department
    query = "?" + urlencode({"next": next_url}) if next_url else ""
    if cycle.may_confirm(user, page):
        yield Button(
            "Opis jest aktualny",
            url=reverse("reviews:confirm", args=[page.pk]) + query,
            icon_name="check",
            priority=priority,
        )
    if cycle.may_set_date(user, page):
        yield Button(
            "Następny przegląd",
            url=reverse("reviews:set_date", args=[page.pk]) + query,
            icon_name="date",
            priority=priority + 1,
        )


@hooks.register("register_page_header_buttons")
def review_header_buttons(page, user, view_name, next_url=None):
    """ "Opis jest aktualny" and "Następny przegląd" in a procedure's header menu."""
    yield from _review_buttons(page, user, next_url, priority=20)


@hooks.register("register_page_listing_more_buttons")
def review_listing_buttons(page, user, next_url=None):
    """The same two items in a procedure's "…" menu in the page explorer."""
    yield from _review_buttons(page, user, next_url, priority=20)


hooks.register("construct_homepage_panels", panels.construct_homepage_panels)
hooks.register("before_edit_page", views.flag_due_review)


class ReviewReportMenuItem(MenuItem):
    def is_shown(self, request):
        return views.may_see_report(request.user)


@hooks.register("register_reports_menu_item")
def register_review_report_menu_item():
    return ReviewReportMenuItem(
        "Przeglądy procedur",
        reverse("reviews:report"),
        name="procedure-reviews",
        icon_name="time",
        order=150,
    )


hooks.register(ROUND_HOOK, digests.scheduler_round)
