"""Home lists the categories with their public procedures; a category lists those procedures."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import CategoryFactory, ProcedurePageFactory

from .conftest import assert_no_marker


@pytest.fixture
def home_with_procedures(procedure_index, category, hidden_procedures):
    ProcedurePageFactory(parent=procedure_index, title="Zameldowanie", categories=[category])
    ProcedurePageFactory(
        parent=procedure_index, title="Łódzka Karta Dużej Rodziny", categories=[category]
    )
    CategoryFactory(name="Edukacja i nauka", slug="edukacja-i-nauka")  # nothing public in it
    return procedure_index.get_parent()


def test_home_lists_categories_with_public_counts(client, home_with_procedures):
    html = client.get("/").text
    assert '<a href="/kategoria/sprawy-obywatelskie/">Sprawy obywatelskie</a>' in html
    # Two public procedures; the internal, expired and future ones are not counted.
    assert "2 procedury" in html
    assert "Edukacja i nauka" not in html  # a category with nothing to read is not offered
    assert 'role="search"' in html and '<label for="q-strona-glowna">' in html


def test_category_lists_only_its_public_procedures_alphabetically(
    client, procedure_index, category, hidden_procedures
):
    other = CategoryFactory(name="Podatki i opłaty", slug="podatki-i-oplaty")
    ProcedurePageFactory(
        parent=procedure_index, title="Podatek od nieruchomości", categories=[other]
    )
    titles = ["Zameldowanie na pobyt stały", "Łódzka Karta Dużej Rodziny", "Legalizacja pobytu"]
    for title in titles:
        ProcedurePageFactory(parent=procedure_index, title=title, categories=[category])

    response = client.get("/kategoria/sprawy-obywatelskie/")
    assert response.status_code == 200
    html = response.text
    assert "<h1>Sprawy obywatelskie</h1>" in html
    positions = [html.index(title) for title in ["Legalizacja", "Łódzka", "Zameldowanie"]]
    assert positions == sorted(positions)  # "Ł" between "L" and "Z", as in a dictionary
    for hidden in hidden_procedures.values():
        assert hidden.title not in html
        assert hidden.code not in html
    assert "Podatek od nieruchomości" not in html
    assert "3 procedury w tej kategorii" in html


def test_category_summaries_are_truncated(client, procedure_index, category):
    summary = " ".join(f"słowo{n}" for n in range(60))
    ProcedurePageFactory(parent=procedure_index, summary=summary, categories=[category])
    html = client.get("/kategoria/sprawy-obywatelskie/").text
    assert "słowo29 …" in html
    assert "słowo30" not in html


def test_unknown_category_is_404(client, home_page):
    assert client.get("/kategoria/nie-ma-takiej/").status_code == 404


def test_category_page_shows_nothing_restricted(client, marked_procedure):
    html = client.get("/kategoria/sprawy-obywatelskie/").text
    assert marked_procedure.title in html
    assert_no_marker(html)


def test_category_page_queries_do_not_grow_with_its_procedures(client, procedure_index, category):
    def queries_for_listing():
        client.get("/kategoria/sprawy-obywatelskie/")  # site root paths and the like cached
        cache.clear()  # the portal's page cache would answer without any query
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/kategoria/sprawy-obywatelskie/").status_code == 200
        return len(captured.captured_queries)

    ProcedurePageFactory(parent=procedure_index, categories=[category])
    few = queries_for_listing()
    for _ in range(10):
        ProcedurePageFactory(parent=procedure_index, categories=[category])
    assert queries_for_listing() == few
