"""The admin report "Opinie o procedurach": residents' votes and reports per procedure."""

import datetime

import django_filters
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from procedures.feedback.models import HelpfulnessVote
from procedures.models import ProcedurePage, UpdateRequest

#: Who reads the report: the Procedures Office (granted by migration 0002).
PERMISSION = "feedback.view_helpfulnessvote"


#: "Okres" of the report: the last so many days, or all time.
PERIODS = [
    (7, "ostatnie 7 dni"),
    (30, "ostatnie 30 dni"),
    (90, "ostatnie 90 dni"),
    (365, "ostatni rok"),
]


def procedures_with_feedback(since=None):
    """Procedures with at least one vote or resident's report (since ``since``, a moment,
    when given), each annotated with ``helpful`` ("Tak"), ``not_helpful`` ("Nie") and
    ``resident_reports``, most "Nie" first."""
    votes = Q(helpfulness_votes__created_at__gte=since) if since else Q()
    resident = Q(update_requests__source=UpdateRequest.Source.RESIDENT)
    if since:
        resident &= Q(update_requests__created_at__gte=since)
    return (
        ProcedurePage.objects.annotate(
            helpful=Count(
                "helpfulness_votes",
                filter=votes & Q(helpfulness_votes__helpful=True),
                distinct=True,
            ),
            not_helpful=Count(
                "helpfulness_votes",
                filter=votes & Q(helpfulness_votes__helpful=False),
                distinct=True,
            ),
            resident_reports=Count("update_requests", filter=resident, distinct=True),
        )
        .filter(Q(helpful__gt=0) | Q(not_helpful__gt=0) | Q(resident_reports__gt=0))
        .order_by("-not_helpful", "-resident_reports", "title")
    )


def helpful_share(procedure):
    """ "75%": the share of "Tak" among the procedure's votes; empty without votes."""
    votes = procedure.helpful + procedure.not_helpful
    return f"{round(100 * procedure.helpful / votes)}%" if votes else ""


class FeedbackReportFilterSet(WagtailFilterSet):
    """ "Okres": counts of the last 7, 30, 90 or 365 days (empty: all time). The period
    bounds what is counted, not which procedures are listed, so the view applies it."""

    okres = django_filters.ChoiceFilter(
        choices=[(str(days), label) for days, label in PERIODS],
        label="Okres",
        empty_label="cały czas",
        method="counted",
    )

    class Meta:
        model = ProcedurePage
        fields = []

    def counted(self, queryset, name, value):
        return queryset  # FeedbackReportView.get_queryset() counts within the period


class FeedbackReportView(ReportView):
    """Per procedure: how many residents answered "Tak" and "Nie" to "Czy ta informacja
    była pomocna?", the share of "Tak", and how many reported an error in the description
    (update requests from residents), over all time or a chosen "Okres". Sortable,
    exportable to CSV and XLSX."""

    page_title = "Opinie o procedurach"
    header_icon = "help"
    index_url_name = "feedback_report"
    index_results_url_name = "feedback_report_results"
    permission_policy = ModelPermissionPolicy(HelpfulnessVote)
    permission_required = "view"
    default_ordering = "-not_helpful"
    filterset_class = FeedbackReportFilterSet
    verbose_name_plural = "opinii mieszkańców"
    columns = [
        TitleColumn(
            "title",
            label="Procedura",
            get_url=lambda page: reverse("wagtailadmin_pages:edit", args=(page.pk,)),
            sort_key="title",
        ),
        Column("code", label="Kod procedury", sort_key="code"),
        Column("helpful", label="Tak (pomocna)", sort_key="helpful"),
        Column("not_helpful", label="Nie (niepomocna)", sort_key="not_helpful"),
        Column("share", label="Odsetek „Tak”", accessor=helpful_share),
        Column("resident_reports", label="Zgłoszenia błędów", sort_key="resident_reports"),
    ]
    list_export = ["title", "code", "helpful", "not_helpful", "resident_reports"]
    export_headings = {
        "title": "Procedura",
        "code": "Kod procedury",
        "helpful": "Tak (pomocna)",
        "not_helpful": "Nie (niepomocna)",
        "resident_reports": "Zgłoszenia błędów",
    }

    def get_queryset(self):
        return self.order_queryset(procedures_with_feedback(since=self.since()))

    def since(self):
        """The start of the chosen "Okres", or ``None`` for all time."""
        if not (self.filters and self.filters.is_valid()):
            return None
        days = self.filters.form.cleaned_data.get("okres")
        return timezone.now() - datetime.timedelta(days=int(days)) if days else None

    def get_filename(self):
        return f"opinie-o-procedurach-{datetime.date.today():%Y-%m-%d}"

    @property
    def no_results_message(self):
        return "Mieszkańcy nie ocenili jeszcze żadnej procedury ani nie zgłosili błędu."
