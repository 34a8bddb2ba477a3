"""The scheduler's heartbeat: when its last round succeeded, readable by every app server."""

import os
import socket

from django.db import models
from django.utils import timezone


class SchedulerHeartbeat(models.Model):
    """One row, rewritten by ``run_scheduler`` after each successful round.

    It lives in the database rather than the cache because every app server reads the
    same database, and a cache may be empty, evicted or down: ``/readyz/`` compares its
    ``beat_at`` with ``SCHEDULER_HEARTBEAT_MAX_AGE``.
    """

    SINGLETON = 1

    id = models.PositiveSmallIntegerField(primary_key=True, default=SINGLETON, editable=False)
    beat_at = models.DateTimeField("Ostatnia udana runda")
    worker = models.CharField("Proces harmonogramu", max_length=200, blank=True)
    published = models.PositiveIntegerField("Opublikowano wersji w tej rundzie", default=0)
    unpublished = models.PositiveIntegerField("Wycofano procedur w tej rundzie", default=0)

    class Meta:
        verbose_name = "puls harmonogramu"
        verbose_name_plural = "puls harmonogramu"

    def __str__(self):
        return f"{self.worker or 'harmonogram'}: {self.beat_at:%Y-%m-%d %H:%M:%S}"

    @classmethod
    def beat(cls, published=0, unpublished=0, now=None):
        """Record a successful round now (one query); returns the row."""
        row, _ = cls.objects.update_or_create(
            pk=cls.SINGLETON,
            defaults={
                "beat_at": now or timezone.now(),
                "worker": f"{socket.gethostname()}:{os.getpid()}",
                "published": published,
                "unpublished": unpublished,
            },
        )
        return row

    @classmethod
    def age(cls, now=None):
        """Seconds since the last successful round, or ``None`` when there never was one."""
        beat_at = cls.objects.filter(pk=cls.SINGLETON).values_list("beat_at", flat=True).first()
        if beat_at is None:
            return None
        return ((now or timezone.now()) - beat_at).total_seconds()
