from collections import Counter

from django.core.management.base import BaseCommand, CommandError

from procedures.workflow.update_requests import MONITORING_MAILBOX, MailSourceError, ingest


class Command(BaseCommand):
    help = (
        f"Files the update requests sent to {MONITORING_MAILBOX} (§ 11 ust. 2 of Order "
        "No. 734/2023) from a maildir, a folder of .eml files or one .eml file. A message "
        "naming no known procedure code is filed for assignment; one already filed "
        "(same Message-ID) is skipped. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="maildir (cur/, new/), folder of .eml files or .eml")
        parser.add_argument(
            "--dry-run", action="store_true", help="report what would be filed, write nothing"
        )

    def handle(self, *args, **options):
        dry_run = options["dry_run"]
        tally = Counter()
        try:
            for result in ingest(options["path"], dry_run=dry_run):
                tally[result.outcome] += 1
                stream = self.stderr if result.outcome == "error" else self.stdout
                stream.write(result.line)
        except MailSourceError as error:
            raise CommandError(str(error)) from error

        filed = tally["filed"] + tally["unassigned"]
        filed_label = "Wnioski do zarejestrowania" if dry_run else "Zarejestrowane wnioski"
        summary = (
            f"Wiadomości: {sum(tally.values())}. {filed_label}: {filed} "
            f"(w tym do przypisania: {tally['unassigned']}), już zarejestrowane: "
            f"{tally['duplicate']}, nieczytelne: {tally['error']}."
        )
        if dry_run:
            summary += " Próba (--dry-run): niczego nie zapisano."
        self.stdout.write(self.style.SUCCESS(summary) if not tally["error"] else summary)
