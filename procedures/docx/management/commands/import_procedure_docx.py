from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from procedures.docx.importing import import_docx


class Command(BaseCommand):
    help = (
        "Imports a filled Word form as a draft (never published) and prints the field-by-field "
        "report. --code updates that procedure with a new draft revision."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the filled .docx form")
        parser.add_argument("--code", help="the procedure to update, e.g. KA-01147")
        parser.add_argument("--user", help="username recorded as the author of the revision")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Nie ma pliku {path}.")
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"Nie ma użytkownika {options['user']}.")
        report = import_docx(path.read_bytes(), path.name, user=user, code=options["code"])
        for line in report.lines():
            self.stdout.write(line)
        if not report.saved:
            raise CommandError(report.summary())
