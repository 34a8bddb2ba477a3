"""The portal's search page and the search box's suggestions: public procedures only."""

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from procedures.freshness import seconds_until_next_withdrawal
from procedures.models import ProcedurePage
from procedures.public import PublicProcedure
from search import analytics, engine
from search.models import Audience
from search.promotions import promotions_for
from search.query import clean_query, search_procedures, suggest_procedures
from search.snippets import highlight

PER_PAGE = 20
SUGGESTIONS = 8


def typed_query(request, name="q"):
    """What the reader typed, cleaned (:func:`search.query.clean_query`)."""
    return clean_query(request.GET.get(name))


class _Found:
    """The ranked ids of one result page posing as the whole list, for ``Paginator``."""

    def __init__(self, total, offset, ids):
        self.total, self.offset, self.ids = total, offset, ids

    def __len__(self):
        return self.total

    def __getitem__(self, item):
        return self.ids if item.start == self.offset else []


def public_search(query, page_number=1, per_page=PER_PAGE):
    """A paginator page of public procedure ids for ``query`` and the query's concepts.

    A query the database refuses is answered with no results, never an error.
    """
    try:
        number = max(1, int(page_number or 1))
    except (TypeError, ValueError):
        number = 1
    result = search_procedures(query, Audience.PUBLIC, (number - 1) * per_page, per_page)
    last = max(1, -(-result.total // per_page))
    if number > last:
        number = last
        result = search_procedures(query, Audience.PUBLIC, (number - 1) * per_page, per_page)
    found = _Found(result.total, (number - 1) * per_page, result.page_ids)
    return Paginator(found, per_page).page(number), result


#: What a result shows: title, code, summary and address (the streams are not loaded).
RESULT_COLUMNS = ("title", "code", "summary", "url_path", "path", "depth", "locale")


def _public_pages(ids):
    """The public procedures among ``ids``, in that order, with ``RESULT_COLUMNS`` only."""
    pages = ProcedurePage.objects.public().filter(pk__in=ids).only(*RESULT_COLUMNS)
    by_id = {page.pk: page for page in pages}
    return [by_id[pk] for pk in ids if pk in by_id]


@require_safe
def search(request):
    """Results for ``?q=``: public procedures best first, 20 a page, each with the words
    found marked in its summary; promoted results above them on the first page."""
    query = typed_query(request)
    page, result = public_search(query, request.GET.get("page"))
    terms = engine.matched_terms(result.concepts)
    results = [
        {"procedure": procedure, "snippet": highlight(procedure.summary, terms)}
        for procedure in map(PublicProcedure, _public_pages(page.object_list))
    ]
    first_page = page.number == 1
    if query and first_page and not request.GET.get("page"):
        analytics.record(query, Audience.PUBLIC, result.total)
    return render(
        request,
        "search/search.html",
        {
            "query": query,
            "results": page,
            "found": results,
            "promotions": promotions_for(query) if query and first_page else [],
        },
    )


@require_safe
def suggestions(request):
    """``{"suggestions": [{"title", "code", "url"}, …]}``: up to 8 public procedures whose
    title or code starts with what is typed in the search box (the last word may be cut)."""
    query = typed_query(request)
    ids = suggest_procedures(query, Audience.PUBLIC, SUGGESTIONS)
    data = [
        {"title": p.title, "code": p.code, "url": p.url}
        for p in map(PublicProcedure, _public_pages(ids))
    ]
    response = JsonResponse({"suggestions": data})
    # Shared caches may keep it a minute, never past the next "Obowiązuje do".
    patch_cache_control(response, public=True, max_age=min(60, seconds_until_next_withdrawal()))
    return response
