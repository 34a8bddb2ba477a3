"""Two-factor logins: who must enter a one-time code, and the middleware that asks for it.

Order No. 734/2023 leaves publishing to the Procedures Office and the ``*`` fields to the
Call Center: an account that can do either (or grant itself either) is worth more than a
password. :func:`requires_two_factor` is true for

- superusers;
- members of the groups in :data:`procedures.roles.TWO_FACTOR_GROUPS` (moderators, Call
  Center agents, both Kierownictwo groups);
- anyone who may publish pages, read restricted fields or "Inne*", or manage users and
  groups, whatever group gives them that;
- anyone who has set up a code generator of their own accord (optional for department
  editors, but once set up it is asked for).

Such a user who logged in with a password only is sent by :class:`RequireTwoFactorMiddleware`
to ``/admin/weryfikacja-dwuetapowa/`` (set up a TOTP app from a QR code, or enter its code)
before any admin page, Call Center page or non-public document is served. django-otp's
``OTPMiddleware`` marks a session verified; this middleware must come after it.

``STAFF_TWO_FACTOR_REQUIRED`` (on by default, development included) turns the requirement
off; ``cms.settings.test`` does, so tests that log in with ``force_login`` work as before,
and the two-factor tests turn it on.
"""

from base64 import b32encode
from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import Page
from wagtail.permissions import policy_registry

from procedures import roles

#: Paths served only to a verified session of a user who needs a second factor.
PROTECTED_PREFIXES = ("/admin/", "/call-center/", "/documents/")

#: Permissions that make an account need a second factor (besides the page "publish").
SENSITIVE_PERMISSIONS = (
    "procedures.change_restricted_fields",
    "procedures.change_cc_other",
    "auth.add_user",
    "auth.change_user",
    "auth.change_group",
)

VERIFY_URL_NAME = "logins_two_factor"


def enforced():
    return getattr(settings, "STAFF_TWO_FACTOR_REQUIRED", True)


def requires_two_factor(user):
    """True when ``user`` must confirm a login with a one-time code (see module docstring)."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    if user.groups.filter(name__in=roles.TWO_FACTOR_GROUPS).exists():
        return True
    if any(user.has_perm(permission) for permission in SENSITIVE_PERMISSIONS):
        return True
    if policy_registry.get_by_type(Page).user_has_permission(user, "publish"):
        return True
    return user_has_device(user, confirmed=True)


def is_verified(user):
    """True when this session's login was confirmed with a one-time code."""
    return bool(getattr(user, "is_verified", None) and user.is_verified())


def secret_of(device):
    """The device's secret in base32, as authenticator apps take it."""
    return b32encode(device.bin_key).decode()


def demo_device(user):
    """The user's confirmed TOTP device, created when missing (``seed_demo`` only)."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Demo", confirmed=True)
    return device


def _exempt_paths():
    return {
        reverse(VERIFY_URL_NAME),
        reverse("wagtailadmin_login"),
        reverse("wagtailadmin_logout"),
    }


class RequireTwoFactorMiddleware:
    """Redirect an unverified session of a user who needs a second factor to the code page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            enforced()
            and request.path.startswith(PROTECTED_PREFIXES)
            and request.path not in _exempt_paths()
            and request.user.is_authenticated
            and not is_verified(request.user)
            and requires_two_factor(request.user)
        ):
            return redirect(
                f"{reverse(VERIFY_URL_NAME)}?{urlencode({'next': request.get_full_path()})}"
            )
        return self.get_response(request)
