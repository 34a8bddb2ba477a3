"""What residents and staff search for, without who searched.

Each query is counted per day with how many procedures it found; the report in the admin
(Raporty → Wyszukiwania) shows the most frequent queries and those that found nothing.
No user, address, session or time of day is kept, and numbers that could identify a
person (PESEL, phone, bank account) and e-mail addresses are masked before storing.
"""

import re

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from search.models import SearchQueryStat

_EMAIL = re.compile(r"\S+@\S+")
# Six or more digits, possibly split by spaces or dashes; procedure codes ("KA-01147")
# have five and stay readable.
_LONG_NUMBER = re.compile(r"\d(?:[\s-]?\d){5,}")


def masked(query):
    """The query as stored: lower case, single spaces, personal numbers and e-mails masked."""
    text = _EMAIL.sub("[e-mail]", query)
    text = _LONG_NUMBER.sub("[liczba]", text)
    return " ".join(text.lower().split())[: SearchQueryStat._meta.get_field("query").max_length]


def record(query, audience, hits):
    """Count one search for ``query`` that found ``hits`` procedures."""
    text = masked(query)
    if not text:
        return
    day = timezone.localdate()
    try:
        with transaction.atomic():
            stat, _created = SearchQueryStat.objects.get_or_create(
                day=day, audience=audience, query=text
            )
    except IntegrityError:  # the same query counted at the same moment elsewhere
        stat = SearchQueryStat.objects.get(day=day, audience=audience, query=text)
    SearchQueryStat.objects.filter(pk=stat.pk).update(
        searches=F("searches") + 1,
        zero_hit_searches=F("zero_hit_searches") + (0 if hits else 1),
        last_hits=hits,
    )
