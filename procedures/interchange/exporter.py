"""Export of procedures to the interchange format, streamed one record at a time."""

import json

from procedures.models import ProcedurePage

from .files import DocumentDumper
from .mapping import dump_procedure


def procedures_for_export(codes=None, live=False):
    """Procedures in code order; ``live`` exports the published versions only."""
    queryset = ProcedurePage.objects.order_by("code")
    if codes:
        queryset = queryset.filter(code__in=codes)
    if live:
        queryset = queryset.live()
    return queryset


def iter_export(pages, *, with_restricted=False, documents=None, live=False):
    """Format-v1 dicts: the latest version of each procedure (drafts included) by default."""
    documents = documents or DocumentDumper()
    for page in pages.iterator(chunk_size=100):
        version = page if live else page.get_latest_revision_as_object()
        yield dump_procedure(version, with_restricted=with_restricted, documents=documents)


def write_json_array(records, write):
    """Write records as a JSON array through ``write(text)``, one record in memory at a time."""
    write("[")
    for position, record in enumerate(records):
        write(",\n" if position else "\n")
        write(json.dumps(record, ensure_ascii=False, indent=2))
    write("\n]\n")
