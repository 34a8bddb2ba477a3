"""Demo answers to "Czy ta informacja była pomocna?", for the report "Opinie o
procedurach" (procedures.feedback).

A procedure that already has answers is left as it is, so running again adds nothing;
procedures missing from the database are skipped.
"""

from datetime import timedelta

from django.utils import timezone

from procedures.feedback.models import HelpfulnessVote
from procedures.models import ProcedurePage

#: code: ("Tak", "Nie") given over the last weeks.
VOTES = {
    "KA-01147": (18, 2),
    "KA-01305": (9, 4),
    "KA-01137": (3, 6),
    "KA-01180": (5, 1),
}


def seed_helpfulness_votes(stdout):
    """Add the demo answers of procedures that have none; writes one tally line."""
    now = timezone.now()
    created = present = 0
    for code, (helpful, not_helpful) in VOTES.items():
        procedure = ProcedurePage.objects.filter(code=code).first()
        if procedure is None:
            continue
        if HelpfulnessVote.objects.filter(procedure=procedure).exists():
            present += 1
            continue
        answers = [True] * helpful + [False] * not_helpful
        HelpfulnessVote.objects.bulk_create(
            HelpfulnessVote(
                procedure=procedure, helpful=answer, created_at=now - timedelta(hours=7 * i)
            )
            for i, answer in enumerate(answers)
        )
        created += 1
    stdout.write(
        f"  {'helpfulness answers (procedures)':<34} {created:>4} created {present:>4} present"
    )
    return created
