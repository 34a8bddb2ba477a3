"""``seed_demo`` (accounts with published passwords) never runs under production settings."""

import os
import subprocess
import sys

import pytest
from django.conf import settings as django_settings
from django.core.management import CommandError, call_command


def test_seed_demo_refuses_without_demo_data_allowed(settings, db):
    settings.DEMO_DATA_ALLOWED = False
    with pytest.raises(CommandError, match="nie działa z ustawieniami produkcyjnymi"):
        call_command("seed_demo")


def test_demo_code_refuses_without_demo_data_allowed(settings, db):
    settings.DEMO_DATA_ALLOWED = False
    with pytest.raises(CommandError, match="tylko na danych demonstracyjnych"):
        call_command("demo_code", "admin")


def test_seed_demo_exits_non_zero_under_production_settings(tmp_path):
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))},
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "x" * 60,
        "ALLOWED_HOSTS": "procedury.example",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'production.sqlite3'}",
        "REDIS_URL": "redis://127.0.0.1:6379/15",
        "LOG_FORMAT": "text",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "seed_demo"],
        cwd=django_settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0
    assert "seed_demo nie działa z ustawieniami produkcyjnymi" in result.stderr
