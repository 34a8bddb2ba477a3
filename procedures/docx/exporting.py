"""A procedure, or the empty form, as a Word document for a given reader."""

from procedures.interchange.mapping import dump_procedure
from procedures.models import ProcedurePage
from procedures.reading import can_read_restricted

from .writer import write_document


class DocumentNames:
    """Documents named in the form by their file name (matched again on import)."""

    @staticmethod
    def reference(document):
        return document.file.name.rsplit("/", 1)[-1] if document else None


def procedure_record(page, *, with_restricted):
    """The interchange record of the latest version of ``page`` (drafts included), with the
    restricted keys only ``with_restricted``; documents by file name."""
    version = page.get_latest_revision_as_object()
    # A staff form, not a public output: every related procedure is named, internal ones
    # too, as the admin's form shows them (the import would otherwise drop those links).
    linked = {link.procedure_id for link in version.related_procedures.all()}
    return dump_procedure(
        version, with_restricted=with_restricted, documents=DocumentNames, public_ids=linked
    )


def export_docx(page, user=None, *, with_restricted=None):
    """The ``.docx`` bytes of ``page`` for ``user``: the Call Center section only for those
    who may read restricted fields (``with_restricted`` decides when there is no user)."""
    if with_restricted is None:
        with_restricted = user is None or can_read_restricted(user)
    record = procedure_record(page, with_restricted=with_restricted)
    titles = dict(
        ProcedurePage.objects.filter(code__in=record.get("related_procedures") or []).values_list(
            "code", "title"
        )
    )
    return write_document(record, titles=titles, with_restricted=with_restricted)


def empty_docx(user=None, *, with_restricted=None):
    """The empty form ("Pusty wzór") to fill in."""
    if with_restricted is None:
        with_restricted = user is None or can_read_restricted(user)
    return write_document({}, with_restricted=with_restricted)


def file_name(page):
    """``KA-01147.docx``, or the slug for a draft without a code."""
    return f"{page.code or page.slug or 'procedura'}.docx"
