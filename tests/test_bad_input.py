"""Bad input on public URLs gets an answer, never a 500."""

import pytest

from tests.factories import ProcedurePageFactory

NASTY = [
    "",
    " ",
    "a" * 10_000,
    "' OR 1=1 --",
    '"; DROP TABLE wagtailcore_page; --',
    "zażółć gęślą jaźń 😀🏛️",
    "\x00nul",
    "%00",
    "<script>alert(1)</script>",
    "dowód & | ! ( ) : * ~",
    "KA-01147",
]


@pytest.mark.parametrize("query", NASTY)
def test_search_answers_any_query(client, procedure_index, query):
    ProcedurePageFactory(parent=procedure_index)
    response = client.get("/szukaj/", {"q": query, "page": "x"})
    assert response.status_code == (400 if "\x00" in query else 200)
    assert "<script>alert(1)</script>" not in response.text


@pytest.mark.parametrize(
    "path",
    [
        "/procedura/%00/",
        "/procedura/KA-01147%00/",
        "/kategoria/%00/",
        "/kategoria/" + "x" * 300 + "/",
        "/procedury/%00/",
        "/procedury/" + "ą" * 300 + "/",
        "/documents/999999/nic.pdf",
        "/call-center/procedura/%00/",
    ],
)
def test_odd_paths_are_not_server_errors(client, procedure_index, path):
    assert client.get(path).status_code in (200, 301, 302, 400, 404)
