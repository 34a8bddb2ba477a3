from pathlib import Path

from django.core.management.base import BaseCommand

from procedures.interchange.exporter import iter_export, procedures_for_export, write_json_array
from procedures.interchange.files import DocumentDumper


class Command(BaseCommand):
    help = (
        "Exports procedures as a JSON array in the interchange format. To stdout, documents "
        "are download URLs; with --out they are copied beside the file (a restorable backup)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--code", action="append", help="only this code (repeatable)")
        parser.add_argument(
            "--with-restricted", action="store_true", help="include the fields marked *"
        )
        parser.add_argument("--live", action="store_true", help="published versions only")
        parser.add_argument("--out", help="write to this file instead of stdout")

    def handle(self, *args, **options):
        pages = procedures_for_export(options["code"], live=options["live"])
        if options["out"]:
            out = Path(options["out"])
            documents = DocumentDumper(out.parent / f"{out.stem}_files", relative_to=out.parent)
            stream = out.open("w", encoding="utf-8")
            write = stream.write
        else:
            documents, stream = DocumentDumper(), None
            write = lambda text: self.stdout.write(text, ending="")  # noqa: E731
        try:
            write_json_array(
                iter_export(
                    pages,
                    with_restricted=options["with_restricted"],
                    documents=documents,
                    live=options["live"],
                ),
                write,
            )
        finally:
            if stream is not None:
                stream.close()
