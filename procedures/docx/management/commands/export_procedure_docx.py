from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from procedures.docx.exporting import empty_docx, export_docx
from procedures.models import ProcedurePage


class Command(BaseCommand):
    help = (
        "Writes a procedure (its latest version, drafts included) as a Word document laid out "
        "as the order's template, or with --empty the empty form to fill in."
    )

    def add_arguments(self, parser):
        parser.add_argument("--code", help="the procedure's code, e.g. KA-01147")
        parser.add_argument("--empty", action="store_true", help="the empty form ('Pusty wzór')")
        parser.add_argument(
            "--without-restricted",
            action="store_true",
            help="leave out the Call Center section (fields marked *), as for a department editor",
        )
        parser.add_argument("--out", required=True, help="the .docx file to write")

    def handle(self, *args, **options):
        with_restricted = not options["without_restricted"]
        if options["empty"]:
            data = empty_docx(with_restricted=with_restricted)
        else:
            if not options["code"]:
                raise CommandError("Podaj --code procedury albo --empty.")
            page = ProcedurePage.objects.filter(code=options["code"]).first()
            if page is None:
                raise CommandError(f"Nie ma procedury o kodzie {options['code']}.")
            data = export_docx(page, with_restricted=with_restricted)
        Path(options["out"]).write_bytes(data)
        self.stdout.write(f"Zapisano {options['out']} ({len(data) / 1024:.0f} KB).")
