"""Repeated failed logins lock the account, with a Polish message; failures are logged."""

import logging
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from procedures import roles

from .conftest import PASSWORD

LOGIN_URL = reverse("wagtailadmin_login")
LOCKED = "jest zablokowane do"


def log_in(client, username, password):
    return client.post(LOGIN_URL, {"username": username, "password": password})


def logged_in(client):
    return "_auth_user_id" in client.session


@pytest.fixture
def editor(member):
    return member(roles.EDITORS, username="jan.kowalski")


def test_thirty_wrong_passwords_lock_the_account(client, editor, settings):
    settings.LOGIN_FAILURE_LIMIT = 5
    answers = [log_in(client, "jan.kowalski", f"zle-haslo-{n}").text for n in range(30)]
    assert not any(LOCKED in text for text in answers[:5])
    assert all(LOCKED in text for text in answers[5:])
    assert "Po 5 nieudanych próbach logowania konto „jan.kowalski”" in answers[-1]

    # Locked: even the right password does not open it.
    response = log_in(client, "jan.kowalski", PASSWORD)
    assert response.status_code == 200
    assert LOCKED in response.text
    assert not logged_in(client)


def test_the_lock_ends_after_the_lockout_time(client, editor, settings):
    settings.LOGIN_FAILURE_LIMIT = 3
    settings.LOGIN_LOCKOUT_SECONDS = 900
    for n in range(3):
        log_in(client, "jan.kowalski", f"zle-haslo-{n}")
    assert LOCKED in log_in(client, "jan.kowalski", PASSWORD).text
    with time_machine.travel(timezone.now() + timedelta(seconds=901)):
        response = log_in(client, "jan.kowalski", PASSWORD)
        assert response.status_code == 302
        assert logged_in(client)


def test_the_lock_does_not_depend_on_case_or_address(client, editor, settings):
    settings.LOGIN_FAILURE_LIMIT = 3
    for n, address in enumerate(["10.0.0.1", "10.0.0.2", "10.0.0.3"]):
        client.post(
            LOGIN_URL,
            {"username": "Jan.Kowalski", "password": f"zle-{n}"},
            REMOTE_ADDR=address,
        )
    response = client.post(
        LOGIN_URL, {"username": "jan.kowalski", "password": PASSWORD}, REMOTE_ADDR="10.0.0.9"
    )
    assert LOCKED in response.text
    assert not logged_in(client)


def test_a_successful_login_clears_earlier_failures(client, editor, settings):
    settings.LOGIN_FAILURE_LIMIT = 3
    log_in(client, "jan.kowalski", "zle-1")
    log_in(client, "jan.kowalski", "zle-2")
    assert log_in(client, "jan.kowalski", PASSWORD).status_code == 302
    client.logout()
    log_in(client, "jan.kowalski", "zle-3")
    log_in(client, "jan.kowalski", "zle-4")
    assert log_in(client, "jan.kowalski", PASSWORD).status_code == 302


def test_failed_logins_are_logged_without_the_password(client, editor, caplog):
    with caplog.at_level(logging.WARNING, logger="procedures.logins"):
        client.post(
            LOGIN_URL,
            {"username": "jan.kowalski", "password": "tajne-zle-haslo"},
            REMOTE_ADDR="192.0.2.7",
        )
    messages = [record.getMessage() for record in caplog.records]
    assert len(messages) == 1
    assert "jan.kowalski" in messages[0]
    assert "192.0.2.7" in messages[0]
    assert "tajne-zle-haslo" not in caplog.text


def test_unknown_usernames_are_counted_and_locked_alike(client, db, settings):
    settings.LOGIN_FAILURE_LIMIT = 2
    log_in(client, "nie-ma-takiego", "x")
    log_in(client, "nie-ma-takiego", "y")
    assert LOCKED in log_in(client, "nie-ma-takiego", "z").text
