"""The admin's login form (``WAGTAILADMIN_USER_LOGIN_FORM``) and the one-time code form."""

from datetime import UTC, datetime

from django import forms
from django.utils import timezone
from wagtail.admin.forms.auth import LoginForm

from procedures.logins import lockout


class StaffLoginForm(LoginForm):
    """Wagtail's login form, refusing an account locked after repeated failures.

    Its password field is labelled "Hasło": Wagtail's form gives it no label, so Django
    would show the field's name, "Password".
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = "Hasło"

    def clean(self):
        username = self.cleaned_data.get("username")
        until = lockout.locked_until(username) if username else None
        if until is not None:
            lockout.log_refused(username, self.request)
            local = timezone.localtime(datetime.fromtimestamp(until, UTC))
            raise forms.ValidationError(
                "Po %(limit)d nieudanych próbach logowania konto „%(username)s” jest "
                "zablokowane do %(time)s. Spróbuj ponownie po tej godzinie albo poproś "
                "administratora o odblokowanie konta.",
                code="locked",
                params={
                    "limit": lockout.failure_limit(),
                    "username": username,
                    "time": local.strftime("%H:%M"),
                },
            )
        return super().clean()


class OneTimeCodeForm(forms.Form):
    """The six-digit code from the staff member's authenticator app."""

    code = forms.CharField(
        label="Kod z aplikacji uwierzytelniającej",
        max_length=8,
        help_text="Sześć cyfr, które aplikacja pokazuje teraz (zmieniają się co 30 sekund).",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": ""}
        ),
        error_messages={"required": "Wpisz kod z aplikacji uwierzytelniającej."},
    )

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        if not (code.isdigit() and len(code) == 6):
            raise forms.ValidationError(
                "Kod to sześć cyfr z aplikacji uwierzytelniającej, np. 123456.", code="format"
            )
        return code
