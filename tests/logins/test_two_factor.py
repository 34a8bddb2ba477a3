"""Moderators, agents, heads and administrators enter a one-time code before the admin,
the Call Center and private documents; department editors may, but need not."""

import re
import time
from base64 import b32decode
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from procedures import roles

from .conftest import PASSWORD

pytestmark = pytest.mark.usefixtures("two_factor_required")

VERIFY_URL = reverse("logins_two_factor")
PROTECTED = ["/admin/", "/admin/pages/", "/call-center/"]


def log_in(client, user):
    """A real password login through the admin's form (no second factor yet)."""
    response = client.post(
        reverse("wagtailadmin_login"), {"username": user.username, "password": PASSWORD}
    )
    assert response.status_code == 302, response.text
    return response


def code_for(secret_base32):
    """The code an authenticator app shows now for this base32 secret (RFC 6238)."""
    return f"{TOTP(b32decode(secret_base32.replace(' ', ''))).token():06d}"


def code_of(device):
    return f"{TOTP(device.bin_key, device.step, device.t0, device.digits).token():06d}"


def sends_to_verification(response):
    return response.status_code == 302 and urlsplit(response["Location"]).path == VERIFY_URL


@pytest.fixture(
    params=[
        roles.MODERATORS,
        roles.CALL_CENTER,
        roles.CALL_CENTER_HEADS,
        roles.PROCEDURES_OFFICE_HEADS,
        "superuser",
    ]
)
def privileged(request, member):
    if request.param == "superuser":
        return member(is_superuser=True)
    return member(request.param)


def test_a_password_alone_opens_no_admin_or_call_center_page(client, privileged):
    log_in(client, privileged)
    for path in PROTECTED:
        response = client.get(path)
        assert sends_to_verification(response), (path, response.status_code)


def test_setting_up_an_app_with_a_real_code_opens_the_admin(client, member):
    moderator = member(roles.MODERATORS)
    log_in(client, moderator)
    response = client.get("/call-center/", follow=True)
    assert response.redirect_chain[-1][0].startswith(VERIFY_URL)
    page = response.text
    assert "Weryfikacja dwuetapowa" in page
    assert "<svg" in page  # the QR code
    secret = re.search(r"<code>([A-Z2-7 ]+)</code>", page).group(1)
    device = TOTPDevice.objects.get(user=moderator)
    assert not device.confirmed

    response = client.post(VERIFY_URL, {"code": code_for(secret), "next": "/call-center/"})
    assert response.status_code == 302
    assert response["Location"] == "/call-center/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/call-center/").status_code == 200
    assert client.get("/admin/").status_code == 200


def test_a_confirmed_device_asks_for_its_code(client, member):
    agent = member(roles.CALL_CENTER)
    device = TOTPDevice.objects.create(user=agent, name="telefon", confirmed=True)
    log_in(client, agent)
    response = client.get(VERIFY_URL)
    assert "<svg" not in response.text  # no new secret for a confirmed device

    response = client.post(VERIFY_URL, {"code": "000000"})
    assert response.status_code == 200
    assert "Kod jest nieprawidłowy albo już wygasł" in response.text
    assert sends_to_verification(client.get("/call-center/"))

    device.throttle_reset()
    response = client.post(VERIFY_URL, {"code": code_of(device), "next": "/admin/"})
    assert response["Location"] == "/admin/"
    assert client.get("/call-center/").status_code == 200


def test_a_code_is_not_accepted_twice(client, member):
    agent = member(roles.CALL_CENTER)
    device = TOTPDevice.objects.create(user=agent, name="telefon", confirmed=True)
    code = code_of(device)
    log_in(client, agent)
    assert client.post(VERIFY_URL, {"code": code}).status_code == 302

    other = type(client)()
    log_in(other, agent)
    response = other.post(VERIFY_URL, {"code": code})
    assert response.status_code == 200
    assert sends_to_verification(other.get("/admin/"))


def test_a_department_editor_needs_no_code(client, member):
    editor = member(roles.EDITORS)
    log_in(client, editor)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/pages/").status_code == 200


def test_an_editor_who_set_up_a_device_is_asked_for_it(client, member):
    editor = member(roles.EDITORS)
    TOTPDevice.objects.create(user=editor, name="telefon", confirmed=True)
    log_in(client, editor)
    assert sends_to_verification(client.get("/admin/"))


def test_private_documents_wait_for_the_code(client, member):
    moderator = member(roles.MODERATORS)
    log_in(client, moderator)
    assert sends_to_verification(client.get("/documents/1/wniosek.pdf"))


def test_the_next_address_never_leaves_the_site(client, member):
    agent = member(roles.CALL_CENTER)
    device = TOTPDevice.objects.create(user=agent, name="telefon", confirmed=True)
    log_in(client, agent)
    response = client.post(VERIFY_URL, {"code": code_of(device), "next": "https://evil.example/"})
    assert response["Location"] == reverse("wagtailadmin_home")


def test_off_in_test_settings_only():
    """cms.settings.test turns the requirement off; every other settings module has it on."""
    from cms.settings import base, dev

    assert base.STAFF_TWO_FACTOR_REQUIRED is True
    assert dev.STAFF_TWO_FACTOR_REQUIRED is True


def test_codes_are_checked_against_the_clock(client, member):
    """A code from two minutes ago is refused (the app's code changes every 30 s)."""
    agent = member(roles.CALL_CENTER)
    device = TOTPDevice.objects.create(user=agent, name="telefon", confirmed=True)
    old = TOTP(device.bin_key, device.step, device.t0, device.digits)
    old.time = time.time() - 120
    log_in(client, agent)
    response = client.post(VERIFY_URL, {"code": f"{old.token():06d}"})
    assert response.status_code == 200
    assert sends_to_verification(client.get("/admin/"))
