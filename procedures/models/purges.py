"""Cache purges written down with the change that needs them, until the cache confirms them."""

from django.db import models
from django.utils import timezone


class PendingPurge(models.Model):
    """Portal paths (and other cache keys) to drop once the change that needs it commits.

    Written in the publishing transaction, so a publication and its purge commit together
    or not at all. After the commit the purge is carried out at once; a purge the cache
    did not confirm (down, hung) stays here until :func:`procedures.purges.replay_pending_purges`
    carries it out. A confirmed purge is repeated once after ``due_at`` for a reader who
    was still rendering the old version when the first one ran, then the row goes.
    """

    paths = models.JSONField("Ścieżki stron portalu", default=list)
    keys = models.JSONField("Inne klucze pamięci podręcznej", default=list)
    created_at = models.DateTimeField("Utworzono", default=timezone.now)
    due_at = models.DateTimeField("Do wykonania od", default=timezone.now, db_index=True)
    attempts = models.PositiveIntegerField("Nieudane próby", default=0)

    class Meta:
        ordering = ["due_at", "pk"]
        verbose_name = "zaległe czyszczenie pamięci podręcznej"
        verbose_name_plural = "zaległe czyszczenia pamięci podręcznej"

    def __str__(self):
        return f"{len(self.paths) + len(self.keys)} wpisów od {self.created_at:%Y-%m-%d %H:%M:%S}"
