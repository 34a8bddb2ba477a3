"""Staff logins: lockout after repeated failures, two-factor codes, idle sessions.

- :mod:`.lockout` counts failed logins per account in the shared cache and refuses the
  account for a while after too many (``LOGIN_FAILURE_LIMIT``, ``LOGIN_LOCKOUT_SECONDS``);
  every failure is logged with the username and the client's address.
- :mod:`.two_factor` sends staff who publish, read restricted fields or manage users, and
  anyone who has set up a code generator, to enter a one-time code (TOTP, django-otp)
  before any admin page, Call Center page or private document is served.
- :mod:`.sessions` ends a staff session idle for ``STAFF_SESSION_IDLE_SECONDS`` and any
  session older than ``STAFF_SESSION_MAX_SECONDS``.
"""
