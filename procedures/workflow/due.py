"""The next due instant: the earliest "Obowiązuje od" of an approved version, kept in the
shared cache so that a request costs no query until that second comes.

:class:`~procedures.workflow.scheduling.ScheduledPublishingMiddleware` reads it on every
request (:func:`cached_next_due`) and asks the database only when it has come, or when the
cache has no valid answer (empty, unavailable, or invalidated by a change).

The stored instant is valid only together with the *change token* it was computed under.
A change that may bring the instant earlier (a version approved for a date) deletes the
token once it commits, through the purge outbox (:func:`procedures.purges.purge_after_commit`:
retried until the cache confirms it). A reader computes the instant after reading the token,
so an instant read from the database before a change committed can never be stored as
valid after it: the token it was stored with is gone. Changes that only make the instant
later or empty (publishing, unpublishing, cancelling a schedule) need no invalidation: an
instant that comes too early costs one query, then it is read again.
"""

import logging
import uuid

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone
from wagtail.models import Revision
from wagtail.signals import page_published, page_unpublished

from procedures.purges import purge_after_commit

logger = logging.getLogger(__name__)

#: Cache key of ``{"token": ..., "at": datetime or None}``; ``"at": None`` is "nothing
#: scheduled", told apart from a miss.
NEXT_DUE_KEY = "procedures:next-due"
#: Cache key of the change token the stored instant must carry to be valid.
CHANGE_KEY = "procedures:next-due-change"
#: Seconds both are kept; the scheduler stores the instant again every round anyway, which
#: also picks up changes made outside Django (a restored database).
KEEP_SECONDS = 24 * 60 * 60

#: What :func:`cached_next_due` answers when the cache does not know.
UNKNOWN = object()


def next_due_instant():
    """When the earliest approved version goes live ("Obowiązuje od", possibly already past);
    ``None`` when none is scheduled. One indexed query."""
    return (
        Revision.page_revisions.filter(approved_go_live_at__isnull=False)
        .order_by("approved_go_live_at")
        .values_list("approved_go_live_at", flat=True)
        .first()
    )


def cached_next_due():
    """The next due instant as stored (a datetime, or ``None`` for "nothing scheduled"),
    or :data:`UNKNOWN` when the cache holds no valid one. One cache call, no query."""
    return read_with_next_due(())[0]


def read_with_next_due(keys):
    """The next due instant as :func:`cached_next_due` answers it, and the values the cache
    holds under ``keys`` (a dict without the keys it does not hold), in one cache call: the
    page cache reads a stored page and the instant in one round trip to Redis. A cache that
    raises answers :data:`UNKNOWN` and nothing."""
    try:
        stored = cache.get_many([NEXT_DUE_KEY, CHANGE_KEY, *keys])
    except Exception:  # a cache that raises instead of missing: ask the database
        logger.warning("The next due instant could not be read from the cache", exc_info=True)
        return UNKNOWN, {}
    entry, token = stored.get(NEXT_DUE_KEY), stored.get(CHANGE_KEY)
    if entry is None or token is None or entry.get("token") != token:
        return UNKNOWN, stored
    return entry["at"], stored


def has_come(instant):
    """Whether versions may be due now, given ``instant`` as :func:`cached_next_due`
    answers it: the cache does not know, or the instant has come. Only then is the database
    asked, and only then may a stored page not be served as it is."""
    return instant is UNKNOWN or (instant is not None and instant <= timezone.now())


def store_next_due():
    """Read the next due instant from the database and store it for every process (no
    query while the cache is unavailable: nothing could be stored). Never raises over the
    cache; a database error goes to the caller."""
    if not getattr(cache, "available", True):
        return
    try:
        token = cache.get(CHANGE_KEY)
        if token is None:
            token = uuid.uuid4().hex
            if not cache.add(CHANGE_KEY, token, KEEP_SECONDS):
                token = cache.get(CHANGE_KEY)  # another process was first (or the cache is away)
    except Exception:
        logger.warning("The next due instant could not be stored", exc_info=True)
        return
    if token is None:
        return
    # Read after the token: a change committed since deletes the token, so this instant
    # is never taken as valid after it.
    at = next_due_instant()
    try:
        cache.set(NEXT_DUE_KEY, {"token": token, "at": at}, KEEP_SECONDS)
    except Exception:
        logger.warning("The next due instant could not be stored", exc_info=True)


def store_after_commit():
    """Store the next due instant once the current transaction commits: once, however many
    procedures the transaction publishes (a batch import publishes a hundred)."""
    connection = transaction.get_connection()
    if connection.in_atomic_block and any(
        func is store_next_due for _sids, func, _robust in connection.run_on_commit
    ):
        return  # already waiting for this commit (a rolled-back savepoint takes it away)
    transaction.on_commit(store_next_due, robust=True)


def invalidate_after_commit():
    """The next due instant may have come earlier: once the current transaction commits,
    the stored one stops being valid (retried until the cache confirms it), then it is
    stored afresh."""
    purge_after_commit(keys=[CHANGE_KEY])
    store_after_commit()


def _revision_saved(sender, instance, update_fields=None, **kwargs):
    if instance.approved_go_live_at is not None:
        invalidate_after_commit()
    elif update_fields and "approved_go_live_at" in update_fields:
        store_after_commit()  # a schedule cancelled: the instant can only come later


def _published_or_unpublished(sender, **kwargs):
    # Both clear the page's approved versions: the instant can only come later.
    store_after_commit()


def connect():
    post_save.connect(_revision_saved, sender=Revision, dispatch_uid="next-due-revision")
    page_published.connect(_published_or_unpublished, dispatch_uid="next-due-published")
    page_unpublished.connect(_published_or_unpublished, dispatch_uid="next-due-unpublished")
