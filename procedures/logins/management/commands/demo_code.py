"""``manage.py demo_code <username>``: the current one-time code of a demo account.

For the demo only (``DEMO_DATA_ALLOWED``, as ``seed_demo``): it stands in for the phone
app of an account that ``seed_demo`` gave a TOTP device.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = "Print the current one-time code (TOTP) of a demo account. Development only."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        if not getattr(settings, "DEMO_DATA_ALLOWED", False):
            raise CommandError(
                "demo_code działa tylko na danych demonstracyjnych (ustawienia deweloperskie). "
                "/ demo_code runs under development settings only."
            )
        user = get_user_model().objects.filter(username=username).first()
        device = user and TOTPDevice.objects.devices_for_user(user, confirmed=True).first()
        if device is None:
            raise CommandError(f"{username!r} has no one-time code device; run seed_demo.")
        totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
        self.stdout.write(f"{totp.token():0{device.digits}d}")
