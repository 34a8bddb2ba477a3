"""What residents answered to "Czy ta informacja była pomocna?"."""

from django.db import models
from django.utils import timezone


class HelpfulnessVote(models.Model):
    """One "Tak" or "Nie" given on a procedure's public page.

    Holds nothing about the person: no address, no session, no account. The report
    "Opinie o procedurach" counts the rows per procedure.
    """

    procedure = models.ForeignKey(
        "procedures.ProcedurePage",
        on_delete=models.CASCADE,
        related_name="helpfulness_votes",
        verbose_name="Procedura",
    )
    helpful = models.BooleanField("Pomocna")
    created_at = models.DateTimeField("Data", default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "ocena przydatności"
        verbose_name_plural = "oceny przydatności"

    def __str__(self):
        return f"{self.procedure}: {'tak' if self.helpful else 'nie'}"
