import json
import sys
from collections import Counter
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from procedures.interchange.importer import (
    FileFormatError,
    Importer,
    Progress,
    count_records,
    iter_records,
)


class Command(BaseCommand):
    help = (
        "Imports procedures from a JSON file in the interchange format (one object, an array, "
        'or {"procedures": [...]}). Upserts by code; bad records are reported and skipped.'
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="JSON file; file paths inside are relative to it")
        parser.add_argument(
            "--publish", action="store_true", help="publish each version (valid_from schedules)"
        )
        parser.add_argument("--dry-run", action="store_true", help="validate only, write nothing")
        parser.add_argument("--report", help="write a JSON report of every record's outcome")
        parser.add_argument("--user", help="username recorded as the author of the revisions")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Nie ma pliku {path}.")
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"Nie ma użytkownika {options['user']}.")

        importer = Importer(
            path.parent, publish=options["publish"], dry_run=options["dry_run"], user=user
        )
        is_terminal = sys.stderr.isatty()
        file_error = None
        total = None
        if is_terminal:
            try:
                total = count_records(path)
            except FileFormatError:
                total = None  # reported below by the import itself
        progress = Progress(self.stderr, is_terminal=is_terminal, total=total)
        try:
            importer.run(iter_records(path), progress=progress)
        except FileFormatError as error:
            file_error = str(error)
        progress.finish()

        outcomes = importer.outcomes
        for outcome in outcomes:
            for path_, message in outcome.errors:
                self.stdout.write(
                    f"ODRZUCONO rekord {outcome.index} ({outcome.code or 'bez kodu'}) "
                    f"{path_}: {message}"
                )
            for warning in outcome.warnings:
                self.stdout.write(f"UWAGA {outcome.code}: {warning}")
        counts = Counter(outcome.status for outcome in outcomes)
        prefix = "Próba (nic nie zapisano): " if options["dry_run"] else ""
        self.stdout.write(
            f"{prefix}nowe {counts['created']}, zmienione {counts['updated']}, "
            f"bez zmian {counts['unchanged']}, odrzucone {counts['rejected']}."
        )
        if options["report"]:
            report = {
                "file": str(path),
                "dry_run": options["dry_run"],
                "publish": options["publish"],
                "file_error": file_error,
                "summary": dict(counts),
                "records": [outcome.as_dict() for outcome in outcomes],
            }
            Path(options["report"]).write_text(
                json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8"
            )
        if file_error:
            raise CommandError(file_error)
        if counts["rejected"]:
            raise CommandError(f"Odrzucono rekordów: {counts['rejected']}.", returncode=1)
