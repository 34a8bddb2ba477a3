"""Fault drills: a production-like app server while Redis or PostgreSQL fails.

A throwaway PostgreSQL and Redis on spare ports, the project migrated with a few public
procedures, gunicorn with production settings. Each drill breaks one server, checks what
readers get, and repairs it.
"""

import time
import urllib.error
import urllib.request
from types import SimpleNamespace

import pytest

from tests.faults.services import AppServer, RedisServer, free_port
from tests.faults.site import build_site, migrated_postgres, shared_dir

pytestmark = pytest.mark.faults

SEARCH = "/szukaj/?q=dow%C3%B3d"  # "dowód"
#: Generous bound for one request while a server is broken (the point: no hang).
REQUEST_TIMEOUT = 8


def fetch(url, timeout=REQUEST_TIMEOUT):
    """(status, headers, text) of a GET, whatever the status."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("drills")
    postgres = migrated_postgres(shared_dir(tmp_path_factory))
    redis = RedisServer().start()
    app = None
    try:
        env, paths = build_site(postgres.url(), redis.url, workdir, migrated=True)
        port = free_port()
        # The page cache stores only Host spellings it knows (home/page_cache.py).
        env = {**env, "PORTAL_CACHE_HOSTS": f"127.0.0.1:{port}"}
        app = AppServer(env, port=port).start()
        # Each worker's first requests import and load everything (Morfeusz, templates).
        for _ in range(4):
            for path in ["/", *paths["procedures"], paths["index"], "/api/v2/procedures/"]:
                fetch(app.url + path, timeout=120)
            fetch(app.url + SEARCH, timeout=120)
        yield SimpleNamespace(postgres=postgres, redis=redis, app=app, paths=paths)
    finally:
        if app:
            app.stop()
        redis.stop()
        postgres.destroy()


def public_paths(site):
    procedure = site.paths["procedures"][0]
    return ["/", procedure, site.paths["index"], "/api/v2/procedures/", SEARCH]


def assert_all_answer(site, paths):
    for path in paths:
        status, _headers, text = fetch(site.app.url + path)
        assert status == 200, (path, status, text[:300])


def test_redis_stopped_every_page_still_answers(site):
    paths = public_paths(site)
    assert_all_answer(site, paths)  # the page cache is warm
    site.redis.stop()
    try:
        uncached = [site.paths["procedures"][1], "/szukaj/?q=meldunek"]
        for _ in range(3):
            assert_all_answer(site, [*paths, *uncached, "/healthz/"])
    finally:
        site.redis.start()
    assert_all_answer(site, paths)


def test_redis_hung_requests_answer_without_waiting_for_it(site):
    paths = [*public_paths(site), "/healthz/"]
    assert_all_answer(site, paths)
    site.redis.hang()
    try:
        started = time.monotonic()
        for _ in range(3):
            assert_all_answer(site, [*paths, site.paths["procedures"][2]])
        # 18 requests; one socket timeout per worker opens its breaker. Generous bound.
        assert time.monotonic() - started < 30
    finally:
        site.redis.resume()
    assert_all_answer(site, paths)


def test_postgres_stopped_cached_pages_answer_and_the_rest_get_polish_503(site):
    cached = site.paths["procedures"][3]
    uncached = site.paths["procedures"][4]
    # Cached for sure: after the Redis drills a worker may still leave the cache alone
    # for a few seconds (its breaker), so ask until the cache answers, then let every
    # worker's breaker run out (REDIS_RETRY_SECONDS, 5 s by default): a worker that does
    # not ask the cache cannot serve its stale copy either.
    deadline = time.monotonic() + 30
    while fetch(site.app.url + cached)[1]["X-Cache"] != "HIT":
        assert time.monotonic() < deadline, "the page never got into the cache"
        time.sleep(0.5)
    time.sleep(6)
    site.postgres.stop()
    try:
        for _ in range(4):  # both workers
            status, _headers, text = fetch(site.app.url + cached)
            assert status == 200 and "Wydanie prawa jazdy" in text, (status, text[:300])
            status, headers, text = fetch(site.app.url + uncached)
            assert status == 503, (uncached, status, text[:300])
            assert int(headers["Retry-After"]) > 0
            assert "Serwis jest chwilowo niedostępny" in text
            status, headers, _text = fetch(site.app.url + SEARCH)
            assert status == 503 and headers["Retry-After"]
    finally:
        site.postgres.start()
    for _ in range(4):
        assert_all_answer(site, [uncached, SEARCH, "/api/v2/procedures/"])
