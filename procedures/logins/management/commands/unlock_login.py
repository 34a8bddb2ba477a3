"""``manage.py unlock_login <username>``: lift the lock after repeated failed logins."""

from django.core.management.base import BaseCommand

from procedures.logins import lockout


class Command(BaseCommand):
    help = "Unlock an account locked after repeated failed logins (and forget its failures)."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        until = lockout.locked_until(username)
        lockout.unlock(username)
        state = "was locked" if until else "was not locked"
        self.stdout.write(f"{username}: {state}; failed logins forgotten.")
