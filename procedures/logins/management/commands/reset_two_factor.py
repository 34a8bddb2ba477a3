"""``manage.py reset_two_factor <username>``: a lost phone; the next login sets up a new app."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = (
        "Remove a user's one-time code devices (a lost or replaced phone). At the next login "
        "the user sets up an authenticator app again."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user {username!r}.")
        deleted, _ = TOTPDevice.objects.filter(user=user).delete()
        self.stdout.write(f"{username}: {deleted} device(s) removed.")
