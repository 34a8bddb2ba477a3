"""A staff session ends after STAFF_SESSION_IDLE_SECONDS without a request."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from procedures import roles

from .conftest import PASSWORD


@pytest.fixture
def editor_client(client, member):
    editor = member(roles.EDITORS)
    response = client.post(
        reverse("wagtailadmin_login"), {"username": editor.username, "password": PASSWORD}
    )
    assert response.status_code == 302
    return client


def is_login_redirect(response):
    return response.status_code == 302 and reverse("wagtailadmin_login") in response["Location"]


def test_an_idle_session_expires(editor_client, settings):
    settings.STAFF_SESSION_IDLE_SECONDS = 1800
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        assert editor_client.get("/admin/").status_code == 200
    with time_machine.travel(start + timedelta(minutes=31), tick=False):
        response = editor_client.get("/admin/")
        assert is_login_redirect(response)
        follow = editor_client.get(response["Location"])
        assert "Sesja wygasła po 30 min bez aktywności" in follow.text
        assert "_auth_user_id" not in editor_client.session


def test_activity_keeps_the_session(editor_client, settings):
    settings.STAFF_SESSION_IDLE_SECONDS = 1800
    start = timezone.now()
    for minutes in (0, 20, 40, 60, 80):
        with time_machine.travel(start + timedelta(minutes=minutes), tick=False):
            assert editor_client.get("/admin/").status_code == 200, minutes


def test_a_session_ends_after_the_maximum_however_active(editor_client, settings):
    settings.STAFF_SESSION_IDLE_SECONDS = 1800
    settings.STAFF_SESSION_MAX_SECONDS = 3600
    start = timezone.now()
    for minutes in (0, 25, 50):
        with time_machine.travel(start + timedelta(minutes=minutes), tick=False):
            assert editor_client.get("/admin/").status_code == 200
    with time_machine.travel(start + timedelta(minutes=65), tick=False):
        assert is_login_redirect(editor_client.get("/admin/"))


def test_the_call_center_session_expires_too(client, member, settings):
    agent = member(roles.CALL_CENTER)
    client.force_login(agent)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        assert client.get("/call-center/").status_code == 200
    with time_machine.travel(start + timedelta(minutes=31), tick=False):
        assert client.get("/call-center/").status_code in (302, 403)
        assert "_auth_user_id" not in client.session


def test_the_cookie_lasts_no_longer_than_a_working_day():
    from cms.settings import base

    assert base.SESSION_COOKIE_AGE == base.STAFF_SESSION_MAX_SECONDS <= 12 * 60 * 60
    assert base.STAFF_SESSION_IDLE_SECONDS == 30 * 60
