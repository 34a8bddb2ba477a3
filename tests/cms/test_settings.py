"""Configuration from the environment; production refuses to start without secrets."""

from django.conf import settings

from cms.settings.base import caches_from_env
from tests.processes import PRODUCTION_ENV, run_python


def run_production_import(env):
    return run_python("import cms.settings.production", env)


def test_production_fails_fast_without_secret_key():
    result = run_production_import({"ALLOWED_HOSTS": "example.org"})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_starts_with_its_secrets():
    result = run_production_import(
        {
            "SECRET_KEY": "x" * 60,
            "ALLOWED_HOSTS": "example.org",
            "REDIS_URL": "redis://127.0.0.1:6379/3",
        }
    )
    assert result.returncode == 0, result.stderr


def test_redis_cache_when_configured():
    caches = caches_from_env({"REDIS_URL": "redis://127.0.0.1:6379/3"})
    assert caches["default"]["BACKEND"] == "cms.cache.ResilientRedisCache"
    assert caches["default"]["OPTIONS"]["SOCKET_TIMEOUT"] < 1
    assert caches_from_env({})["default"]["BACKEND"].endswith("LocMemCache")


def test_admin_and_site_speak_polish():
    assert settings.LANGUAGE_CODE == "pl"
    assert settings.WAGTAILADMIN_PERMITTED_LANGUAGES == [("pl", "Polski")]


def test_production_refuses_to_start_without_a_shared_cache():
    result = run_production_import({"SECRET_KEY": "x" * 60, "ALLOWED_HOSTS": "example.org"})
    assert result.returncode != 0
    assert "REDIS_URL is required" in result.stderr and "SINGLE_PROCESS=yes" in result.stderr
    result = run_production_import({**PRODUCTION_ENV, "SINGLE_PROCESS": "no"})
    assert result.returncode != 0 and "REDIS_URL is required" in result.stderr


def test_production_starts_as_one_process_without_redis():
    result = run_production_import(PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
