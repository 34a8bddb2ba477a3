"""Residents' search never shows restricted text or internal procedures; staff search does.

Marker words are planted in every restricted field and in an internal procedure, then
looked for through every anonymous way in: the search page (results and snippets), the
suggestions, the API's ``?search=``. Staff search finding the same markers proves they
were indexed, so the anonymous tests can fail.
"""

import json

import pytest
from django.urls import reverse

from search import engine
from search.models import Audience, SearchEntry
from tests.factories import ProcedurePageFactory, faq_item, find_markers
from tests.search.echo import without_search_echo

#: One marker word per restricted field: single words, so a search looks for them whole.
MARKERS = {
    "cc_description": "tajnyopisxq",
    "cc_other": "tajneinnexq",
    "faq_question": "tajnepytaniexq",
    "faq_answer": "tajnaodpowiedzxq",
}
INTERNAL_TITLE_WORD = "wewnetrznazgloszeniaxq"


@pytest.fixture
def planted(procedure_index):
    page = ProcedurePageFactory(
        parent=procedure_index, title="Wydanie karty parkingowej", summary="Karta parkingowa."
    )
    page.cc_description = f"<p>{MARKERS['cc_description']}</p>"
    page.cc_other = MARKERS["cc_other"]
    page.faq = [faq_item(MARKERS["faq_question"], f"<p>{MARKERS['faq_answer']}</p>")]
    page.save_revision().publish()
    internal = ProcedurePageFactory(
        parent=procedure_index,
        title=f"Procedura {INTERNAL_TITLE_WORD}",
        summary="Karta parkingowa dla konsultantów.",
        is_internal=True,
    )
    return page, internal


ALL_MARKERS = [*MARKERS.values(), INTERNAL_TITLE_WORD]


@pytest.mark.parametrize("marker", ALL_MARKERS)
def test_staff_search_finds_every_marker(planted, marker):
    assert engine.search(marker, Audience.STAFF).total == 1


@pytest.mark.parametrize("marker", ALL_MARKERS)
def test_anonymous_search_page_never_shows_a_marker(client, planted, marker):
    for query in (marker, marker[:-1], f"karta {marker}"):
        response = client.get(reverse("search"), {"q": query})
        assert response.status_code == 200
        body = without_search_echo(response.text, query)
        assert not find_markers(body, ALL_MARKERS), query


@pytest.mark.parametrize("marker", ALL_MARKERS)
def test_suggestions_and_api_never_show_a_marker(client, planted, marker):
    for prefix in (marker[:4], marker[:-2], marker):
        suggestions = client.get(reverse("search_suggestions"), {"q": prefix})
        assert suggestions.status_code == 200
        api = client.get("/api/v2/procedures/", {"search": marker, "fields": "*"})
        assert api.status_code == 200
        for body in (suggestions.text, api.text):
            assert not find_markers(body, ALL_MARKERS), prefix
    assert engine.search(marker, Audience.PUBLIC).total == 0


def test_a_search_for_the_shared_word_lists_only_the_public_procedure(client, planted):
    page, internal = planted
    response = client.get(reverse("search"), {"q": "karta parkingowa"})
    found = [item["procedure"].code for item in response.context["found"]]
    assert found == [page.code]
    suggestions = client.get(reverse("search_suggestions"), {"q": "procedura wewn"}).json()
    assert suggestions == {"suggestions": []}


def test_public_entries_hold_no_restricted_text(planted):
    page, internal = planted
    public = SearchEntry.objects.get(page=page, audience=Audience.PUBLIC)
    text = " ".join([public.terms_a, public.terms_b, public.terms_c, public.terms_d])
    assert not find_markers(text, MARKERS.values())
    assert not SearchEntry.objects.filter(page=internal, audience=Audience.PUBLIC).exists()


def test_snippet_marks_the_words_found_and_escapes_the_rest(client, procedure_index):
    ProcedurePageFactory(
        parent=procedure_index,
        title="Zameldowanie na pobyt stały",
        summary="Zameldowania dokonuje się <b>w urzędzie</b> & w Internecie.",
    )
    response = client.get(reverse("search"), {"q": "zameldowanie"})
    assert "<mark>Zameldowania</mark> dokonuje się &lt;b&gt;w urzędzie&lt;/b&gt; &amp;" in (
        response.text
    )


def test_withdrawn_procedure_leaves_public_results_at_once(client, procedure_index):
    page = ProcedurePageFactory(parent=procedure_index, title="Rejestracja psa")
    assert client.get(reverse("search"), {"q": "psa"}).context["found"]
    page.unpublish()
    assert not client.get(reverse("search"), {"q": "psa"}).context["found"]
    assert engine.search("psa", Audience.STAFF).page_ids == [page.pk]


def test_suggestions_complete_the_last_word(client, procedure_index):
    page = ProcedurePageFactory(parent=procedure_index, title="Zameldowanie na pobyt stały")
    ProcedurePageFactory(parent=procedure_index, title="Wydanie prawa jazdy")
    data = client.get(reverse("search_suggestions"), {"q": "pobyt zamel"}).json()
    assert data == {"suggestions": [{"title": page.title, "code": page.code, "url": page.url}]}
    assert "public" in client.get(reverse("search_suggestions"), {"q": "x"})["Cache-Control"]


def test_api_search_ranks_and_counts(client, procedure_index):
    best = ProcedurePageFactory(parent=procedure_index, title="Wydanie dowodu osobistego")
    other = ProcedurePageFactory(
        parent=procedure_index, title="Zameldowanie", summary="Potrzebny jest dowód osobisty."
    )
    data = json.loads(client.get("/api/v2/procedures/", {"search": "dowodu"}).content)
    assert [item["code"] for item in data["items"]] == [best.code, other.code]
    assert data["meta"]["total_count"] == 2
    too_long = client.get("/api/v2/procedures/", {"search": "a" * 201})
    assert too_long.status_code == 400
    assert "search" in too_long.json()["message"]


def test_leak_checks_set_aside_the_echo_and_nothing_else(client, planted):
    """The search tests above ignore the query repeated on the page, and only that: a
    result that holds the query is still read."""
    page, internal = planted
    query = "parkingowej"
    html = client.get(reverse("search"), {"q": query}).text
    assert html.count(query) == 5  # page title, heading, search box, the result's link
    body = without_search_echo(html, query)
    assert body.count(query) == 2  # the result: its address and its title
    assert f'<a href="{page.url}">{page.title}</a>' in body
