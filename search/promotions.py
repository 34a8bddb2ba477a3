"""Promoted results: what the Procedures Office pins above the results for chosen queries.

Uses Wagtail's search promotions (Ustawienia → Promowane wyniki wyszukiwania). A promotion
is found whatever the case, spacing or diacritics of the query ("becikowe", "Becikowe ").
A promoted page is shown to residents only while it is public.
"""

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page

from procedures.models import ProcedurePage
from search.analysis import fold, words


def _key(text):
    return " ".join(fold(word) for word in words(text))


def promotions_for(query, public=True):
    """Promotions for ``query`` as dicts: ``title``, ``url``, ``description``."""
    key = _key(query)
    if not key:
        return []
    # Promoted queries are few: comparing them all lets "zlobek" find "żłobek".
    promotions = SearchPromotion.objects.select_related("query", "page")
    shown = []
    for promotion in promotions.order_by("sort_order"):
        if _key(promotion.query.query_string) != key:
            continue
        if promotion.page_id:
            page = promotion.page.specific
            if public and not _is_public(page):
                continue
            shown.append(
                {"title": page.title, "url": page.url, "description": promotion.description}
            )
        elif promotion.external_link_url:
            shown.append(
                {
                    "title": promotion.external_link_text or promotion.external_link_url,
                    "url": promotion.external_link_url,
                    "description": promotion.description,
                }
            )
    return shown


def _is_public(page):
    if isinstance(page, ProcedurePage):
        return ProcedurePage.objects.public().filter(pk=page.pk).exists()
    return page.live and Page.objects.public().filter(pk=page.pk).exists()
