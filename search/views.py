"""Public search over procedures residents may see."""

from django.core.paginator import Paginator
from django.shortcuts import render

from procedures.models import ProcedurePage
from procedures.public import PublicProcedure

MAX_QUERY_LENGTH = 200


def search(request):
    """Results for ``?q=``: public procedures only, 20 a page; an empty list on no match."""
    query = (request.GET.get("q") or "").strip()[:MAX_QUERY_LENGTH]
    results = ProcedurePage.objects.none()
    if query:
        results = ProcedurePage.objects.public().search(query)
    page = Paginator(results, 20).get_page(request.GET.get("page"))
    return render(
        request,
        "search/search.html",
        {
            "query": query,
            "results": page,
            "procedures": [PublicProcedure(p) for p in page.object_list],
        },
    )
