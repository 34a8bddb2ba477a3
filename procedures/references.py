"""Reference records (vocabulary terms, people, offices…) remembered during a bulk job.

A 1,000-record import looks up the same few dozen records thousands of times: through
the importer's name matching and every time Wagtail turns a StreamField's stored ids back
into objects. Inside :func:`remembered` each is fetched once. Outside it (the admin, the
portal) nothing is cached and every lookup goes to the database as usual.
"""

import copy
from contextlib import contextmanager
from contextvars import ContextVar

_cache = ContextVar("procedure_references", default=None)


@contextmanager
def remembered():
    """Remember reference records until the block ends; :func:`forget` empties the memory."""
    token = _cache.set({})
    try:
        yield
    finally:
        _cache.reset(token)


def remembering():
    """Whether a bulk job's :func:`remembered` block is active."""
    return _cache.get() is not None


def forget():
    """Drop everything remembered, e.g. after a rollback that may have undone a creation."""
    cache = _cache.get()
    if cache is not None:
        cache.clear()


def lookup(key, find):
    """``find()``'s result, remembered under ``key`` while :func:`remembered` is active."""
    cache = _cache.get()
    if cache is None:
        return find()
    if key not in cache:
        cache[key] = find()
    return cache[key]


def remember(key, value):
    cache = _cache.get()
    if cache is not None:
        cache[key] = value


def remember_records(model, ids, records):
    """Remember the records of ``model`` with ``ids``, fetched elsewhere (``records``:
    ``{pk: record}``; an id without a record is remembered as having none), so that
    :func:`in_bulk` serves them without a query."""
    cache = _cache.get()
    if cache is not None:
        for pk in ids:
            cache[(model, "pk", pk)] = records.get(pk)


def in_bulk(model, ids):
    """``model.objects.in_bulk(ids)``, served from memory for ids already fetched."""
    cache = _cache.get()
    if cache is None:
        return model.objects.in_bulk(ids)
    missing = [pk for pk in set(ids) if (model, "pk", pk) not in cache]
    if missing:
        for pk, obj in model.objects.in_bulk(missing).items():
            cache[(model, "pk", pk)] = obj
    found = {}
    for pk in ids:
        obj = cache.get((model, "pk", pk))
        if obj is not None:
            found[pk] = copy.copy(obj)
    return found
