"""What readers get while Redis or PostgreSQL fails, in process (the real servers are
stopped in tests/faults/test_drills_web.py)."""

from datetime import timedelta
from unittest.mock import Mock

import pytest
import redis
import time_machine
from django.core.cache import cache
from django.db import OperationalError
from django.template.loader import render_to_string
from django.test import override_settings
from django.utils import timezone
from wagtail.models import Site

from cms import cache as resilient_cache
from home import page_cache
from procedures.models import ProcedurePage
from procedures.workflow import scheduling
from tests.factories import ProcedurePageFactory
from tests.faults.services import free_port


@pytest.fixture(autouse=True)
def closed_breaker():
    resilient_cache._open_until.clear()
    yield
    resilient_cache._open_until.clear()


def unreachable_redis(**options):
    """CACHES pointing at a port nobody listens on (a stopped Redis)."""
    return {
        "default": {
            "BACKEND": "cms.cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2, **options},
        }
    }


def fail_database(*args, **kwargs):
    raise OperationalError("connection refused")


# --- error pages ---


def test_500_page_is_polish_and_standalone(client, monkeypatch, home_page):
    monkeypatch.setattr("search.views.public_search", lambda *a: 1 / 0)
    client.raise_request_exception = False
    response = client.get("/szukaj/", {"q": "dowód"})
    assert response.status_code == 500
    assert '<html lang="pl">' in response.text
    assert "Przepraszamy, wystąpił błąd serwera" in response.text
    assert "Server Error" not in response.text


def test_503_page_needs_no_database_or_request():
    html = render_to_string("503.html")
    assert "Serwis jest chwilowo niedostępny" in html and "portal.css" in html


# --- PostgreSQL unavailable ---


def test_a_database_error_in_a_view_answers_polish_503_with_retry_after(
    client, monkeypatch, home_page
):
    monkeypatch.setattr("search.views.public_search", fail_database)
    client.raise_request_exception = False
    response = client.get("/szukaj/", {"q": "dowód"})
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert "Serwis jest chwilowo niedostępny" in response.text


def test_a_database_error_in_middleware_answers_503_too(client, monkeypatch, procedure_index):
    page = ProcedurePageFactory(parent=procedure_index)
    monkeypatch.setattr(page_cache, "seconds_until_next_withdrawal", fail_database)
    client.raise_request_exception = False
    response = client.get(page.url)
    assert response.status_code == 503 and response["Retry-After"]


def test_cached_pages_outlive_their_freshness_while_the_database_is_down(
    client, monkeypatch, procedure_index
):
    cached = ProcedurePageFactory(parent=procedure_index, title="Strona z pamięci podręcznej")
    uncached = ProcedurePageFactory(parent=procedure_index)
    assert client.get(cached.url).status_code == 200

    monkeypatch.setattr("procedures.workflow.scheduling.due_revisions", fail_database)
    monkeypatch.setattr(Site, "find_for_request", fail_database)
    client.raise_request_exception = False
    with time_machine.travel(timezone.now() + timedelta(seconds=page_cache.TTL + 60)):
        response = client.get(cached.url)
        assert response.status_code == 200 and response["X-Cache"] == "STALE"
        assert "Strona z pamięci podręcznej" in response.text
        assert client.get(uncached.url).status_code == 503
    with time_machine.travel(timezone.now() + timedelta(seconds=page_cache.TTL + 7200)):
        assert client.get(cached.url).status_code == 503  # past the grace period


def test_a_stale_page_is_not_served_when_the_database_answers(client, procedure_index):
    page = ProcedurePageFactory(parent=procedure_index)
    client.get(page.url)
    with time_machine.travel(timezone.now() + timedelta(seconds=page_cache.TTL + 60)):
        response = client.get(page.url)
    assert response.status_code == 200 and "X-Cache" not in response


def test_scheduled_publishing_skips_a_failing_database(client, monkeypatch, procedure_index):
    page = ProcedurePageFactory(parent=procedure_index)
    client.get(page.url)
    monkeypatch.setattr("procedures.workflow.scheduling.due_revisions", fail_database)
    assert client.get(page.url)["X-Cache"] == "HIT"


def test_health_checks_touch_neither_the_page_cache_nor_publishing(client, monkeypatch, db):
    page_cache_calls = Mock(wraps=page_cache.cache)
    due_checks = Mock(wraps=scheduling.due_revisions)
    monkeypatch.setattr("home.page_cache.cache", page_cache_calls)
    # The page cache reads a page together with the next due instant (one round trip).
    monkeypatch.setattr("procedures.workflow.due.cache", page_cache_calls)
    monkeypatch.setattr("procedures.workflow.scheduling.due_revisions", due_checks)
    assert client.get("/healthz/").status_code == 200
    assert not page_cache_calls.method_calls and not due_checks.called
    client.get("/")
    assert page_cache_calls.method_calls and due_checks.called  # the mocks do see requests


# --- Redis unavailable ---


@pytest.fixture
def without_redis():
    with override_settings(CACHES=unreachable_redis(), API_RATE_LIMIT="5/60"):
        yield


def test_every_public_path_answers_without_redis(client, without_redis, procedure_index):
    page = ProcedurePageFactory(parent=procedure_index, title="Wydanie dowodu osobistego")
    page.save_revision().publish()
    for path in ("/", page.url, "/szukaj/?q=dowód", "/healthz/"):
        assert client.get(path).status_code == 200, path
        assert client.get(path).status_code == 200, path  # breaker open: no Redis at all
    for _ in range(10):  # the rate limit fails open
        assert client.get("/api/v2/procedures/").status_code == 200
    assert "Wydanie dowodu osobistego" in client.get("/szukaj/?q=dowód").text


def test_due_versions_are_published_without_the_cache_lock(client, without_redis, procedure_index):
    page = ProcedurePageFactory(parent=procedure_index, live=False, go_live_at=None)
    revision = page.save_revision()
    revision.approved_go_live_at = timezone.now() - timedelta(seconds=1)
    revision.save()
    client.get("/")
    assert ProcedurePage.objects.get(pk=page.pk).live


def test_a_failed_call_switches_the_cache_off_for_a_while(monkeypatch):
    calls = []

    def refuse(*args, **kwargs):
        calls.append(args)
        raise redis.exceptions.ConnectionError("refused")

    monkeypatch.setattr("django_redis.cache.RedisCache.get", refuse)
    with override_settings(CACHES=unreachable_redis(RETRY_SECONDS=60)):
        assert cache.get("a", "default") == "default"
        assert not cache.available
        assert cache.get("b") is None and cache.add("c", 1) is False
        with pytest.raises(ValueError):
            cache.incr("d")
        assert len(calls) == 1
        resilient_cache._open_until.clear()  # the retry period is over
        cache.get("e")
        assert len(calls) == 2
