"""The review cycle of a procedure: "Następny przegląd" and "Opis jest aktualny".

- Publishing a procedure sets its next review ``PROCEDURE_REVIEW_MONTHS`` after that
  publication (after commit, :mod:`.signals`).
- An editor of the procedure's department (or the Procedures Office) confirms the
  description is still true without changing it: who and when are recorded, the date moves
  forward by the same period, and the procedure's history shows it.
- The Procedures Office may set the date by hand.

A procedure whose review is overdue stays public; only staff see it (dashboards, the
report, digests).
"""

import calendar
import datetime
import threading

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import WorkflowState, get_default_page_content_type

from procedures.models import Department, ProcedurePage, UpdateRequest
from procedures.models.permissions import edits_any_department
from procedures.review import RequestedChangesPanel
from procedures.reviews.models import ProcedureReview

#: Audit log actions of the review cycle, shown in the procedure's history.
CONFIRMED = "lckzm.review_confirmed"
DATE_SET = "lckzm.review_date_set"

OPEN_REQUEST_STATUSES = (UpdateRequest.Status.NEW, UpdateRequest.Status.IN_PROGRESS)


def review_months():
    """How many months after a publication or confirmation the next review falls."""
    return settings.PROCEDURE_REVIEW_MONTHS


def due_days():
    """A review is "due" this many days before its date (and overdue after it)."""
    return settings.PROCEDURE_REVIEW_DUE_DAYS


def expiry_days():
    """ "Obowiązuje do" this many days ahead or fewer counts as expiring soon."""
    return settings.PROCEDURE_EXPIRY_WARNING_DAYS


def add_months(day, months):
    """``day`` moved by ``months`` calendar months; the 31st becomes the month's last day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def next_review_after(moment):
    """The next review date for a publication or confirmation at ``moment``."""
    return add_months(timezone.localdate(moment), review_months())


def schedule_after_publication(page_id, published_at=None):
    """Set the next review of the procedure ``page_id`` from its publication."""
    next_on = next_review_after(published_at or timezone.now())
    ProcedureReview.objects.update_or_create(page_id=page_id, defaults={"next_review_on": next_on})
    return next_on


#: Publications of the current transaction whose review dates wait for its commit.
_waiting = threading.local()


def schedule_after_commit(page_id, published_at=None):
    """Set the next review of ``page_id`` from its publication once the current transaction
    commits: all the transaction's publications in one statement (a batch import publishes
    a hundred procedures in one)."""
    connection = transaction.get_connection()
    pending = _waiting.__dict__.setdefault("pages", {})
    registered = connection.in_atomic_block and any(
        func is _store_waiting for _sids, func, _robust in connection.run_on_commit
    )
    if not registered:
        pending.clear()  # what a rolled-back transaction left behind
    pending[page_id] = published_at or timezone.now()
    if not registered:
        transaction.on_commit(_store_waiting, robust=True)


def _store_waiting():
    pending = _waiting.__dict__.pop("pages", {})
    # Only pages that are there and live: a rolled-back savepoint may have taken some away.
    live = ProcedurePage.objects.filter(pk__in=pending, live=True).values_list("pk", flat=True)
    ProcedureReview.objects.bulk_create(
        [ProcedureReview(page_id=pk, next_review_on=next_review_after(pending[pk])) for pk in live],
        update_conflicts=True,
        unique_fields=["page"],
        update_fields=["next_review_on"],
    )


def ensure_review_dates():
    """Give every published procedure without a review date one from its last publication
    (procedures published before this app, or by a path that sent no signal); how many."""
    missing = ProcedurePage.objects.filter(live=True, review_cycle__isnull=True).values_list(
        "pk", "last_published_at", "first_published_at"
    )
    rows = [
        ProcedureReview(
            page_id=pk, next_review_on=next_review_after(last or first or timezone.now())
        )
        for pk, last, first in missing
    ]
    ProcedureReview.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


def review_of(page):
    """The procedure's review record, or ``None`` before its first publication."""
    return ProcedureReview.objects.filter(page_id=page.pk).select_related("confirmed_by").first()


def may_confirm(user, page):
    """Whether ``user`` may confirm "Opis jest aktualny": a published procedure they may
    edit (an editor of its department, the Procedures Office)."""
    return bool(page.live) and page.permissions_for_user(user).can_edit()


def may_set_date(user, page):
    """Whether ``user`` may set "Następny przegląd" by hand: the Procedures Office (whoever
    may publish the procedure)."""
    return page.permissions_for_user(user).can_publish()


