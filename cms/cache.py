"""A Redis cache that the site can lose: errors and timeouts degrade to "nothing cached".

``ResilientRedisCache`` is django-redis's ``RedisCache`` with two changes:

- a failed call (Redis stopped, refusing, or not answering within the socket timeouts set
  in ``OPTIONS``) is logged once and answered as if the cache were empty: ``get`` gives
  its default, ``add``/``set``/``delete`` give ``False``, ``get_many`` ``{}``, ``incr``
  raises ``ValueError`` as for a missing key. Callers render afresh instead of failing;
- a small per-process circuit breaker: after a failure the cache is not asked at all for
  ``RETRY_SECONDS`` (``OPTIONS``, default 5), so a hung Redis costs one socket timeout per
  worker every few seconds instead of one per call. The next call after that tries again.

``cache.available`` is ``False`` while the breaker is open; a caller that must tell "the
cache is down" from "the key is taken" (the publishing lock) reads it after a failed
``add``.
"""

import logging
import time

from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

#: What a lost, refusing or hung Redis raises through django-redis.
CACHE_ERRORS = (RedisError, ConnectionInterrupted, OSError)

#: Per process: location → monotonic time until which the cache is not asked.
_open_until = {}


class ResilientRedisCache(RedisCache):
    """django-redis's cache, answering "not cached" instead of raising (see module docs)."""

    def __init__(self, server, params):
        super().__init__(server, params)
        options = params.get("OPTIONS", {})
        self.retry_seconds = float(options.get("RETRY_SECONDS", 5))
        self._location = str(server)

    @property
    def available(self):
        """``False`` while a recent failure keeps the cache switched off in this process."""
        return _open_until.get(self._location, 0) <= time.monotonic()

    def _guarded(self, name, fallback, *args, **kwargs):
        if not self.available:
            return fallback()
        try:
            result = getattr(super(), name)(*args, **kwargs)
        except CACHE_ERRORS as error:
            _open_until[self._location] = time.monotonic() + self.retry_seconds
            logger.warning(
                "Cache unavailable (%s: %s); pages are rendered without it for %g s",
                type(error).__name__,
                error,
                self.retry_seconds,
            )
            return fallback()
        if self._location in _open_until:
            del _open_until[self._location]
            logger.warning("Cache available again")
        return result

    def get(self, key, default=None, version=None, client=None):
        return self._guarded("get", lambda: default, key, default, version, client)

    def get_many(self, *args, **kwargs):
        return self._guarded("get_many", dict, *args, **kwargs)

    def has_key(self, *args, **kwargs):
        return self._guarded("has_key", lambda: False, *args, **kwargs)

    def set(self, *args, **kwargs):
        return self._guarded("set", lambda: False, *args, **kwargs)

    def set_many(self, *args, **kwargs):
        return self._guarded("set_many", list, *args, **kwargs)

    def add(self, *args, **kwargs):
        return self._guarded("add", lambda: False, *args, **kwargs)

    def touch(self, *args, **kwargs):
        return self._guarded("touch", lambda: False, *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self._guarded("delete", lambda: False, *args, **kwargs)

    def delete_many(self, *args, **kwargs):
        return self._guarded("delete_many", lambda: 0, *args, **kwargs)

    def delete_pattern(self, *args, **kwargs):
        return self._guarded("delete_pattern", lambda: 0, *args, **kwargs)

    def clear(self):
        return self._guarded("clear", lambda: False)

    def incr(self, *args, **kwargs):
        return self._guarded("incr", _missing_key, *args, **kwargs)

    def decr(self, *args, **kwargs):
        return self._guarded("decr", _missing_key, *args, **kwargs)

    def close(self, **kwargs):
        try:
            super().close(**kwargs)
        except CACHE_ERRORS:
            pass


def _missing_key():
    raise ValueError("The cache is unavailable; the key is treated as missing.")
