"""Drill: publishing while Redis, the page cache, is stopped or hung.

A throwaway ``redis-server`` (``tests.faults.services.RedisServer``) is the cache, with
short socket timeouts. A procedure page is cached; Redis goes away; the Procedures Office
publishes a new title. The publication must be complete (the page, its "wagtail.publish"
audit entry, its version in BIP's change register) although the purge failed; once Redis
is back *with its old data*, the replay of the failed purge must leave the new title.
"""

import pytest
from django.db import transaction
from django.urls import reverse
from django_redis import get_redis_connection
from wagtail.models import PageLogEntry

from home import page_cache
from procedures import purges
from procedures.models import PendingPurge, ProcedurePage
from procedures.workflow import scheduling
from tests.factories import ProcedurePageFactory

from .services import RedisServer


@pytest.fixture(params=[False, True], ids=["raising", "ignoring-errors"])
def redis(request, settings):
    """The cache on a throwaway Redis; its client raises on errors or, set up to fail
    fast, swallows them (django-redis ``IGNORE_EXCEPTIONS``)."""
    server = RedisServer().start()
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": server.url,
            "OPTIONS": {
                # Each cache call of a publication waits this long on a hung Redis.
                "SOCKET_CONNECT_TIMEOUT": 0.25,
                "SOCKET_TIMEOUT": 0.25,
                "IGNORE_EXCEPTIONS": request.param,
            },
        }
    }
    yield server
    server.resume()
    server.stop()


@pytest.fixture
def cached_page(client, procedure_index, redis):
    page = ProcedurePageFactory(parent=procedure_index, title="Tytuł sprzed awarii")
    page.save_revision().publish()
    client.get(page.url)
    assert client.get(page.url)["X-Cache"] == "HIT"
    return page


def publish_new_title(page):
    draft = ProcedurePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    draft.title = "Tytuł po awarii"
    with transaction.atomic():
        revision = draft.save_revision()
        revision.publish()
    return revision


def assert_publication_complete(client, page, revision):
    live = ProcedurePage.objects.get(pk=page.pk)
    assert live.title == "Tytuł po awarii" and live.live_revision_id == revision.pk
    assert PageLogEntry.objects.filter(
        page=page, action="wagtail.publish", revision=revision
    ).exists()
    history = client.get(reverse("procedures_api:history", args=[page.pk])).json()
    assert history["items"][-1]["revision_id"] == revision.pk
    assert history["items"][-1]["content"]["title"] == "Tytuł po awarii"


def saved_pages(redis):
    raw = get_redis_connection("default")
    return {key: raw.dump(key) for key in raw.keys(f"*{page_cache.PREFIX}*")}


def restore(saved):
    raw = get_redis_connection("default")
    for key, value in saved.items():
        raw.restore(key, 0, value, replace=True)


@pytest.fixture(autouse=True)
def new_process(monkeypatch):
    """Each drill starts as a fresh app process: no purge has failed in it yet."""
    monkeypatch.setattr(purges, "_cache_unhealthy", False)
    monkeypatch.setattr(purges, "_next_attempt", 0.0)


def stale_copy_present(page):
    raw = get_redis_connection("default")
    return any(raw.keys(f"*{page_cache.PREFIX}*"))


def as_reader(reader, monkeypatch):
    """``other``: the requests that follow come from a process that saw no purge fail."""
    if reader == "other":
        monkeypatch.setattr(purges, "_cache_unhealthy", False)


def assert_replayed(client, page, reader):
    """The old page is back in Redis; the reader must get the new title.

    ``same``: the reader's process saw the purge fail and replays it before looking the
    page up. ``other``: another process, which knows nothing, serves the old page until the
    scheduler's round replays the purge.
    """
    assert stale_copy_present(page)
    if reader == "other":
        assert "Tytuł sprzed awarii" in client.get(page.url).text
        scheduling.run_once()
        assert not PendingPurge.objects.filter(attempts__gt=0).exists()
    assert "Tytuł po awarii" in client.get(page.url).text


@pytest.mark.parametrize("reader", ["same", "other"])
def test_publish_while_redis_is_stopped_then_it_returns_with_its_old_data(
    client, cached_page, redis, reader, monkeypatch
):
    old_data = saved_pages(redis)
    redis.stop()

    revision = publish_new_title(cached_page)
    assert PendingPurge.objects.exists()  # the purge waits for the cache

    # Redis comes back as it was (e.g. restarted from its snapshot): the old page with it.
    redis.start()
    restore(old_data)
    as_reader(reader, monkeypatch)

    assert_publication_complete(client, cached_page, revision)
    assert_replayed(client, cached_page, reader)


@pytest.mark.parametrize("reader", ["same", "other"])
def test_publish_while_redis_hangs_then_it_resumes(client, cached_page, redis, reader, monkeypatch):
    old_data = saved_pages(redis)
    redis.hang()

    revision = publish_new_title(cached_page)

    redis.resume()
    # Redis runs what waited in its sockets, the purge's DEL too; a reader's write of the
    # old page that waited as well may land after it. That is what it leaves:
    restore(old_data)
    as_reader(reader, monkeypatch)

    assert_publication_complete(client, cached_page, revision)
    assert_replayed(client, cached_page, reader)
