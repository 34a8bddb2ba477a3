"""E-mail digests and alerts of the review cycle, in Polish, each item linked into the admin.

- Weekly, to each department editor: their departments' procedures due for review,
  expiring within 30 days, and open update requests (:func:`send_weekly_digests`).
- Daily, to the Procedures Office (moderators and heads): changes awaiting approval,
  overdue reviews by department, expiring procedures, open requests by age and residents'
  reports (:func:`send_daily_digests`).
- At once, to the Procedures Office: each new update request or resident's report
  (:func:`alert_office`, after the request is committed).

The scheduler (``manage.py run_scheduler``) runs :func:`scheduler_round` every round via the
``lckzm_scheduler_round`` hook. Each mail is recorded in :class:`SentNotice` under its
recipient and period or event before it goes out, so none is sent twice, and the record is
given back when sending failed, so the next round tries again. A digest with nothing to say
is not sent.

Mails name procedures by code, title, department and dates only, and requests by subject:
no restricted ("*") field is ever read here, so department editors never get one.
"""

import datetime
import logging
from itertools import groupby

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from procedures import roles
from procedures.links import absolute_url
from procedures.models import Department, UpdateRequest
from procedures.reviews import cycle
from procedures.reviews.models import SentNotice

logger = logging.getLogger(__name__)

#: Groups of the Procedures Office, who get the daily digest and the alerts.
OFFICE_GROUPS = (roles.MODERATORS, roles.PROCEDURES_OFFICE_HEADS)
#: A request dated further back than this (a backdated import, the demo's) is no news: the
#: daily digest lists it, no alert goes out.
ALERT_WINDOW = datetime.timedelta(hours=12)
#: The recipient of a pass's own record: the whole period's digests have gone out.
PASS_DONE = ""


# --- Links -------------------------------------------------------------------------------


def edit_url(page):
    return absolute_url(reverse("wagtailadmin_pages:edit", args=[page.pk]))


def request_url(request, view="edit"):
    """The request in the admin: ``edit`` for the Office, who handle requests; ``inspect``
    for department editors, who may only read them."""
    return absolute_url(
        reverse(f"wagtailsnippets_procedures_updaterequest:{view}", args=[request.pk])
    )


def report_url():
    return absolute_url(reverse("reviews:report"))


# --- Recipients --------------------------------------------------------------------------


def _with_address(users):
    return users.filter(is_active=True).exclude(email="").order_by("email").distinct()


def office_recipients():
    """Active members of the Procedures Office with an e-mail address."""
    return _with_address(get_user_model().objects.filter(groups__name__in=OFFICE_GROUPS))


def department_editors():
    """Active editors of at least one department ("Redaktorzy komórki") with an address."""
    return _with_address(get_user_model().objects.filter(edited_departments__isnull=False))


# --- Contents ----------------------------------------------------------------------------


def _procedure_item(page, today, now):
    return {
        "code": page.code,
        "title": page.title,
        "department": page.department.name if page.department_id else "",
        "next_review_on": page.next_review_on,
        "state": cycle.review_state(page.next_review_on, today),
        "expire_at": timezone.localtime(page.expire_at) if page.expire_at else None,
        "url": edit_url(page),
    }


def _request_item(request, now, view="edit"):
    return {
        "subject": request.subject,
        "procedure": request.procedure.code if request.procedure_id else "do przypisania",
        "source": request.get_source_display(),
        "age": cycle.age_in_days(request.created_at, now),
        "url": request_url(request, view),
    }


def editor_digest(user, now=None):
    """What one department editor's weekly digest lists, or ``None`` when nothing."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    departments = Department.objects.filter(editors=user)
    context = {
        "due": [_procedure_item(p, today, now) for p in cycle.due_for_review(departments, today)],
        "expiring": [_procedure_item(p, today, now) for p in cycle.expiring_soon(departments, now)],
        "requests": [_request_item(r, now, "inspect") for r in cycle.open_requests(departments)],
    }
    if not any(context.values()):
        return None
    return context


def office_digest(now=None):
    """What the Procedures Office's daily digest lists, or ``None`` when nothing."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    overdue = [_procedure_item(p, today, now) for p in cycle.overdue_reviews(None, today)]
    overdue.sort(key=lambda item: (item["department"], item["next_review_on"]))
    context = {
        "awaiting": [
            {**_procedure_item(page, today, now), "age": age}
            for page, _state, age in cycle.awaiting_approval(now)
        ],
        "overdue_by_department": [
            (department, list(items))
            for department, items in groupby(overdue, key=lambda item: item["department"])
        ],
        "expiring": [_procedure_item(p, today, now) for p in cycle.expiring_soon(None, now)],
        "requests": [_request_item(r, now) for r in cycle.open_requests()],
        "reports": [_request_item(r, now) for r in cycle.open_resident_reports()],
    }
    if not any(context.values()):
        return None
    return context


