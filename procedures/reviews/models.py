"""What the review cycle stores beside a procedure: its next review date and who last
confirmed it, and which digests and alerts went out (so none goes out twice).

Staff-only records: nothing here is read by the portal, the API, the feeds or search.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone


class ProcedureReview(models.Model):
    """ "Następny przegląd" of one procedure, and the last "Opis jest aktualny" confirmation.

    Kept outside the page so that confirming or moving the date needs no new revision and
    no moderation round trip."""

    page = models.OneToOneField(
        "procedures.ProcedurePage",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="review_cycle",
        verbose_name="Procedura",
    )
    next_review_on = models.DateField("Następny przegląd")
    confirmed_at = models.DateTimeField("Ostatnie potwierdzenie aktualności", null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="Potwierdził(a)",
    )

    class Meta:
        verbose_name = "przegląd procedury"
        verbose_name_plural = "przeglądy procedur"
        indexes = [models.Index(fields=["next_review_on"], name="reviews_next_review_on")]

    def __str__(self):
        return f"{self.page_id}: {self.next_review_on:%Y-%m-%d}"


class SentNotice(models.Model):
    """One digest or alert that went out: to whom, of which kind, for which period or event.

    The unique key is what keeps a digest from being sent twice: a round claims the row
    before sending and gives it back only when sending failed."""

    class Kind(models.TextChoices):
        WEEKLY = "weekly", "tygodniowe podsumowanie komórki"
        DAILY = "daily", "dzienne podsumowanie Oddziału"
        REQUEST = "request", "powiadomienie o wniosku"

    kind = models.CharField("Rodzaj", max_length=10, choices=Kind.choices)
    recipient = models.EmailField("Adresat")
    key = models.CharField(
        "Okres lub zdarzenie", max_length=64, help_text="Tydzień (2026-W49), dzień lub wniosek."
    )
    sent_at = models.DateTimeField("Wysłano", default=timezone.now)

    class Meta:
        verbose_name = "wysłane powiadomienie"
        verbose_name_plural = "wysłane powiadomienia"
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "recipient", "key"], name="reviews_notice_sent_once"
            )
        ]

    def __str__(self):
        return f"{self.kind} {self.key} → {self.recipient}"
