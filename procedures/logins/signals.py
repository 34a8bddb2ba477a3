"""Login signals: count failures (lockout), start the session clock (sessions)."""

from django.contrib.auth.signals import user_logged_in, user_login_failed

from procedures.logins import lockout, sessions


def _on_login_failed(sender, credentials, request=None, **kwargs):
    # Django masks the password in ``credentials``; only the username is used.
    lockout.record_failure(credentials.get("username", ""), request)


def _on_logged_in(sender, request, user, **kwargs):
    lockout.forget_failures(user.get_username())
    if request is not None and hasattr(request, "session"):
        sessions.start(request.session)


def connect():
    user_login_failed.connect(_on_login_failed, dispatch_uid="procedures.logins.failed")
    user_logged_in.connect(_on_logged_in, dispatch_uid="procedures.logins.logged_in")
