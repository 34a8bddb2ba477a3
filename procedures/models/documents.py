"""Documents attached to procedures, checked against the template's file rule."""

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.documents.models import AbstractDocument, Document

from procedures.validators import validate_document_file


class ProcedureDocument(AbstractDocument):
    """A file in the document library: a PDF, or a DOC/DOCX/RTF form to fill in.

    A different format is accepted only from a user who holds the Procedures Office's
    ``procedures.allow_other_file_format`` permission; the form sets
    ``allow_other_format`` from it before validation.
    """

    is_fillable_form = models.BooleanField(
        "Formularz do wypełnienia",
        default=False,
        help_text="Zaznacz dla formularzy, które mieszkaniec wypełnia (DOC, DOCX, RTF). "
        "Pozostałe dokumenty dodaje się jako PDF.",
    )

    admin_form_fields = (*Document.admin_form_fields, "is_fillable_form")

    allow_other_format = False

    class Meta(AbstractDocument.Meta):
        verbose_name = "dokument"
        verbose_name_plural = "dokumenty"
        permissions = [
            ("allow_other_file_format", "Może dodawać pliki w formacie innym niż PDF/DOC/DOCX/RTF"),
        ]

    def clean(self):
        super().clean()
        if self.file:
            try:
                validate_document_file(
                    self.file,
                    self.file.name,
                    is_form=self.is_fillable_form,
                    allow_other_format=self.allow_other_format,
                )
            except ValidationError as error:
                raise ValidationError({"file": error.messages}) from error
