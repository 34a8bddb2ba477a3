import json
import signal
import sys
from collections import Counter
from contextlib import contextmanager
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


@contextmanager
def stop_on_signals(importer, signals=(signal.SIGINT, signal.SIGTERM)):
    """SIGINT or SIGTERM asks ``importer`` to stop after its current record; a second one
    interrupts that record too (its transaction is rolled back). Yields a list that names
    the signal received, if any."""
    received = []

    def handle(signum, frame):
        if received:
            raise KeyboardInterrupt
        received.append(signal.Signals(signum).name)
        importer.stop()

    previous = {signum: signal.signal(signum, handle) for signum in signals}
    try:
        yield received
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


class Command(BaseCommand):
    help = (
        "Imports procedures from a JSON file in the interchange format (one object, an array, "
        'or {"procedures": [...]}). Upserts by code; bad records are reported and skipped. '
        "SIGINT/SIGTERM stop it after the current record; the report is written all the same."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="JSON file; file paths inside are relative to it")
        parser.add_argument(
            "--publish", action="store_true", help="publish each version (valid_from schedules)"
        )
        parser.add_argument("--dry-run", action="store_true", help="validate only, write nothing")
        parser.add_argument("--report", help="write a JSON report of every record's outcome")
        parser.add_argument("--user", help="username recorded as the author of the revisions")
        parser.add_argument(
            "--batch-size",
            type=int,
            default=Importer.batch_size,
            help=(
                "new procedures published together in one transaction (default "
                f"{Importer.batch_size}); a stop or kill loses at most the batch in progress"
            ),
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Nie ma pliku {path}.")
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"Nie ma użytkownika {options['user']}.")

        if options["batch_size"] < 1:
            raise CommandError("--batch-size musi być liczbą dodatnią.")
        importer = Importer(
            path.parent,
            publish=options["publish"],
            dry_run=options["dry_run"],
            user=user,
            batch_size=options["batch_size"],
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
        interrupted = False
        with stop_on_signals(importer) as received:
            try:
                importer.run(iter_records(path), progress=progress)
            except FileFormatError as error:
                file_error = str(error)
            except KeyboardInterrupt:
                interrupted = True  # a second signal: the record in progress was rolled back
        progress.finish()
        stopped_by = received[0] if received else ("SIGINT" if interrupted else None)

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
        if importer.repaired:
            self.stdout.write(
                f"Uzupełniono indeksy (odnośniki do dokumentów, wyszukiwarka) procedur bez "
                f"zmian: {importer.repaired}."
            )
        if stopped_by:
            self.stdout.write(
                f"PRZERWANO ({stopped_by}) po {len(outcomes)} rekordach: każdy z nich jest "
                "zapisany w całości albo wcale; pozostałych nie wczytano. Uruchom import "
                "ponownie, aby dokończyć."
            )
        if options["report"]:
            report = {
                "file": str(path),
                "dry_run": options["dry_run"],
                "publish": options["publish"],
                "file_error": file_error,
                "interrupted": bool(stopped_by),
                "stopped_by": stopped_by,
                "summary": dict(counts),
                "repaired_indexes": importer.repaired,
                "records": [outcome.as_dict() for outcome in outcomes],
            }
            Path(options["report"]).write_text(
                json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8"
            )
        if stopped_by:
            raise CommandError(
                f"Import przerwany ({stopped_by}).",
                returncode=128 + signal.Signals[stopped_by].value,
            )
        if file_error:
            raise CommandError(file_error)
        if counts["rejected"]:
            raise CommandError(f"Odrzucono rekordów: {counts['rejected']}.", returncode=1)
