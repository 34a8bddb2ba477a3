"""Admin views of the review cycle: "Opis jest aktualny", setting "Następny przegląd", and
the report "Przeglądy procedur" (filters, CSV/XLSX export)."""

import datetime

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.utils import get_user_display_name, get_valid_next_url_from_request
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets import AdminDateInput
from wagtail.models import TaskState, WorkflowState

from procedures.models import Department, ProcedurePage
from procedures.models.permissions import edits_any_department
from procedures.reviews import cycle
from procedures.reviews.panels import is_department_editor


def _procedure_for(user, page_id, allowed):
    page = get_object_or_404(ProcedurePage, pk=page_id)
    if not allowed(user, page):
        raise PermissionDenied
    return page


def _back(request, page):
    return redirect(get_valid_next_url_from_request(request) or _edit_url(page))


def _edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def confirm_current(request, page_id):
    """ "Opis jest aktualny": GET asks to confirm, POST records it and returns to the editor."""
    page = _procedure_for(request.user, page_id, cycle.may_confirm)
    if request.method == "POST":
        next_on = cycle.confirm_current(page, request.user)
        messages.success(
            request,
            f"Potwierdzono, że opis procedury „{page.title}” jest aktualny. Następny przegląd: "
            f"{next_on:%d.%m.%Y}.",
        )
        return _back(request, page)
    review = cycle.review_of(page)
    return TemplateResponse(
        request,
        "reviews/admin/confirm.html",
        {
            "page": page,
            "review": review,
            "state": cycle.review_state(review.next_review_on) if review else "",
            "next_on": cycle.next_review_after(timezone.now()),
            "next": get_valid_next_url_from_request(request),
        },
    )


class ReviewDateForm(forms.Form):
    next_review_on = forms.DateField(
        label="Następny przegląd",
        widget=AdminDateInput,
        help_text="Dzień, do którego redaktorzy komórki powinni sprawdzić opis procedury.",
        error_messages={
            "required": "Podaj datę w polu „Następny przegląd”.",
            "invalid": "Pole „Następny przegląd”: podaj datę w postaci RRRR-MM-DD.",
        },
    )

    def clean_next_review_on(self):
        value = self.cleaned_data["next_review_on"]
        if value < timezone.localdate():
            raise forms.ValidationError(
                "Pole „Następny przegląd”: data nie może być w przeszłości."
            )
        return value


def set_review_date(request, page_id):
    """The Procedures Office sets "Następny przegląd" of a procedure by hand."""
    page = _procedure_for(request.user, page_id, cycle.may_set_date)
    review = cycle.review_of(page)
    form = ReviewDateForm(
        request.POST or None,
        initial={"next_review_on": review.next_review_on if review else None},
    )
    if request.method == "POST" and form.is_valid():
        next_on = form.cleaned_data["next_review_on"]
        cycle.set_review_date(page, request.user, next_on)
        messages.success(
            request, f"Następny przegląd procedury „{page.title}”: {next_on:%d.%m.%Y}."
        )
        return _back(request, page)
    return TemplateResponse(
        request,
        "reviews/admin/set_date.html",
        {
            "page": page,
            "review": review,
            "form": form,
            "next": get_valid_next_url_from_request(request),
        },
    )


# --- The report --------------------------------------------------------------------------

STATE_CHOICES = [
    ("due", "przegląd zaległy lub wkrótce"),
    ("overdue", "przegląd zaległy"),
    ("expiring", "przestaje obowiązywać w ciągu 30 dni"),
    ("returned", "zwrócona do poprawy"),
    ("awaiting", "czeka na akceptację"),
    ("requests", "z otwartymi wnioskami"),
]


def _workflow_page_ids(status, task_status=None):
    states = WorkflowState.objects.filter(status=status)
    if task_status:
        states = states.filter(current_task_state__status=task_status)
    return [int(pk) for pk in states.values_list("object_id", flat=True)]


def _departments_for_filter(user):
    departments = cycle.departments_of(user)
    return Department.objects.all() if departments is None else departments


class ReviewReportFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label="Stan", choices=STATE_CHOICES, method="filter_state", empty_label="wszystkie"
    )
    department = django_filters.ModelChoiceFilter(
        label="Komórka",
        queryset=lambda request: _departments_for_filter(request.user),
        empty_label="wszystkie",
    )

    class Meta:
        model = ProcedurePage
        fields = ["state", "department", "live"]

    def filter_state(self, queryset, name, value):
        today, now = timezone.localdate(), timezone.now()
        if value == "due":
            return queryset.filter(
                live=True,
                next_review_on__lte=today + datetime.timedelta(days=cycle.due_days()),
            )
        if value == "overdue":
            return queryset.filter(live=True, next_review_on__lt=today)
        if value == "expiring":
            return queryset.filter(
                live=True,
                expire_at__gt=now,
                expire_at__lte=now + datetime.timedelta(days=cycle.expiry_days()),
            )
        if value == "returned":
            return queryset.filter(
                pk__in=_workflow_page_ids(
                    WorkflowState.STATUS_NEEDS_CHANGES, TaskState.STATUS_REJECTED
                )
            )
        if value == "awaiting":
            return queryset.filter(pk__in=_workflow_page_ids(WorkflowState.STATUS_IN_PROGRESS))
        if value == "requests":
            return queryset.filter(open_requests__gt=0)
        return queryset


