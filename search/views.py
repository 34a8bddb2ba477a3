"""Public search over procedures residents may see."""

import logging
import re

from django.core.paginator import Paginator
from django.db import DatabaseError, transaction
from django.shortcuts import render

from procedures.models import ProcedurePage
from procedures.public import PublicProcedure

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
# Characters with a meaning to full-text query parsers (FTS5, tsquery) or none to a reader.
_NOT_SEARCHED = re.compile(r'[\x00-\x1f\x7f"\'*^:()&|!<>~\\]+')


def clean_query(raw):
    """What is searched for: the reader's words, without operators or control characters."""
    return " ".join(_NOT_SEARCHED.sub(" ", raw or "").split())[:MAX_QUERY_LENGTH]


def search(request):
    """Results for ``?q=``: public procedures only, 20 a page; an empty list on no match.

    Whatever is typed gets an answer: a query the search backend cannot take is answered
    with no results rather than an error.
    """
    typed = (request.GET.get("q") or "").replace("\x00", "").strip()[:MAX_QUERY_LENGTH]
    query = clean_query(typed)
    results = ProcedurePage.objects.none()
    if query:
        results = ProcedurePage.objects.public().search(query)
    try:
        with transaction.atomic():
            page = Paginator(results, 20).get_page(request.GET.get("page"))
            procedures = [PublicProcedure(p) for p in page.object_list]
    except DatabaseError:
        logger.warning("Search backend refused the query %r", query, exc_info=True)
        page = Paginator(ProcedurePage.objects.none(), 20).get_page(1)
        procedures = []
    return render(
        request,
        "search/search.html",
        {"query": typed, "results": page, "procedures": procedures},
    )
