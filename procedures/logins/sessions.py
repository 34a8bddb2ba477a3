"""Staff sessions end after a spell of inactivity, and after a working day at most.

``STAFF_SESSION_IDLE_SECONDS`` (default 1,800: 30 minutes) without a request ends the
session; so does ``STAFF_SESSION_MAX_SECONDS`` (default 43,200: 12 hours) after the login,
however active. The next request is anonymous: the admin and the Call Center send the
user to the login page with a Polish message. ``SESSION_COOKIE_AGE`` is the same maximum,
so the browser drops the cookie as well. The last activity is written to the session at
most once a minute, so reading pages does not write the session on every request.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout

LAST_ACTIVITY_KEY = "logins_last_activity"
STARTED_KEY = "logins_started"
#: The last activity is rewritten only when it is older than this (seconds).
ACTIVITY_RESOLUTION = 60


def idle_seconds():
    return getattr(settings, "STAFF_SESSION_IDLE_SECONDS", 30 * 60)


def max_seconds():
    return getattr(settings, "STAFF_SESSION_MAX_SECONDS", 12 * 60 * 60)


def start(session):
    """A new login: its age and its inactivity are counted from now."""
    now = int(time.time())
    session[STARTED_KEY] = now
    session[LAST_ACTIVITY_KEY] = now


class StaffSessionTimeoutMiddleware:
    """Log out a session idle too long or older than the maximum; else note the activity."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            self.check(request)
        return self.get_response(request)

    def check(self, request):
        session = request.session
        now = int(time.time())
        last = session.get(LAST_ACTIVITY_KEY)
        started = session.get(STARTED_KEY)
        if last is not None and now - last > idle_seconds():
            minutes = max(1, idle_seconds() // 60)
            logout(request)
            messages.info(
                request,
                f"Sesja wygasła po {minutes} min bez aktywności. Zaloguj się ponownie.",
            )
            return
        if started is not None and now - started > max_seconds():
            logout(request)
            messages.info(request, "Sesja wygasła. Zaloguj się ponownie.")
            return
        if started is None:
            session[STARTED_KEY] = now
        if last is None or now - last >= ACTIVITY_RESOLUTION:
            session[LAST_ACTIVITY_KEY] = now
