"""Scheduling of "Obowiązuje od/do": scheduled versions and withdrawals, exact to the second.

Visibility never waits for a scheduler: ``ProcedurePage.objects.public()`` compares
"od"/"do" with the current time on every request, and :class:`ScheduledPublishingMiddleware`
publishes a version whose "od" has come before the request is answered, so a new version
of a live procedure replaces the old one at that very second. The scheduler
(``manage.py run_scheduler``, or ``publish_scheduled`` from cron) still runs the state
changes — publishing, unpublishing expired procedures — and records them in the audit log.

The middleware asks the database only when the next due instant (:mod:`.due`, kept in the
shared cache) has come, so a request before it — a page served from the page cache above
all — costs no query.
"""

import logging

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, InterfaceError, transaction
from django.utils import timezone
from wagtail import hooks
from wagtail.models import Page, Revision

from procedures.purges import replay_if_cache_recovered, replay_pending_purges
from procedures.workflow.due import cached_next_due, has_come, store_next_due

logger = logging.getLogger(__name__)

LOCK_KEY = "procedures:publishing-due"
#: Wagtail hook: functions the scheduler calls after each round (other apps' digests).
ROUND_HOOK = "lckzm_scheduler_round"


def due_revisions(now=None):
    """Approved revisions whose "Obowiązuje od" has come."""
    return Revision.page_revisions.filter(approved_go_live_at__lte=now or timezone.now())


def publish_due(now=None):
    """Publish every approved version whose "od" has come; returns how many."""
    count = 0
    for revision in due_revisions(now).order_by("approved_go_live_at"):
        with transaction.atomic():
            revision.publish(log_action="wagtail.publish.scheduled")
        count += 1
    return count


def unpublish_expired(now=None):
    """Unpublish live pages whose "Obowiązuje do" has passed; returns how many."""
    now = now or timezone.now()
    count = 0
    for page in Page.objects.live().filter(expire_at__lte=now).specific():
        with transaction.atomic():
            page.unpublish(set_expired=True, log_action="wagtail.unpublish.scheduled")
        count += 1
    return count


def run_once(now=None):
    """One scheduler round: what ``publish_scheduled`` does, with "od"/"do" inclusive,
    then the cache purges still waiting (see :mod:`procedures.purges`); the next due
    instant is stored afresh for the middleware."""
    try:
        counts = publish_due(now), unpublish_expired(now)
        store_next_due()
        return counts
    finally:
        replay_pending_purges()


def run_round_hooks():
    """Call each ``lckzm_scheduler_round`` function; one that fails is logged and stops
    neither the others nor publishing. Never raises."""
    for func in hooks.get_hooks(ROUND_HOOK):
        try:
            func()
        except Exception:
            logger.exception("Scheduler round hook %s failed", getattr(func, "__qualname__", func))


class ScheduledPublishingMiddleware:
    """Before answering, publish versions whose "od" has just come.

    No query until the next due instant (:mod:`.due`) comes; then one indexed query and,
    with a version due, its publication. When the cache holds no valid instant (empty,
    unavailable, or a schedule just changed) the database is asked, as when it has come,
    and the instant is stored again.

    Several app servers may see the same due version; a short cache lock lets one of them
    publish it, and publishing an already-published revision is harmless anyway — so while
    the cache is unavailable every server publishes. While the database is unavailable the
    check is skipped (and logged): pages held in the page cache are still served.
    Static files, media and health checks are never held up by it.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.skip = tuple(
            p for p in (settings.STATIC_URL, settings.MEDIA_URL, *settings.HEALTH_CHECK_PATHS) if p
        )

    def __call__(self, request):
        if not request.path.startswith(self.skip):
            self.publish_due_versions()
        return self.get_response(request)

    @classmethod
    def publish_due_versions(cls):
        # A cache back with an old instant loses it first (purges this process missed).
        replay_if_cache_recovered()
        if not has_come(cached_next_due()):
            return
        try:
            if due_revisions().exists() and not cls._publish_under_lock():
                return  # another process is publishing them and stores the instant after
            store_next_due()
        except (DatabaseError, InterfaceError) as error:
            logger.warning("Scheduled versions not checked, database unavailable: %s", error)

    @staticmethod
    def _publish_under_lock():
        """Publish the due versions unless another process holds the lock; whether this
        process tried."""
        locked = cache.add(LOCK_KEY, 1, timeout=30)
        if not locked and getattr(cache, "available", True):
            return False
        try:
            publish_due()
        except Exception:  # never fail the reader's request over it
            logger.exception("Publishing scheduled versions failed")
        finally:
            if locked:
                cache.delete(LOCK_KEY)
        return True
