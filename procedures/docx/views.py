"""The admin's Word views: "Pobierz jako Word", "Pusty wzór" and "Nowa procedura z pliku
Word" (upload, field-by-field report, link to the draft)."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from procedures.models import ProcedurePage
from procedures.models.permissions import editable_departments
from procedures.reading import private_response

from .exporting import empty_docx, export_docx, file_name
from .importing import MAX_BYTES, Report, import_docx, size_error

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
IMPORT_TITLE = "Nowa procedura z pliku Word"


def may_import(user):
    """Whether ``user`` may file procedures from Word: an editor of some department."""
    return user.is_active and editable_departments(user).exists()


def _attachment(data, name):
    response = HttpResponse(data, content_type=DOCX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    # The form may hold restricted fields: never stored by a browser or a shared cache.
    return private_response(response)


def export_view(request, page_id):
    """The procedure's latest version as a .docx, for whoever may edit it; the Call Center
    section only for those who may read restricted fields."""
    page = get_object_or_404(ProcedurePage, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return _attachment(export_docx(page, request.user), file_name(page))


def empty_view(request):
    """The empty form ("Pusty wzór") to fill in."""
    if not may_import(request.user):
        raise PermissionDenied
    return _attachment(empty_docx(request.user), "pusty-wzor-opisu-procedury.docx")


class ImportForm(forms.Form):
    file = forms.FileField(
        label="Plik Word (.docx)",
        help_text=(
            "Wypełniony wzór opisu procedury. Powstanie szkic – nic nie zostanie opublikowane. "
            f"Najwyżej {MAX_BYTES // 1024 // 1024} MB."
        ),
    )
    code = forms.CharField(
        label="Kod procedury do zaktualizowania",
        required=False,
        max_length=20,
        help_text="Puste: kod z pliku, a gdy go nie ma – nowa procedura.",
    )


class ImportView(WagtailAdminTemplateMixin, FormView):
    """Upload a filled form; the report (read / empty / not understood per field, the rules
    broken, files not found, text kept apart) and a link to the draft."""

    form_class = ImportForm
    template_name = "docx/import.html"
    page_title = IMPORT_TITLE
    header_icon = "doc-full"

    def dispatch(self, request, *args, **kwargs):
        if not may_import(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        if upload.size > MAX_BYTES:  # refused by its size, not read
            report = Report(file_name=upload.name, file_error=size_error(upload.name, upload.size))
        else:
            report = import_docx(
                upload.read(),
                upload.name,
                user=self.request.user,
                code=form.cleaned_data["code"].strip().upper() or None,
            )
        return self.render_to_response(self.get_context_data(form=self.form_class(), report=report))
