import signal
import time

from django.core.management.base import BaseCommand

from procedures.scheduling import run_once


class Command(BaseCommand):
    help = (
        'Runs "Obowiązuje od/do" state changes: publishes versions whose time has come and '
        "unpublishes expired procedures, every --interval seconds until stopped."
    )

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=30.0)
        parser.add_argument("--once", action="store_true", help="one round, then exit")

    def handle(self, *args, **options):
        self.running = True
        signal.signal(signal.SIGTERM, self.stop)
        while self.running:
            try:
                published, unpublished = run_once()
            except Exception as error:  # keep the worker alive; the next round retries
                self.stderr.write(f"Błąd harmonogramu: {error}")
            else:
                if published or unpublished or options["once"]:
                    self.stdout.write(
                        f"Opublikowano wersji: {published}, wycofano procedur: {unpublished}."
                    )
            if options["once"]:
                break
            time.sleep(options["interval"])

    def stop(self, *args):
        self.running = False
