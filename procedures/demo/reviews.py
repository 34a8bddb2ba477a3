"""The review cycle in the demo: a few procedures overdue or due for review, a few whose
"Obowiązuje do" comes within 30 days, so the dashboards and digests have something to show.

Data, not code: each entry names a procedure by code and a number of days from today. A
review date is set only while the procedure is not yet due (a second run changes nothing);
"Obowiązuje do" is published as a new version only while the procedure has none.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from procedures.models import ProcedurePage
from procedures.reviews import cycle
from procedures.reviews.models import ProcedureReview

#: code → days from today to "Następny przegląd" (negative: overdue).
REVIEW_DATES = {
    "KA-01907": -20,  # the demo editor's department: overdue
    "KA-01098": 12,  # the demo editor's department: due soon
    "KA-01373": -45,
    "KA-01379": -5,
}
#: code → days from now to "Obowiązuje do".
EXPIRING = {
    "KA-01734": 21,  # the demo editor's department
    "KA-01555": 12,
}


def seed_review_states(stdout):
    """Review dates and near expiries of the demo; writes one tally line to ``stdout``.

    Run after the procedures' publications have committed: each publication's own review
    date is written after commit and would replace one set before it."""
    cycle.ensure_review_dates()
    moderator = get_user_model().objects.filter(username="moderator").first()
    today, now = timezone.localdate(), timezone.now()
    changed = 0
    for page in ProcedurePage.objects.filter(code__in=EXPIRING, live=True, expire_at=None):
        draft = page.get_latest_revision_as_object()
        draft.expire_at = now + timedelta(days=EXPIRING[page.code])
        draft.save_revision(user=moderator, log_action=True).publish(user=moderator)
        changed += 1
    due_by = today + timedelta(days=cycle.due_days())
    for page_id, code in ProcedurePage.objects.filter(code__in=REVIEW_DATES).values_list(
        "pk", "code"
    ):
        review = ProcedureReview.objects.filter(page_id=page_id).first()
        if review is None or review.next_review_on > due_by:
            day = today + timedelta(days=REVIEW_DATES[code])
            ProcedureReview.objects.update_or_create(
                page_id=page_id, defaults={"next_review_on": day}
            )
            changed += 1
    stdout.write(f"  {'review dates and expiries':<34} {changed:>4} set")