class ReviewReportView(ReportView):
    """ "Przeglądy procedur": every procedure the user looks after with its next review, last
    confirmation, "Obowiązuje do" and open requests; a department editor sees only their
    departments' procedures. Exported as CSV or XLSX."""

    page_title = "Przeglądy procedur"
    header_icon = "time"
    model = ProcedurePage
    filterset_class = ReviewReportFilterSet
    index_url_name = "reviews:report"
    index_results_url_name = "reviews:report_results"
    export_filename = "przeglady-procedur"
    columns = [
        TitleColumn("title", label="Procedura", url_name="wagtailadmin_pages:edit"),
        Column("code", label="Kod"),
        Column("department_name", label="Komórka"),
        Column("status_string", label="Status"),
        Column("next_review_on", label="Następny przegląd", accessor="next_review_display"),
        DateColumn("confirmed_at", label="Ostatnie potwierdzenie"),
        DateColumn("expire_at", label="Obowiązuje do"),
        Column("open_requests", label="Otwarte wnioski"),
    ]
    list_export = [
        "code",
        "title",
        "department_name",
        "status_string",
        "next_review_on",
        "review_state",
        "confirmed_at",
        "confirmed_by_name",
        "expire_at",
        "open_requests",
    ]
    export_headings = {
        "code": "Kod",
        "title": "Nazwa procedury",
        "department_name": "Komórka",
        "status_string": "Status",
        "next_review_on": "Następny przegląd",
        "review_state": "Stan przeglądu",
        "confirmed_at": "Ostatnie potwierdzenie aktualności",
        "confirmed_by_name": "Potwierdził(a)",
        "expire_at": "Obowiązuje do",
        "open_requests": "Otwarte wnioski",
    }

    def dispatch(self, request, *args, **kwargs):
        if not may_see_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @property
    def permission_policy(self):
        return None  # may_see_report decides; the queryset narrows to the user's departments

    def get_filename(self):
        return f"{self.export_filename}-{timezone.localdate():%Y-%m-%d}"

    def get_queryset(self):
        open_statuses = Q(update_requests__status__in=cycle.OPEN_REQUEST_STATUSES)
        return (
            cycle.procedures_of(cycle.departments_of(self.request.user))
            .annotate(
                confirmed_at=F("review_cycle__confirmed_at"),
                open_requests=Count("update_requests", filter=open_statuses, distinct=True),
            )
            .select_related("review_cycle__confirmed_by")
            .order_by(F("next_review_on").asc(nulls_last=True), "code")
        )

    def decorate_paginated_queryset(self, object_list):
        today = timezone.localdate()
        for page in object_list:
            page.department_name = page.department.name if page.department_id else ""
            page.review_state = cycle.review_state(page.next_review_on, today)
            page.next_review_display = _review_display(page.next_review_on, page.review_state)
            review = getattr(page, "review_cycle", None) if page.next_review_on else None
            by = review.confirmed_by if review else None
            page.confirmed_by_name = get_user_display_name(by) if by else ""
        return object_list

    def to_row_dict(self, item):
        if not hasattr(item, "review_state"):
            self.decorate_paginated_queryset([item])
        return super().to_row_dict(item)


def _review_display(next_on, state):
    if next_on is None:
        return "–"
    return f"{next_on:%d.%m.%Y}" + (f" ({state})" if state else "")


def may_see_report(user):
    """Staff who look after procedures: the Procedures Office and department editors."""
    return user.is_active and (edits_any_department(user) or is_department_editor(user))


def flag_due_review(request, page):
    """``before_edit_page``: staff opening a procedure whose review is overdue or due soon
    read so above the form, with "Opis jest aktualny" when they may confirm it."""
    if not isinstance(page, ProcedurePage) or not page.live:
        return
    if request.method != "GET" or not request.accepts("text/html"):
        return
    review = cycle.review_of(page)
    state = cycle.review_state(review.next_review_on if review else None)
    if not state:
        return
    day = f"{review.next_review_on:%d.%m.%Y}"
    text = (
        f"Przegląd tej procedury jest zaległy: był przewidziany na {day}."
        if state == "zaległy"
        else f"Zbliża się przegląd tej procedury: {day}."
    )
    buttons = []
    if cycle.may_confirm(request.user, page):
        text += (
            " Jeśli opis jest aktualny, potwierdź to; jeśli nie, popraw go i wyślij do akceptacji."
        )
        buttons.append((reverse("reviews:confirm", args=[page.pk]), "Opis jest aktualny", False))
    messages.warning(request, text, buttons=buttons, extra_tags="review-due")
