"""Throttling of failed logins, on Django's cache and its login signals.

Each failed login (Django's ``user_login_failed``) counts against the account's username,
whether or not such an account exists. After ``LOGIN_FAILURE_LIMIT`` failures within
``LOGIN_LOCKOUT_SECONDS`` the login form refuses that username, even with the right
password, until ``LOGIN_LOCKOUT_SECONDS`` after the last failure that locked it; a
successful login clears the count. The counts live in the shared cache (Redis in
production), so the limit holds across app servers; :func:`unlock` (``manage.py
unlock_login``) lifts a lock early.

The lock is per account, not per address: behind the city's proxy every client may share
one address, and a rotating address must not buy an attacker more guesses. Failures are
logged (logger ``procedures.logins``) with the username and the client's address, never
the password.
"""

import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger("procedures.logins")

DEFAULT_FAILURE_LIMIT = 5
DEFAULT_LOCKOUT_SECONDS = 15 * 60


def failure_limit():
    return getattr(settings, "LOGIN_FAILURE_LIMIT", DEFAULT_FAILURE_LIMIT)


def lockout_seconds():
    return getattr(settings, "LOGIN_LOCKOUT_SECONDS", DEFAULT_LOCKOUT_SECONDS)


def client_address(request):
    """The address the request came from, as the server saw it (for the logs)."""
    if request is None:
        return ""
    return request.META.get("REMOTE_ADDR", "")


def forwarded_for(request):
    """The proxy's ``X-Forwarded-For`` as received (logged beside the address, not trusted)."""
    if request is None:
        return ""
    return request.META.get("HTTP_X_FORWARDED_FOR", "")


def _account(username):
    """A cache key part for the username: case and surrounding spaces do not matter."""
    normalised = (username or "").strip().casefold()
    return hashlib.sha256(normalised.encode()).hexdigest()


def _failures_key(username):
    return f"logins:failures:{_account(username)}"


def _locked_key(username):
    return f"logins:locked-until:{_account(username)}"


def locked_until(username):
    """When the account's lock ends (a Unix time), or None when it is not locked."""
    until = cache.get(_locked_key(username))
    if until is None or until <= time.time():
        return None
    return until


def record_failure(username, request=None):
    """Count one failed login for ``username``; lock the account at the limit."""
    seconds = lockout_seconds()
    key = _failures_key(username)
    cache.add(key, 0, timeout=seconds)
    try:
        failures = cache.incr(key)
    except ValueError:  # the count expired between add and incr
        cache.set(key, 1, timeout=seconds)
        failures = 1
    locked = failures >= failure_limit()
    if locked:
        cache.set(_locked_key(username), time.time() + seconds, timeout=seconds)
    logger.warning(
        "Failed login for %r from %s (%d of %d%s)",
        username,
        client_address(request) or "unknown address",
        failures,
        failure_limit(),
        "; account locked" if locked else "",
        extra={
            "event": "login_failed",
            "username": username,
            "client_address": client_address(request),
            "forwarded_for": forwarded_for(request),
            "failures": failures,
            "locked": locked,
        },
    )
    return failures


def log_refused(username, request=None):
    """Log a login refused because the account is locked (the password was not checked)."""
    logger.warning(
        "Login refused for locked account %r from %s",
        username,
        client_address(request) or "unknown address",
        extra={
            "event": "login_locked",
            "username": username,
            "client_address": client_address(request),
            "forwarded_for": forwarded_for(request),
        },
    )


def unlock(username):
    """Lift the account's lock and forget its failures."""
    cache.delete_many([_failures_key(username), _locked_key(username)])


def forget_failures(username):
    """A successful login: the account's earlier failures no longer count."""
    cache.delete(_failures_key(username))
