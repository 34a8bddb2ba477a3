"""Admin wiring of residents' feedback: the "Opinie o procedurach" report."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from procedures.feedback.reports import PERMISSION, FeedbackReportView


class _PermittedMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("reports/opinie/", FeedbackReportView.as_view(), name="feedback_report"),
        path(
            "reports/opinie/results/",
            FeedbackReportView.as_view(results_only=True),
            name="feedback_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return _PermittedMenuItem(
        "Opinie o procedurach", reverse("feedback_report"), name="feedback-report", icon_name="help"
    )
