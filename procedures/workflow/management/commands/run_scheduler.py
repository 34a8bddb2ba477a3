import logging
import os
import signal
import threading
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from procedures.models import SchedulerHeartbeat
from procedures.workflow.scheduling import run_once, run_round_hooks

logger = logging.getLogger("procedures.scheduler")


def close_old_connections():
    """Django's ``close_old_connections()``, as run around each request: drop every
    connection that broke (a database restart) or outlived ``CONN_MAX_AGE``, so the next
    query connects afresh. A connection inside a caller's transaction (``call_command``
    in an atomic block, a test) is left alone: closing it would end that transaction."""
    for connection in connections.all(initialized_only=True):
        if not connection.in_atomic_block:
            connection.close_if_unusable_or_obsolete()


class Command(BaseCommand):
    help = (
        'Runs "Obowiązuje od/do" state changes: publishes versions whose time has come and '
        "unpublishes expired procedures, every --interval seconds until stopped (SIGTERM). "
        "Each round opens a fresh database connection when the old one broke, so a database "
        "restart costs only the rounds it lasts; a failed round is logged with its traceback "
        "and the next one retries. After each successful round the heartbeat "
        "(procedures.SchedulerHeartbeat, read by /readyz/) is recorded. The process exits "
        "with status 1 after --max-failures failed rounds in a row or --max-silence seconds "
        "without a successful round, so that its supervisor (systemd Restart=on-failure, "
        "honcho) sees the failure instead of a live process doing nothing. With --once: one "
        "round, status 1 if it failed (for cron)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval", type=float, default=30.0, help="seconds between rounds (default 30)"
        )
        parser.add_argument("--once", action="store_true", help="one round, then exit")
        parser.add_argument(
            "--max-failures",
            type=int,
            default=10,
            help="exit with status 1 after this many failed rounds in a row (default 10; 0: never)",
        )
        parser.add_argument(
            "--max-silence",
            type=float,
            default=600.0,
            help=(
                "exit with status 1 when no round has succeeded for this many seconds, counted "
                "from the start or the last success (default 600; 0: never)"
            ),
        )

    def handle(self, *args, **options):
        self.stopping = threading.Event()
        signal.signal(signal.SIGTERM, self.stop)
        self.round_started = None
        if options["max_silence"] and not options["once"]:
            watchdog = threading.Thread(
                target=self.watch, args=(options["max_silence"],), daemon=True
            )
            watchdog.start()
        last_success = time.monotonic()
        failures = 0
        while not self.stopping.is_set():
            if self.round(verbose=options["once"]):
                failures = 0
                last_success = time.monotonic()
            else:
                failures += 1
            if options["once"]:
                if failures:
                    raise CommandError("Runda harmonogramu nie powiodła się (szczegóły wyżej).")
                return
            if options["max_failures"] and failures >= options["max_failures"]:
                raise CommandError(
                    f"Harmonogram kończy pracę: {failures} nieudanych rund z rzędu "
                    f"(--max-failures {options['max_failures']})."
                )
            silence = time.monotonic() - last_success
            if options["max_silence"] and silence >= options["max_silence"]:
                raise CommandError(
                    f"Harmonogram kończy pracę: od {silence:.0f} s żadna runda się nie powiodła "
                    f"(--max-silence {options['max_silence']:g})."
                )
            self.stopping.wait(options["interval"])

    def round(self, verbose=False):
        """One round with its heartbeat; True when it succeeded. Never raises."""
        self.round_started = time.monotonic()
        try:
            close_old_connections()
            published, unpublished = run_once()
            SchedulerHeartbeat.beat(published, unpublished)
            run_round_hooks()
        except Exception:
            logger.exception("Scheduler round failed; the next round retries")
            return False
        finally:
            self.round_started = None
            try:
                close_old_connections()
            except Exception:
                logger.exception("Closing the database connection after a round failed")
        if published or unpublished or verbose:
            self.stdout.write(
                f"Opublikowano wersji: {published}, wycofano procedur: {unpublished}."
            )
        return True

    def watch(self, max_silence):
        """Exit the process when one round hangs longer than ``max_silence`` seconds.

        A database that stops answering without closing the connection (a frozen server,
        a lost network path) blocks a query for as long as TCP allows; the main loop would
        never get to count that as a failure, so this thread ends the process for it.
        """
        while not self.stopping.wait(1.0):
            started = self.round_started
            if started is not None and time.monotonic() - started >= max_silence:
                logger.critical(
                    "Scheduler round hung for %.0f s (--max-silence); exiting", max_silence
                )
                self.abort(1)

    def abort(self, status):
        os._exit(status)  # the main thread is stuck in a query: no clean way out

    def stop(self, *args):
        self.stopping.set()
