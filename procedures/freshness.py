"""How long what residents see stays as it is: until the next "Obowiązuje do".

Nothing announces a withdrawal when its moment comes (``ProcedurePage.objects.public()``
compares the dates on every request), so whatever keeps a public answer — the portal's page
cache, a browser's copy of the search results — keeps it no longer than this.
"""

from django.conf import settings
from django.utils import timezone

from procedures.models import ProcedurePage


def seconds_until_next_withdrawal(now=None, longest=None):
    """How long a public page may stay as it is: until the next "Obowiązuje do", and at
    most ``longest`` seconds (the page cache's ``PORTAL_CACHE_SECONDS`` by default)."""
    longest = getattr(settings, "PORTAL_CACHE_SECONDS", 300) if longest is None else longest
    now = now or timezone.now()
    next_expiry = (
        ProcedurePage.objects.public(at=now)
        .filter(expire_at__isnull=False)
        .order_by("expire_at")
        .values_list("expire_at", flat=True)
        .first()
    )
    if next_expiry is None:
        return longest
    return max(0, min(longest, int((next_expiry - now).total_seconds())))
