"""Cache purges as an outbox: written with the change, carried out after its commit.

Design ("purge outbox"): every change that makes cached copies wrong calls
:func:`purge_after_commit` with the portal paths (and any other cache keys) concerned.
That writes a :class:`~procedures.models.PendingPurge` row in the current transaction and
asks for the purge to run once the transaction commits:

- A reader between the purge and the commit can no longer put the old version back: the
  purge runs after the commit, and nothing is purged for a rolled-back change.
- The cache never takes part in the transaction, so a publication, its audit log entry
  ("wagtail.publish", the BIP change register) and its purge row commit together or not
  at all, whether the cache answers, refuses or hangs.
- A purge the cache does not confirm (down, hung, or set up to fail fast and quietly) stays
  as a row and is carried out by :func:`replay_pending_purges`: every scheduler round
  (``scheduling.run_once``), and in the same process before its next purge. So a cache
  that comes back with its old data does not keep an old page.
- A confirmed purge is repeated once, :data:`REPEAT_AFTER` seconds later, by the scheduler:
  a reader who was still rendering the old version when the first purge ran could have
  stored it just after.

With ``WAGTAILFRONTENDCACHE`` set, the same paths go to the front cache / CDN through
``wagtail.contrib.frontend_cache``.
"""

import logging
import time
import uuid
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.models import Site
from wagtail.models.sites import SiteRootPath

from procedures.models import PendingPurge

logger = logging.getLogger(__name__)

#: Seconds after which a confirmed purge is repeated once (0: never repeated).
REPEAT_AFTER = getattr(settings, "PORTAL_PURGE_REPEAT_SECONDS", 10)
#: Rows merged into one cache call when replaying.
REPLAY_BATCH = 200

#: Seconds between a process's attempts to replay while the cache stays away.
RETRY_SECONDS = 5

#: Cache key of the probe that confirms a purge (under the page cache's prefix, where
#: cache-wide key patterns look for the portal's entries).
PROBE_PREFIX = "portal-page:purge-probe:"

#: Callables ``forget(paths, hosts=None) -> bool`` that drop the cached copies of portal
#: paths; the portal's page cache registers its own (see :func:`register_path_forgetter`).
_path_forgetters = []

#: Whether a purge failed in this process and rows may be waiting (no query to know).
_cache_unhealthy = False
_next_attempt = 0.0


def register_path_forgetter(forget):
    """Have every purge of portal paths call ``forget(paths, hosts=None)``, which drops
    the cached copies and answers whether the cache confirmed it. Registering the same
    callable twice registers it once."""
    if forget not in _path_forgetters:
        _path_forgetters.append(forget)


def forget_paths(paths, hosts=None):
    """Drop the cached copies of these portal paths now, through every registered
    forgetter; whether all of them confirmed it (``True`` when none is registered)."""
    confirmed = True
    for forget in _path_forgetters:
        confirmed = forget(paths, hosts) and confirmed
    return confirmed


def forget_keys(keys):
    """Delete these cache keys now; ``True`` only when the cache confirmed it.

    Never raises. A cache that raises, or that is set up to swallow its errors and return
    nothing (django-redis ``IGNORE_EXCEPTIONS``), answers ``False``: after the deletion a
    fresh probe value must be written and read back.
    """
    probe = f"{PROBE_PREFIX}{uuid.uuid4().hex}"
    try:
        cache.delete_many(list(keys))
        cache.set(probe, 1, 10)
        confirmed = cache.get(probe) == 1
    except Exception:
        logger.warning("The cache refused a purge of %d keys", len(keys), exc_info=True)
        return False
    if not confirmed:
        logger.warning("The cache did not confirm a purge of %d keys", len(keys))
    return confirmed


def site_root_paths():
    """Wagtail's ``Site.get_site_root_paths()`` read from the database, not the cache:
    a purge must not depend on the cache it purges. Inside :func:`coalesced` they are read
    once for the whole block (a bulk job publishing a thousand procedures asked twice for
    each)."""
    block = _coalescing.get()
    if block is not None and block.roots is not None:
        return block.roots
    sites = Site.objects.select_related("root_page", "root_page__locale").order_by(
        "-root_page__url_path", "-is_default_site", "hostname"
    )
    roots = [
        SiteRootPath(
            site.id, site.root_page.url_path, site.root_url, site.root_page.locale.language_code
        )
        for site in sites
    ]
    if block is not None:
        block.roots = roots
    return roots


def site_root_urls():
    """Every site's root URL, e.g. ``https://procedury.uml.lodz.pl``."""
    return sorted({root.root_url for root in site_root_paths()})


class _Block:
    """What a :func:`coalesced` block has collected: the paths and keys to purge when it
    ends, the sites' root paths once read, and the items whose purges are worked out when
    it ends (:func:`when_block_ends`)."""

    def __init__(self):
        self.paths, self.keys, self.roots = set(), set(), None
        self.deferred = {}


#: The innermost :func:`coalesced` block, ``None`` outside one.
_coalescing = ContextVar("purges_coalescing", default=None)