# --- Sending once ------------------------------------------------------------------------


def _claim(kind, recipient, key):
    """Record the notice before it goes out; False when it already went."""
    try:
        with transaction.atomic():
            SentNotice.objects.create(kind=kind, recipient=recipient, key=key)
    except IntegrityError:
        return False
    return True


def send_once(kind, recipient, key, subject, body):
    """Send one plain-text mail unless the same ``kind``/``recipient``/``key`` already went;
    whether it was sent now. A failed send gives its record back (the next round retries)."""
    if not _claim(kind, recipient, key):
        return False
    try:
        EmailMessage(subject, body, to=[recipient]).send()
    except Exception:
        SentNotice.objects.filter(kind=kind, recipient=recipient, key=key).delete()
        raise
    return True


def _pass_done(kind, key):
    return SentNotice.objects.filter(kind=kind, recipient=PASS_DONE, key=key).exists()


def _digest_pass(kind, key, recipients, contents, subject, template, now):
    """One period's digests: each recipient with something to read gets one mail; when all
    went out the period is marked done (later rounds cost one query). How many were sent."""
    if _pass_done(kind, key):
        return 0
    sent, failed = 0, False
    already = set(SentNotice.objects.filter(kind=kind, key=key).values_list("recipient", flat=True))
    for user in recipients:
        if user.email in already:
            continue
        context = contents(user)
        if context is None:
            continue
        body = render_to_string(
            template, {**context, "user": user, "report_url": report_url(), "now": now}
        )
        try:
            sent += send_once(kind, user.email, key, subject, body)
        except Exception:
            failed = True
            logger.exception("Review digest to %s not sent; the next round retries", user.email)
    if not failed:
        _claim(kind, PASS_DONE, key)
    return sent


def _due_now(now, weekday=None):
    local = timezone.localtime(now)
    if weekday is not None and local.weekday() < weekday:
        return False
    return local.hour >= settings.REVIEW_DIGEST_HOUR


def send_weekly_digests(now=None):
    """The week's digest to each department editor, from ``REVIEW_WEEKLY_DIGEST_WEEKDAY``
    (0 = Monday) at ``REVIEW_DIGEST_HOUR``; how many were sent."""
    now = now or timezone.now()
    if not _due_now(now, settings.REVIEW_WEEKLY_DIGEST_WEEKDAY):
        return 0
    year, week, _ = timezone.localdate(now).isocalendar()
    return _digest_pass(
        SentNotice.Kind.WEEKLY,
        f"{year}-W{week:02d}",
        department_editors(),
        lambda user: editor_digest(user, now),
        "Procedury Twojej komórki: przeglądy, terminy i wnioski",
        "reviews/mail/weekly_digest.txt",
        now,
    )


def send_daily_digests(now=None):
    """The day's digest to each member of the Procedures Office, from
    ``REVIEW_DIGEST_HOUR``; how many were sent."""
    now = now or timezone.now()
    if not _due_now(now):
        return 0
    contents = office_digest(now)
    return _digest_pass(
        SentNotice.Kind.DAILY,
        timezone.localdate(now).isoformat(),
        office_recipients(),
        lambda user: contents,
        "Oddział ds. Procedur: podsumowanie dnia",
        "reviews/mail/daily_digest.txt",
        now,
    )


def alert_office(request_id):
    """Tell the Procedures Office at once of the new update request ``request_id`` (a
    resident's report says so in its subject); how many were sent. Never raises."""
    request = UpdateRequest.objects.select_related("procedure").filter(pk=request_id).first()
    if request is None or request.created_at < timezone.now() - ALERT_WINDOW:
        return 0
    resident = request.source == UpdateRequest.Source.RESIDENT
    subject = (
        f"Nowe zgłoszenie mieszkańca: {request.subject}"
        if resident
        else f"Nowy wniosek o aktualizację: {request.subject}"
    )
    body = render_to_string(
        "reviews/mail/request_alert.txt",
        {"request": request, "resident": resident, "url": request_url(request)},
    )
    sent = 0
    for user in office_recipients():
        try:
            sent += send_once(
                SentNotice.Kind.REQUEST, user.email, f"request:{request.pk}", subject, body
            )
        except Exception:
            logger.exception("Alert of request %s to %s not sent", request.pk, user.email)
    return sent


def scheduler_round(now=None):
    """The scheduler's round of this app: review dates for procedures without one, then
    the digests that are due."""
    cycle.ensure_review_dates()
    send_daily_digests(now)
    send_weekly_digests(now)


__all__ = [
    "alert_office",
    "editor_digest",
    "office_digest",
    "scheduler_round",
    "send_daily_digests",
    "send_once",
    "send_weekly_digests",
]
