"""Copying a procedure in the admin: the copy gets a code of its own.

A procedure's code is unique, so Wagtail's copy (which copies every field) used to fail
with a database error. Wagtail's copy view uses the page model's ``copy_form_class``:
:class:`ProcedureCopyForm` adds a required "Kod procedury" field, checked like the
editor's (format, not yet used), and drops the alias option (an alias would share the
code). :func:`copy_procedure_with_new_code`, a ``before_copy_page`` hook, performs a
valid copy with the new code; an invalid form falls through to Wagtail's view, which shows
the same form with its Polish errors.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from wagtail import hooks
from wagtail.actions.copy_page import CopyPageAction
from wagtail.admin import messages
from wagtail.admin.forms.pages import CopyForm
from wagtail.admin.utils import get_valid_next_url_from_request

from procedures.validators import validate_procedure_code


class ProcedureCopyForm(CopyForm):
    """Wagtail's copy form with the new procedure's code."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.pop("alias", None)
        self.fields["new_code"] = forms.CharField(
            label="Kod procedury",
            max_length=12,
            help_text=(
                f"Kopia to nowa procedura, więc potrzebuje własnego kodu (kopiowana ma "
                f"kod {self.page.specific_deferred.code}). Wpisz kod, którego nie ma "
                f"jeszcze żadna procedura, np. KA-01148."
            ),
        )

    def clean_new_code(self):
        code = self.cleaned_data["new_code"].strip().upper()
        validate_procedure_code(code)
        if self.page.specific_class.objects.filter(code=code).exists():
            raise ValidationError(
                "Kod procedury „%(code)s” ma już inna procedura. Wpisz kod, którego nie ma "
                "jeszcze żadna procedura.",
                code="duplicate_code",
                params={"code": code},
            )
        return code


def copy_procedure_with_new_code(request, page):
    """``before_copy_page``: copy a procedure under the code typed into the copy form.

    Wagtail's view copies only the new title and slug; for a procedure the code must change
    as well, in the same save. Anything but a valid POST is left to Wagtail's view.
    """
    if request.method != "POST":
        return None
    if getattr(page.specific_class, "copy_form_class", None) is not ProcedureCopyForm:
        return None
    form = ProcedureCopyForm(request.POST, page=page, user=request.user)
    if not form.is_valid():
        return None
    parent = form.cleaned_data["new_parent_page"] or page.get_parent()
    can_publish = parent.permissions_for_user(request.user).can_publish_subpage()
    new_page = CopyPageAction(
        page=page,
        to=parent,
        update_attrs={
            "title": form.cleaned_data["new_title"],
            "slug": form.cleaned_data["new_slug"],
            "code": form.cleaned_data["new_code"],
        },
        keep_live=bool(can_publish and form.cleaned_data.get("publish_copies")),
        user=request.user,
    ).execute()
    messages.success(
        request,
        f"Skopiowano procedurę „{page.title}” jako {new_page.specific.code}.",
        buttons=[
            messages.button(reverse("wagtailadmin_pages:edit", args=(new_page.id,)), "Edytuj")
        ],
    )
    for fn in hooks.get_hooks("after_copy_page"):
        result = fn(request, page, new_page)
        if hasattr(result, "status_code"):
            return result
    next_url = get_valid_next_url_from_request(request)
    return redirect(next_url) if next_url else redirect("wagtailadmin_explore", parent.id)
