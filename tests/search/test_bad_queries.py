"""Any query answers with results or an empty list: never a 500, never a database error."""

import pytest
from django.urls import reverse

from search import engine
from search.models import Audience
from tests.factories import ProcedurePageFactory

NASTY = [
    "",
    "   ",
    "a" * 10_000,
    "dowód " * 500,
    "' OR 1=1 --",
    '"; DROP TABLE search_searchentry; --',
    "dowód & | ! ( ) : * ~ <-> \\",
    "zażółć gęślą jaźń 😀🏛️",
    "<script>alert(1)</script>",
    "%",
    "_",
    "a:*",
    "'dowód':* & !",
    "KA-",
    "KA-01147-",
    "-",
    "ą" * 41,
    "۱۲۳ 東京 ∑",
]


@pytest.mark.parametrize("query", NASTY)
def test_every_search_entry_point_answers(client, procedure_index, query):
    ProcedurePageFactory(parent=procedure_index, title="Wydanie dowodu osobistego")
    for url, params in (
        (reverse("search"), {"q": query}),
        (reverse("search_suggestions"), {"q": query}),
        ("/api/v2/procedures/", {"search": query[:200]}),
    ):
        response = client.get(url, params)
        assert response.status_code == 200, url
        assert "<script>alert(1)</script>" not in response.text
    for audience in Audience.values:
        assert isinstance(engine.search(query, audience).page_ids, list)
        assert isinstance(engine.suggest(query, audience), list)
