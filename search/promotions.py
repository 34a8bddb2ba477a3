"""Promoted results: what the Procedures Office pins above the results for chosen queries.

Uses Wagtail's search promotions (Ustawienia → Promowane wyniki wyszukiwania). A promotion
is found whatever the case, spacing or diacritics of the query ("becikowe", "Becikowe ").
A promoted page is shown to residents only while it is public.

The promotions are few and change seldom: they are kept in the cache by folded query
(:data:`PROMOTIONS_CACHE_KEY`, dropped after any change commits, see
:mod:`search.signals`), so a query nothing is promoted for costs no database query. The
promoted pages themselves are read, and checked public, at every search.
"""

from django.core.cache import cache
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page

from procedures.models import ProcedurePage
from search.analysis import fold, words

PROMOTIONS_CACHE_KEY = "search:promotions"
#: Seconds the promotions are kept at most (a change drops them at once).
PROMOTIONS_CACHE_SECONDS = 300

_COLUMNS = ("page_id", "external_link_url", "external_link_text", "description")


def _key(text):
    return " ".join(fold(word) for word in words(text))


def _promotions_by_key():
    """``{folded query: [promotion values, …] in display order}``, cached."""
    by_key = cache.get(PROMOTIONS_CACHE_KEY)
    if by_key is None:
        by_key = {}
        # Promoted queries are few: comparing them all lets "zlobek" find "żłobek".
        promotions = SearchPromotion.objects.order_by("sort_order", "pk")
        for query_string, *values in promotions.values_list("query__query_string", *_COLUMNS):
            promotion = dict(zip(_COLUMNS, values, strict=True))
            by_key.setdefault(_key(query_string), []).append(promotion)
        cache.set(PROMOTIONS_CACHE_KEY, by_key, PROMOTIONS_CACHE_SECONDS)
    return by_key


def promotions_for(query, public=True):
    """Promotions for ``query`` as dicts: ``title``, ``url``, ``description``."""
    key = _key(query)
    if not key:
        return []
    promoted = _promotions_by_key().get(key, [])
    page_ids = [p["page_id"] for p in promoted if p["page_id"]]
    pages = {p.pk: p for p in Page.objects.filter(pk__in=page_ids).specific()} if page_ids else {}
    shown = []
    for promotion in promoted:
        if promotion["page_id"]:
            page = pages.get(promotion["page_id"])
            if page is None or (public and not _is_public(page)):
                continue
            shown.append(
                {"title": page.title, "url": page.url, "description": promotion["description"]}
            )
        elif promotion["external_link_url"]:
            shown.append(
                {
                    "title": promotion["external_link_text"] or promotion["external_link_url"],
                    "url": promotion["external_link_url"],
                    "description": promotion["description"],
                }
            )
    return shown


def _is_public(page):
    if isinstance(page, ProcedurePage):
        return ProcedurePage.objects.public().filter(pk=page.pk).exists()
    return page.live and Page.objects.public().filter(pk=page.pk).exists()