def confirm_current(page, user, now=None):
    """Record that ``user`` confirmed the description of ``page`` is current: the next
    review moves ``PROCEDURE_REVIEW_MONTHS`` ahead, and the history says who and when."""
    now = now or timezone.now()
    next_on = next_review_after(now)
    with transaction.atomic():
        ProcedureReview.objects.update_or_create(
            page_id=page.pk,
            defaults={"next_review_on": next_on, "confirmed_at": now, "confirmed_by": user},
        )
        log(
            instance=page,
            action=CONFIRMED,
            user=user,
            data={"next_review_on": next_on.isoformat()},
            timestamp=now,
        )
    return next_on


def set_review_date(page, user, next_on):
    """The Procedures Office sets the next review of ``page`` to ``next_on``; logged."""
    with transaction.atomic():
        ProcedureReview.objects.update_or_create(
            page_id=page.pk, defaults={"next_review_on": next_on}
        )
        log(instance=page, action=DATE_SET, user=user, data={"next_review_on": next_on.isoformat()})


# --- What is due -------------------------------------------------------------------------


def departments_of(user):
    """The departments whose procedures ``user`` looks after; ``None`` for all of them (the
    Procedures Office)."""
    if edits_any_department(user):
        return None
    return Department.objects.filter(editors=user)


def procedures_of(departments=None):
    """Procedures of ``departments`` (all when ``None``), with their review date
    (``next_review_on``) and department."""
    procedures = ProcedurePage.objects.annotate(next_review_on=F("review_cycle__next_review_on"))
    if departments is not None:
        procedures = procedures.filter(department__in=departments)
    return procedures.select_related("department", "department__unit")


def due_for_review(departments=None, today=None):
    """Published procedures whose review is overdue or falls within
    ``PROCEDURE_REVIEW_DUE_DAYS``, the most overdue first."""
    today = today or timezone.localdate()
    return (
        procedures_of(departments)
        .filter(live=True, next_review_on__lte=today + datetime.timedelta(days=due_days()))
        .order_by("next_review_on", "code")
    )


def overdue_reviews(departments=None, today=None):
    """Published procedures whose review date has passed."""
    today = today or timezone.localdate()
    return due_for_review(departments, today).filter(next_review_on__lt=today)


def expiring_soon(departments=None, now=None):
    """Published procedures whose "Obowiązuje do" falls within
    ``PROCEDURE_EXPIRY_WARNING_DAYS``, the soonest first."""
    now = now or timezone.now()
    return (
        procedures_of(departments)
        .filter(
            live=True,
            expire_at__gt=now,
            expire_at__lte=now + datetime.timedelta(days=expiry_days()),
        )
        .order_by("expire_at", "code")
    )


def open_requests(departments=None):
    """Update requests not yet done or rejected, the oldest first; for ``departments``
    only those of their procedures."""
    requests = UpdateRequest.objects.filter(status__in=OPEN_REQUEST_STATUSES)
    if departments is not None:
        requests = requests.filter(procedure__department__in=departments)
    return requests.select_related("procedure").order_by("created_at", "pk")


def open_resident_reports():
    """Residents' reports ("zgłoszenie mieszkańca") not yet handled, the oldest first."""
    return open_requests().filter(source=UpdateRequest.Source.RESIDENT)


def review_state(next_review_on, today=None):
    """ "zaległy", "wkrótce" or "" for a review date, as staff lists show it."""
    if next_review_on is None:
        return ""
    today = today or timezone.localdate()
    if next_review_on < today:
        return "zaległy"
    if next_review_on <= today + datetime.timedelta(days=due_days()):
        return "wkrótce"
    return ""


def age_in_days(moment, now=None):
    """Whole days since ``moment``."""
    return max(0, ((now or timezone.now()) - moment).days)


def awaiting_approval(now=None):
    """``(procedure, workflow state, age in days)`` for each procedure whose changes wait
    for the Procedures Office's approval, the longest waiting first."""
    states = (
        WorkflowState.objects.filter(
            base_content_type=get_default_page_content_type(),
            status=WorkflowState.STATUS_IN_PROGRESS,
        )
        .select_related("current_task_state")
        .order_by("created_at")
    )
    pages = procedures_of().in_bulk([int(state.object_id) for state in states])
    return [
        (page, state, age_in_days(state.created_at, now))
        for state in states
        if (page := pages.get(int(state.object_id))) is not None
    ]


def returned_for_changes(user):
    """``(procedure, task state)`` the moderation returned to ``user`` ("Prośba o zmiany"):
    procedures of their departments, or submitted by them."""
    return RequestedChangesPanel(user).items()
