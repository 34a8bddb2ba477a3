"""The procedures' listing in the admin explorer: code, department, status, "Obowiązuje do".

The explorer lists the children of the "Procedury" page with this view
(:class:`procedures.views.editing.ProcedurePageViewSet`), so "Procedury" in the explorer
and the "Procedury" menu item show these columns and filters: department, status and a
range of "Obowiązuje do". Nothing here reads a restricted (``*``) field: department
editors see the same listing as the Procedures Office.
"""

import django_filters
from django.db.models import Q
from django.forms import CheckboxSelectMultiple
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import dateformat, timezone
from wagtail.admin import messages
from wagtail.admin.filters import DateRangePickerWidget
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.listing import ExplorableIndexView, PageFilterSet, PageListingMixin
from wagtail.models import Page, WorkflowState

from procedures.models import Department, ProcedureIndexPage, ProcedurePage

NO_END_DATE = "bezterminowo"


def valid_to_display(page):
    """ "Obowiązuje do" as the listing shows it: "31 grudnia 2026, 23:59" or "bezterminowo"."""
    if page.expire_at is None:
        return NO_END_DATE
    return dateformat.format(timezone.localtime(page.expire_at), "j E Y, H:i")


def department_display(page):
    return page.department.name if page.department_id else "–"


def _base_column(name):
    return next(column for column in PageListingMixin.base_columns if column.name == name)


#: Bulk actions, title, code, department, status, "Obowiązuje do", last change.
COLUMNS = [
    _base_column("bulk_actions"),
    _base_column("title"),
    Column("code", label="Kod", sort_key="code", width="10%"),
    Column("department", label="Komórka", accessor=department_display, sort_key="department__name"),
    _base_column("status"),
    Column("expire_at", label="Obowiązuje do", accessor=valid_to_display, sort_key="expire_at"),
    _base_column("latest_revision_created_at"),
]


class Status:
    """The statuses the listing filters by, as Wagtail's status labels name them."""

    LIVE = "live"
    LIVE_WITH_DRAFT = "live_draft"
    IN_MODERATION = "in_moderation"
    DRAFT = "draft"
    EXPIRED = "expired"

    choices = [
        (LIVE, "opublikowana"),
        (LIVE_WITH_DRAFT, "opublikowana, ze zmianami w szkicu"),
        (IN_MODERATION, "w akceptacji"),
        (DRAFT, "szkic"),
        (EXPIRED, "wygasła"),
    ]


def _in_moderation():
    states = WorkflowState.objects.filter(
        status=WorkflowState.STATUS_IN_PROGRESS,
        base_content_type__app_label=Page._meta.app_label,
        base_content_type__model=Page._meta.model_name,
    ).values_list("object_id", flat=True)
    return Q(pk__in=[int(pk) for pk in states if str(pk).isdigit()])


def status_condition(status):
    """The query for one of :class:`Status`'s values."""
    if status == Status.LIVE:
        return Q(live=True)
    if status == Status.LIVE_WITH_DRAFT:
        return Q(live=True, has_unpublished_changes=True)
    if status == Status.IN_MODERATION:
        return _in_moderation()
    if status == Status.DRAFT:
        return Q(live=False, expired=False)
    if status == Status.EXPIRED:
        return Q(expired=True)
    return Q()


class StatusFilter(django_filters.MultipleChoiceFilter):
    """Procedures in any of the chosen statuses."""

    def filter(self, qs, value):
        if not value:
            return qs
        condition = Q()
        for status in value:
            condition |= status_condition(status)
        return qs.filter(condition)


class ProcedureFilterSet(PageFilterSet):
    """Wagtail's page filters, plus department, status and a range of "Obowiązuje do"."""

    department = django_filters.ModelMultipleChoiceFilter(
        label="Komórka",
        queryset=Department.objects.select_related("unit").order_by("name"),
        widget=CheckboxSelectMultiple,
    )
    status = StatusFilter(label="Status", choices=Status.choices, widget=CheckboxSelectMultiple)
    expire_at = django_filters.DateFromToRangeFilter(
        label="Obowiązuje do", widget=DateRangePickerWidget
    )

    class Meta:
        model = ProcedurePage
        fields = []


class ProcedureExplorableIndexView(ExplorableIndexView):
    """The explorer's listing of the "Procedury" page, reading each row's department in
    the same query as the row."""

    def annotate_queryset(self, pages):
        pages = super().annotate_queryset(pages)
        return pages.select_related("department", for_specific_subqueries=True)


def procedures_listing(request):
    """ "Procedury" in the admin menu: the explorer's list of procedures."""
    index = ProcedureIndexPage.objects.order_by("path").first()
    if index is None:
        messages.warning(request, "Nie ma jeszcze strony „Procedury”.")
        return redirect("wagtailadmin_home")
    return redirect(reverse("wagtailadmin_explore", args=[index.pk]))
