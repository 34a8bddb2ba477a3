"""The login page (each role to its start page) and the one-time code page: set up an
authenticator app, or enter its code.

A user with no confirmed device gets a TOTP device (django-otp) kept unconfirmed until its
first code is entered, shown as a QR code, the secret and the ``otpauth://`` address; a
user with one is asked for its code. A right code marks the session verified
(``django_otp.login``) and returns to the page asked for. Wrong codes are throttled by
django-otp (1, 2, 4 … seconds between tries) and logged.
"""

import logging

import segno
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.views.account import LoginView

from procedures.homes import home_url_for
from procedures.logins.forms import OneTimeCodeForm
from procedures.logins.lockout import client_address
from procedures.logins.two_factor import is_verified, requires_two_factor, secret_of

logger = logging.getLogger("procedures.logins")

DEVICE_NAME = "Aplikacja uwierzytelniająca"


def _device(user):
    """The user's confirmed TOTP device, else the one being set up (created on first use)."""
    confirmed = TOTPDevice.objects.devices_for_user(user, confirmed=True).first()
    if confirmed is not None:
        return confirmed
    pending = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    if pending is None:
        pending = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return pending


def _next_url(request):
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse("wagtailadmin_home")


def _format_secret(device):
    """The base32 secret in groups of four, as authenticator apps show it."""
    secret = secret_of(device)
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def two_factor(request):
    """Set up or enter the one-time code; on success, back to ``next``."""
    user = request.user
    device = _device(user)
    next_url = _next_url(request)
    if request.method == "POST":
        form = OneTimeCodeForm(request.POST)
        if form.is_valid():
            allowed, details = device.verify_is_allowed()
            if not allowed:
                form.add_error(
                    "code",
                    "Za dużo błędnych kodów z rzędu. Odczekaj chwilę i wpisz kod, który "
                    "aplikacja pokaże wtedy.",
                )
            elif device.verify_token(form.cleaned_data["code"]):
                if not device.confirmed:
                    device.confirmed = True
                    device.save(update_fields=["confirmed"])
                    messages.success(request, "Weryfikacja dwuetapowa jest włączona.")
                otp_login(request, device)
                logger.info(
                    "Two-factor login confirmed for %r from %s",
                    user.get_username(),
                    client_address(request),
                )
                return redirect(next_url)
            else:
                logger.warning(
                    "Wrong one-time code for %r from %s",
                    user.get_username(),
                    client_address(request),
                    extra={"event": "otp_failed", "username": user.get_username()},
                )
                form.add_error(
                    "code",
                    "Kod jest nieprawidłowy albo już wygasł. Wpisz kod, który aplikacja "
                    "pokazuje teraz.",
                )
    else:
        form = OneTimeCodeForm()
    context = {
        "form": form,
        "next": next_url,
        "setting_up": not device.confirmed,
        "required": requires_two_factor(user),
        "verified": is_verified(user),
    }
    if not device.confirmed:
        context["qr_code"] = segno.make(device.config_url, error="m").svg_inline(
            scale=5, title="Kod QR do aplikacji uwierzytelniającej"
        )
        context["secret"] = _format_secret(device)
        context["config_url"] = device.config_url
    return TemplateResponse(request, "logins/two_factor.html", context)


class StaffLoginView(LoginView):
    """Wagtail's login page, sending each role to its own start page (``home_url_for``):
    agents to the Call Center, everyone else to the dashboard. An explicit ``next`` other
    than the dashboard is kept; the two-factor step, when due, comes on the way there."""

    def get_success_url(self):
        url = self.get_redirect_url()
        if url and url != reverse("wagtailadmin_home"):
            return url
        return home_url_for(self.request.user)
