"""How many queries the residents' search page costs: a fixed number, whatever the hits.

The count covers the whole request (middleware, the search, the result page, the search
statistics, promotions and the page frame). A result page of 20 procedures costs what a
page of two does: nothing is read per result. Promotions come from the cache once read.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from search import analytics, engine
from search.models import Audience, SearchQueryStat
from search.query import search_procedures
from tests.factories import ProcedurePageFactory

#: Queries of one search page with results, promotions and synonyms already cached, by
#: database: the search (PostgreSQL: the typo check, the ranking; SQLite: the typo check,
#: the candidates), the result page, the statistics' one upsert, the "Procedury" link of
#: the page frame, and in tests the savepoint the search takes inside the test's
#: transaction, and its release.
PAGE_QUERIES = {"postgresql": 7, "sqlite": 7}


@pytest.fixture
def dogs(procedure_index):
    made = []

    def make(count):
        new = [
            ProcedurePageFactory(
                parent=procedure_index,
                title=f"Rejestracja psa nr {len(made) + n}",
                summary="Rejestracja psa.",
            )
            for n in range(count)
        ]
        made.extend(new)
        return new

    return make


def search_page(client, query, **params):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("search"), {"q": query, **params})
    assert response.status_code == 200
    return response, len(captured)


def test_a_search_page_costs_a_fixed_number_of_queries(client, dogs):
    dogs(2)
    search_page(client, "rejestracja psów")  # synonyms and promotions are cached from now on
    response, two = search_page(client, "rejestracja psa")
    assert len(response.context["found"]) == 2
    dogs(23)
    response, twenty = search_page(client, "rejestracji psa")
    assert len(response.context["found"]) == 20
    assert two == twenty == PAGE_QUERIES[connection.vendor]


def test_searches_are_counted_by_one_statement(client, dogs):
    dogs(1)
    search_page(client, "rejestracja psa")
    _response, counted = search_page(client, "rejestracja psa")
    _response, not_counted = search_page(client, "rejestracja psa", page="1")
    assert counted == not_counted + 1
    assert SearchQueryStat.objects.get().searches == 2


def test_promotions_are_read_once_and_a_change_shows_at_once(client, dogs):
    (dog,) = dogs(1)
    search_page(client, "rejestracja psa")
    _response, warm = search_page(client, "rejestracja psa")
    assert warm == PAGE_QUERIES[connection.vendor]  # no query for promotions
    promotion = SearchPromotion.objects.create(
        query=Query.get("Rejestracja  PSA"), page=dog, sort_order=0, description="Polecane."
    )
    response, _count = search_page(client, "rejestracja psa")
    assert [p["description"] for p in response.context["promotions"]] == ["Polecane."]
    promotion.delete()
    response, _count = search_page(client, "rejestracja psa")
    assert response.context["promotions"] == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_searches_are_counted_outside_a_transaction_too():
    # Outside a transaction PostgreSQL commits the count without waiting for the disk.
    analytics.record("Rejestracja psa", Audience.PUBLIC, 0)
    analytics.record("rejestracja  PSA", Audience.PUBLIC, 3)
    stat = SearchQueryStat.objects.get()
    assert (stat.query, stat.searches, stat.zero_hit_searches, stat.last_hits) == (
        "rejestracja psa",
        2,
        1,
        3,
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_refused_search_outside_a_transaction_leaves_the_connection_usable(
    monkeypatch, procedure_index
):
    ProcedurePageFactory(parent=procedure_index, title="Rejestracja psa")
    database = engine.get_database()

    class Refusing:
        def __getattr__(self, name):
            return getattr(database, name)

        def rank(self, *args, **kwargs):
            with connection.cursor() as cursor:
                cursor.execute("SELECT * FROM no_such_table")

    monkeypatch.setattr(engine, "get_database", Refusing)
    assert search_procedures("rejestracja psa").total == 0
    monkeypatch.undo()
    assert search_procedures("rejestracja psa").total == 1
