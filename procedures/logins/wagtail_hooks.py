"""Admin wiring: the one-time code page and its entry in the account menu."""

from django.urls import path, reverse
from wagtail import hooks

from procedures.logins import views
from procedures.logins.two_factor import VERIFY_URL_NAME


@hooks.register("register_admin_urls")
def register_two_factor_url():
    return [path("weryfikacja-dwuetapowa/", views.two_factor, name=VERIFY_URL_NAME)]


@hooks.register("register_account_menu_item")
def two_factor_account_menu_item(request):
    """On "Konto": a department editor may switch two-factor logins on of their own accord."""
    return {
        "url": reverse(VERIFY_URL_NAME),
        "label": "Weryfikacja dwuetapowa",
        "help_text": "Logowanie z kodem z aplikacji uwierzytelniającej w telefonie.",
    }
