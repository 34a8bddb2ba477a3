"""Operators' commands: unlock an account, reset a lost phone, a demo account's code."""

from io import StringIO

from django.core.management import call_command
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from procedures import roles
from procedures.logins import lockout


def test_unlock_login_lifts_the_lock(client, member, settings):
    settings.LOGIN_FAILURE_LIMIT = 2
    member(roles.EDITORS, username="jan.kowalski")
    lockout.record_failure("jan.kowalski")
    lockout.record_failure("jan.kowalski")
    assert lockout.locked_until("jan.kowalski")
    out = StringIO()
    call_command("unlock_login", "jan.kowalski", stdout=out)
    assert "was locked" in out.getvalue()
    response = client.post(
        reverse("wagtailadmin_login"),
        {"username": "jan.kowalski", "password": "haslo-testowe-123"},
    )
    assert response.status_code == 302


def test_reset_two_factor_removes_the_devices(member):
    agent = member(roles.CALL_CENTER, username="agent1")
    TOTPDevice.objects.create(user=agent, name="telefon", confirmed=True)
    call_command("reset_two_factor", "agent1", stdout=StringIO())
    assert not TOTPDevice.objects.filter(user=agent).exists()


def test_demo_code_prints_the_current_code(member):
    agent = member(roles.CALL_CENTER, username="agent1")
    device = TOTPDevice.objects.create(user=agent, name="Demo", confirmed=True)
    out = StringIO()
    call_command("demo_code", "agent1", stdout=out)
    code = out.getvalue().strip()
    assert len(code) == 6 and code.isdigit()
    assert device.verify_token(code)
