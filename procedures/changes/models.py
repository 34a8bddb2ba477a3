"""Public change notes: what residents read in a procedure's "Historia zmian", in the
Atom feed of changes and in the API's change register."""

from django.db import models
from django.utils import timezone
from wagtail.models import Revision

from procedures.change_notes import MINOR_LABEL
from procedures.models import ProcedurePage


class ChangeNoteQuerySet(models.QuerySet):
    def public(self, at=None):
        """Notes of the procedures a resident may see now (``ProcedurePage.objects.public()``):
        never those of internal, withdrawn or not yet valid procedures."""
        return self.filter(page__in=ProcedurePage.objects.public(at=at).values("pk"))

    def since(self, moment):
        return self.filter(published_at__gte=moment)


class ChangeNote(models.Model):
    """One public change of a procedure: the note it was published with ("Zmieniono
    wysokość opłaty skarbowej"), a "Drobna poprawka" listed without one, or a change of a
    record it shows ("Zmiana adresu: …"), with when it reached the portal."""

    class Source(models.TextChoices):
        PUBLICATION = "publication", "Publikacja nowej wersji"
        RECORD = "record", "Zmiana rekordu wspólnego"

    page = models.ForeignKey(
        ProcedurePage,
        on_delete=models.CASCADE,
        related_name="change_notes",
        verbose_name="procedura",
    )
    #: The published version the note came with (none for a record's change).
    revision = models.ForeignKey(
        Revision, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    text = models.TextField("Informacja o zmianie", blank=True)
    minor = models.BooleanField(MINOR_LABEL, default=False)
    source = models.CharField(
        "Źródło", max_length=20, choices=Source.choices, default=Source.PUBLICATION
    )
    published_at = models.DateTimeField("Data zmiany", default=timezone.now, db_index=True)

    objects = ChangeNoteQuerySet.as_manager()

    class Meta:
        verbose_name = "informacja o zmianie"
        verbose_name_plural = "historia zmian"
        ordering = ["-published_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["revision"], name="one_change_note_per_revision")
        ]

    def __str__(self):
        return f"{self.page_id}: {self.display_text}"

    @property
    def display_text(self):
        """What residents read: the note, or "Drobna poprawka" for a minor one without it."""
        return self.text or MINOR_LABEL