@contextmanager
def coalesced():
    """Merge every :func:`purge_after_commit` inside the block into one purge of all their
    paths and keys, written when the block ends (one row, one cache call after the commit):
    for bulk jobs that change many procedures in one transaction. Nothing is written if
    the block raises (its transaction is rolled back anyway)."""
    block = _Block()
    token = _coalescing.set(block)
    try:
        yield
        while block.deferred:
            work_out = next(iter(block.deferred))
            work_out(block.deferred.pop(work_out))
    finally:
        _coalescing.reset(token)
    purge_after_commit(block.paths, block.keys)


def when_block_ends(work_out, item):
    """Have ``work_out(items)`` called with ``item``: at once outside a :func:`coalesced`
    block; inside one, once when the block ends, with every item given to it in the block,
    in order. For purges whose paths cost queries per item that one pass answers for all
    (a bulk job publishing a thousand procedures); ``work_out`` calls
    :func:`purge_after_commit` as usual."""
    block = _coalescing.get()
    if block is None:
        work_out([item])
    else:
        block.deferred.setdefault(work_out, []).append(item)


def purge_after_commit(paths=(), keys=()):
    """Drop the cached copies of these portal ``paths`` and these cache ``keys`` once the
    current transaction commits (at once outside a transaction; never after a rollback).

    Returns the :class:`PendingPurge` row that keeps the purge until the cache confirms it
    (``None`` inside :func:`coalesced`, which writes it when it ends). Never raises over the
    cache.
    """
    block = _coalescing.get()
    if block is not None:
        block.paths.update(paths)
        block.keys.update(keys)
        return None
    paths, keys = sorted(set(paths)), sorted(set(keys))
    if not paths and not keys:
        return None
    pending = PendingPurge.objects.create(paths=paths, keys=keys)
    transaction.on_commit(partial(_carry_out, pending.pk, paths, keys), robust=True)
    return pending


def purge_now(paths=(), keys=()):
    """Drop these paths and keys from the cache now; whether the cache confirmed it.

    Never raises: a cache that is down or hung answers ``False``. The front cache, when
    configured, gets the paths too (its own task retries; it does not count here).
    """
    confirmed = True
    if paths:
        confirmed = forget_paths(paths)
        _purge_front_cache(paths)
    if keys:
        confirmed = forget_keys(keys) and confirmed
    return confirmed


def replay_pending_purges(now=None):
    """Carry out the purges whose time has come; returns how many rows were carried out.

    Stops at the first one the cache does not confirm (it is still away: the others would
    only wait for the same timeouts); that row and the rest wait for the next call.
    """
    global _cache_unhealthy
    now = now or timezone.now()
    done = 0
    while True:
        batch = list(PendingPurge.objects.filter(due_at__lte=now)[:REPLAY_BATCH])
        if not batch:
            break
        paths = {path for row in batch for path in row.paths}
        keys = {key for row in batch for key in row.keys}
        ids = [row.pk for row in batch]
        if not purge_now(paths, keys):
            PendingPurge.objects.filter(pk__in=ids).update(attempts=F("attempts") + 1)
            _cache_unhealthy = True
            logger.warning("The cache did not confirm %d pending purges; retrying later", len(ids))
            return done
        PendingPurge.objects.filter(pk__in=ids).delete()
        done += len(ids)
        if len(batch) < REPLAY_BATCH:
            break
    _cache_unhealthy = False
    return done


def replay_if_cache_recovered():
    """:func:`replay_pending_purges` if a purge failed in this process, else nothing.

    Costs no query while every purge of this process went through, so the page cache runs
    it before looking a page up (``home.page_cache``). While the cache is still
    away it tries at most every :data:`RETRY_SECONDS`, and a database that is away too
    only postpones it: it never fails the reader's request.
    """
    global _next_attempt
    if not _cache_unhealthy or time.monotonic() < _next_attempt:
        return 0
    _next_attempt = time.monotonic() + RETRY_SECONDS
    try:
        return replay_pending_purges()
    except DatabaseError:
        logger.warning("Pending purges not replayed: the database is unavailable")
        return 0


def _carry_out(pending_id, paths, keys):
    """After the commit: purge, then keep the row for the repeat, or drop it."""
    global _cache_unhealthy
    try:
        if not purge_now(paths, keys):
            _cache_unhealthy = True
            logger.warning("Cache purge failed; kept for replay (pending purge %s)", pending_id)
            return
        rows = PendingPurge.objects.filter(pk=pending_id)
        if REPEAT_AFTER:
            rows.update(due_at=timezone.now() + timedelta(seconds=REPEAT_AFTER))
        else:
            rows.delete()
        # The cache answers again: what failed earlier in this process goes now.
        if _cache_unhealthy:
            replay_pending_purges()
    except Exception:
        # The change is committed; its row is still there for the replay.
        logger.exception("Cache purge after commit failed (pending purge %s)", pending_id)


def _purge_front_cache(paths):
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    urls = [root.rstrip("/") + path for root in site_root_urls() for path in paths]
    try:
        purge_urls_from_cache(urls)
    except Exception:
        logger.exception("Front cache purge failed for %d URLs", len(urls))
