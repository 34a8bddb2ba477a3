"""Documents for the Call Center tests: small real PDFs in the document library."""

from django.core.files.base import ContentFile

from procedures.models import ProcedureDocument, ProcedurePage
from tests.pdf import one_page_pdf


def text_marker(doc):
    """The marker printed in the PDF of a document made by :func:`make_document`."""
    return f"ZASTRZ-TRESC-{doc.title}"


def make_document(name):
    """A saved one-page PDF titled and named after ``name``, printing ``text_marker``."""
    doc = ProcedureDocument(title=name)
    doc.file.save(f"{name}.pdf", ContentFile(one_page_pdf([text_marker(doc)])), save=False)
    doc._set_document_file_metadata()
    doc.save()
    return doc


def publish(page, **changes):
    """Publish ``page`` with ``changes`` through a revision; the page read back."""
    for field, value in changes.items():
        setattr(page, field, value)
    page.save_revision().publish()
    return ProcedurePage.objects.get(pk=page.pk)


def document_link(doc):
    """Rich text linking ``doc``, as the editor's document chooser writes it."""
    return f'<p>Zobacz <a linktype="document" id="{doc.pk}">plik</a>.</p>'
