"""The admin report "Wyszukiwania": what people search for and what they do not find."""

import datetime

from django.core.exceptions import PermissionDenied
from django.db.models import Max, Sum
from django.shortcuts import render
from django.utils import timezone

from search.models import Audience, SearchQueryStat

PERIODS = (7, 30, 90, 365)
ROWS = 50
PERMISSION = "search.view_searchquerystat"


def _int_choice(raw, choices, default):
    try:
        value = int(raw)
    except (TypeError, ValueError):
        return default
    return value if value in choices else default


def query_report(days=30, audience=Audience.PUBLIC, rows=ROWS):
    """(most frequent, found nothing): query rows of the last ``days`` days, each a dict
    with ``query``, ``searches``, ``zero_hit_searches`` and ``last_hits``."""
    since = timezone.localdate() - datetime.timedelta(days=days - 1)
    stats = (
        SearchQueryStat.objects.filter(day__gte=since, audience=audience)
        .values("query")
        .annotate(
            searches=Sum("searches"),
            zero_hit_searches=Sum("zero_hit_searches"),
            last_hits=Max("last_hits"),
        )
    )
    frequent = list(stats.order_by("-searches", "query")[:rows])
    nothing = list(
        stats.filter(zero_hit_searches__gt=0).order_by("-zero_hit_searches", "query")[:rows]
    )
    return frequent, nothing


def search_report(request):
    """The most frequent queries and those that found nothing, for a chosen period and for
    residents (portal, API) or staff (Call Center); for users allowed to read the report."""
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    days = _int_choice(request.GET.get("dni"), PERIODS, 30)
    audience = request.GET.get("kto")
    if audience not in Audience.values:
        audience = Audience.PUBLIC
    frequent, nothing = query_report(days, audience)
    return render(
        request,
        "search/admin/report.html",
        {
            "frequent": frequent,
            "nothing": nothing,
            "days": days,
            "periods": PERIODS,
            "audience": audience,
            "audiences": Audience.choices,
        },
    )
