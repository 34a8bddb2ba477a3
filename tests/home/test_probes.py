"""Liveness (/healthz/) and readiness (/readyz/): what a load balancer or supervisor gets."""

import json
from datetime import timedelta
from unittest import mock

import pytest
from django.db import DatabaseError, connection
from django.db.migrations.recorder import MigrationRecorder
from django.urls import resolve
from django.utils import timezone

from procedures.models import SchedulerHeartbeat

#: A redis cache nobody listens on (connection refused at once).
DEAD_REDIS = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:9/0",
        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
    }
}


def call(rf, path):
    """The view behind ``path``, called directly: no middleware in between (as in
    production, where the publishing middleware and the page cache skip these paths)."""
    return resolve(path).func(rf.get(path))


@pytest.fixture
def ready(db, settings):
    settings.SCHEDULER_HEARTBEAT_MAX_AGE = 300
    SchedulerHeartbeat.beat()


def body(response):
    return json.loads(response.content)


def failing(response):
    return {name for name, check in body(response)["checks"].items() if check["status"] != "ok"}


def test_healthz_touches_no_database(db, rf, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = call(rf, "/healthz/")
    assert response.status_code == 200
    assert response.content == b"ok"


def test_readyz_is_200_when_everything_is_up(client, ready):
    response = client.get("/readyz/")
    assert response.status_code == 200
    assert body(response)["status"] == "ok"
    assert set(body(response)["checks"]) == {
        "database",
        "cache",
        "storage",
        "scheduler",
        "migrations",
    }
    assert failing(response) == set()
    assert "no-store" in response["Cache-Control"]


def test_readyz_is_503_when_the_heartbeat_is_stale(rf, ready):
    SchedulerHeartbeat.beat(now=timezone.now() - timedelta(seconds=301))
    response = call(rf, "/readyz/")
    assert response.status_code == 503
    assert body(response)["status"] == "error"
    assert failing(response) == {"scheduler"}
    assert "limit 300 s" in body(response)["checks"]["scheduler"]["reason"]
    assert "no-store" in response["Cache-Control"]


def test_readyz_is_503_when_the_scheduler_never_ran(rf, ready):
    SchedulerHeartbeat.objects.all().delete()
    response = call(rf, "/readyz/")
    assert response.status_code == 503
    assert failing(response) == {"scheduler"}


def test_scheduler_check_can_be_turned_off(rf, ready, settings):
    settings.SCHEDULER_HEARTBEAT_MAX_AGE = 0
    SchedulerHeartbeat.objects.all().delete()
    response = call(rf, "/readyz/")
    assert response.status_code == 200
    assert body(response)["checks"]["scheduler"]["status"] == "off"


def test_readyz_is_503_when_a_migration_is_unapplied(rf, ready):
    MigrationRecorder(connection).record_unapplied("procedures", "0008_scheduler_heartbeat")
    response = call(rf, "/readyz/")
    assert response.status_code == 503
    assert failing(response) == {"migrations"}
    reason = body(response)["checks"]["migrations"]["reason"]
    assert "procedures.0008_scheduler_heartbeat" in reason


def test_readyz_is_503_when_the_cache_errors(rf, ready, settings):
    settings.CACHES = DEAD_REDIS
    response = call(rf, "/readyz/")
    assert response.status_code == 503
    assert failing(response) == {"cache"}
    assert body(response)["checks"]["cache"]["reason"] == "ConnectionError"


def test_readyz_is_503_when_the_cache_forgets(rf, ready, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    response = call(rf, "/readyz/")
    assert response.status_code == 503
    assert failing(response) == {"cache"}


def test_readyz_is_503_when_the_storage_errors(rf, ready):
    with mock.patch(
        "django.core.files.storage.FileSystemStorage.exists", side_effect=OSError("gone")
    ):
        response = call(rf, "/readyz/")
    assert response.status_code == 503
    assert failing(response) == {"storage"}


def test_a_dead_database_is_503_not_500(rf, ready):
    with mock.patch(
        "django.db.backends.utils.CursorWrapper.execute",
        side_effect=DatabaseError("connection refused"),
    ):
        response = call(rf, "/readyz/")
    assert response.status_code == 503
    checks = body(response)["checks"]
    assert failing(response) == {"database", "scheduler", "migrations"}
    assert checks["database"]["reason"] == "DatabaseError"  # no host or address leaks
    assert checks["scheduler"]["reason"] == "nie sprawdzono: baza danych nie działa"
