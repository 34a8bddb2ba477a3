"""Documents for the Call Center tests: small real PDFs in the document library."""

from django.core.files.base import ContentFile

from procedures.models import ProcedureDocument
from tests.procedures import files


def make_document(name):
    """A saved PDF document titled and named after ``name``."""
    doc = ProcedureDocument(title=name)
    doc.file.save(f"{name}.pdf", ContentFile(files.PDF), save=False)
    doc.save()
    return doc
