"""What remains of deleted public procedures, for BIP's incremental sync."""

from django.db import models
from django.utils import timezone


class DeletedProcedure(models.Model):
    """A public procedure that was deleted: kept so BIP's sync can remove it too.

    Wagtail deletes a page's revisions and log with it; this row is what remains: the
    code, the old id and when it went. Recorded only for procedures public at deletion.
    """

    page_id = models.PositiveBigIntegerField("Identyfikator strony", db_index=True)
    code = models.CharField("Kod procedury", max_length=12)
    deleted_at = models.DateTimeField("Usunięto", default=timezone.now, db_index=True)

    class Meta:
        ordering = ["deleted_at"]
        verbose_name = "usunięta procedura"
        verbose_name_plural = "usunięte procedury"

    def __str__(self):
        return f"{self.code} (usunięta {self.deleted_at:%Y-%m-%d %H:%M})"
