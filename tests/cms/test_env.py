"""Settings from the environment: understood values or a start-up error naming the variable."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from cms.settings.base import env_bool, env_choice, env_int, env_list
from tests.processes import PRODUCTION_ENV, run_python


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1", True),
        ("true", True),
        ("TRUE", True),
        ("Yes", True),
        ("on", True),
        (" on ", True),
        ("0", False),
        ("false", False),
        ("False", False),
        ("no", False),
        ("OFF", False),
    ],
)
def test_env_bool_accepts_the_documented_values(monkeypatch, value, expected):
    monkeypatch.setenv("LCKZM_FLAG", value)
    assert env_bool("LCKZM_FLAG", not expected) is expected


@pytest.mark.parametrize("value", ["maybe", "2", "tak", "y", "enabled", "-1"])
def test_env_bool_refuses_anything_else_naming_the_variable(monkeypatch, value):
    monkeypatch.setenv("LCKZM_FLAG", value)
    with pytest.raises(ImproperlyConfigured, match=f"LCKZM_FLAG='{value}'"):
        env_bool("LCKZM_FLAG", False)


def test_unset_or_empty_means_the_default(monkeypatch):
    monkeypatch.delenv("LCKZM_FLAG", raising=False)
    assert env_bool("LCKZM_FLAG", True) is True
    monkeypatch.setenv("LCKZM_FLAG", "")
    assert env_bool("LCKZM_FLAG", False) is False
    assert env_int("LCKZM_FLAG", 7) == 7
    assert env_list("LCKZM_FLAG", "a,b") == ["a", "b"]


def test_env_int(monkeypatch):
    monkeypatch.setenv("LCKZM_NUMBER", " 600 ")
    assert env_int("LCKZM_NUMBER", 60) == 600
    for value, message in [
        ("60s", "is not a whole number"),
        ("1.5", "is not a whole number"),
        ("-1", "below the minimum of 0"),
        ("101", "above the maximum of 100"),
    ]:
        monkeypatch.setenv("LCKZM_NUMBER", value)
        with pytest.raises(ImproperlyConfigured, match=f"LCKZM_NUMBER='{value}'.*{message}"):
            env_int("LCKZM_NUMBER", 60, maximum=100)


def test_env_list_and_choice(monkeypatch):
    monkeypatch.setenv("LCKZM_HOSTS", " a.example , b.example,, ")
    assert env_list("LCKZM_HOSTS") == ["a.example", "b.example"]
    monkeypatch.setenv("LCKZM_LEVEL", "warning")
    assert env_choice("LCKZM_LEVEL", "INFO", ["INFO", "WARNING"]) == "WARNING"
    monkeypatch.setenv("LCKZM_LEVEL", "loud")
    with pytest.raises(ImproperlyConfigured, match="LCKZM_LEVEL='loud' is not one of: INFO"):
        env_choice("LCKZM_LEVEL", "INFO", ["INFO", "WARNING"])


PRINT_SETTINGS = (
    "import cms.settings.production as s; "
    "print(s.SECURE_SSL_REDIRECT, s.MAILERS['default']['OPTIONS']['use_tls'], "
    "s.SECURE_HSTS_SECONDS, s.LOGGING['handlers']['console']['formatter'])"
)


def production(**extra):
    return run_python(PRINT_SETTINGS, {**PRODUCTION_ENV, **extra})


def test_production_reads_true_as_on():
    result = production(SECURE_SSL_REDIRECT="true", EMAIL_USE_TLS="yes", LOG_FORMAT="TEXT")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True", "31536000", "text"]


def test_production_defaults():
    result = production()
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "False", "31536000", "json"]


def test_production_reads_off():
    result = production(SECURE_SSL_REDIRECT="off", EMAIL_USE_TLS="0", SECURE_HSTS_SECONDS="0")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "False", "0", "json"]


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("SECURE_SSL_REDIRECT", "maybe"),
        ("EMAIL_USE_TLS", "tak"),
        ("EMAIL_PORT", "smtp"),
        ("SECURE_HSTS_SECONDS", "1y"),
        ("DB_CONN_MAX_AGE", "-5"),
        ("LOG_LEVEL", "chatty"),
        ("LOG_FORMAT", "xml"),
    ],
)
def test_production_refuses_a_value_it_does_not_understand(name, value):
    result = production(**{name: value})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert f"{name}={value!r}" in result.stderr


def test_production_refuses_empty_allowed_hosts():
    result = production(ALLOWED_HOSTS=" , ")
    assert result.returncode != 0
    assert "ALLOWED_HOSTS is required" in result.stderr
