"""Agents search every procedure, internal ones and restricted text included."""

import pytest
from django.urls import reverse

from procedures.callcenter import queries
from tests.factories import (
    DepartmentFactory,
    EmployeeFactory,
    ProcedurePageFactory,
    faq_item,
)

from .documents import publish

SEARCH = reverse("callcenter:search")


@pytest.fixture
def internal_procedure(procedure_index):
    page = ProcedurePageFactory(
        parent=procedure_index,
        title="Przekazywanie zgłoszeń interwencyjnych",
        is_internal=True,
    )
    return publish(
        page,
        faq=[faq_item("Kiedy zgłoszenie trafia do Straży Miejskiej?", "<p>Od razu.</p>")],
        cc_other="Uwaga agentów INNE-MARKER-5c1d",
    )


@pytest.fixture
def public_procedure(procedure_index):
    return ProcedurePageFactory(parent=procedure_index, title="Wydanie dowodu osobistego")


def codes(response):
    return [page.code for page, _status in response.context["rows"]]


def test_finds_an_internal_procedure_by_a_faq_question(
    agent_client, internal_procedure, public_procedure
):
    response = agent_client.get(SEARCH, {"q": "trafia do Straży"})
    assert codes(response) == [internal_procedure.code]
    assert "wewnętrzna" in response.text
    assert "niewidoczna na portalu" in response.text


@pytest.mark.parametrize("query", ["straży miejskiej", "STRAŻY"])
def test_faq_search_ignores_case(agent_client, internal_procedure, query):
    assert codes(agent_client.get(SEARCH, {"q": query})) == [internal_procedure.code]


def test_finds_a_procedure_by_its_inne(agent_client, internal_procedure, public_procedure):
    response = agent_client.get(SEARCH, {"q": "inne-marker-5c1d"})
    assert codes(response) == [internal_procedure.code]


def test_finds_by_code_and_by_words_from_different_fields(
    agent_client, internal_procedure, public_procedure
):
    assert codes(agent_client.get(SEARCH, {"q": public_procedure.code.lower()})) == [
        public_procedure.code
    ]
    both_fields = {"q": "zgłoszeń INNE-MARKER"}  # title word and "Inne*" word
    assert codes(agent_client.get(SEARCH, both_fields)) == [internal_procedure.code]


def test_results_show_code_title_department_and_portal_visibility(agent_client, public_procedure):
    response = agent_client.get(SEARCH, {"q": "dowodu"})
    assert public_procedure.code in response.text
    assert public_procedure.title in response.text
    assert public_procedure.department.name in response.text
    assert "obowiązuje" in response.text
    assert "na portalu" in response.text
    assert reverse("callcenter:procedure", args=[public_procedure.code]) in response.text


def test_results_are_limited_and_ordered_by_title(agent_client, procedure_index):
    # One department and one person for all: their sequence numbers (phone "42 700 01 01")
    # would otherwise give some procedure fewer distinct words, hence a higher rank, and
    # which one depends on the tests that ran before.
    department = DepartmentFactory()
    person = EmployeeFactory(department=department)
    for number in range(queries.SEARCH_LIMIT + 2):
        ProcedurePageFactory(
            parent=procedure_index,
            title=f"Sprawa wspólna {number:03d}",
            department=department,
            procedure_owner=person,
            coordinator=person,
        )
    response = agent_client.get(SEARCH, {"q": "sprawa wspólna"})
    titles = [page.title for page, _status in response.context["rows"]]
    assert len(titles) == queries.SEARCH_LIMIT
    assert titles == sorted(titles)
    assert "Pokazano pierwsze 50 procedur" in response.text


def test_empty_query_lists_recently_updated(agent_client, internal_procedure, public_procedure):
    response = agent_client.get(SEARCH)
    assert "Ostatnio zmienione procedury" in response.text
    assert set(codes(response)) == {internal_procedure.code, public_procedure.code}
    assert "autofocus" in response.text


def test_no_results_message(agent_client, public_procedure):
    response = agent_client.get(SEARCH, {"q": "nieistniejące-słowo"})
    assert codes(response) == []
    assert "Żadna procedura nie zawiera „nieistniejące-słowo”" in response.text


def test_search_box_is_labelled(agent_client, procedure_index):
    response = agent_client.get(SEARCH)
    assert '<label for="q">Szukaj procedury</label>' in response.text
    assert 'id="q"' in response.text
    assert response.text.count("<h1") == 1
