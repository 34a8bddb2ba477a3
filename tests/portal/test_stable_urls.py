"""/procedura/<code>/ is the permanent address of a procedure, whatever its slug."""

import pytest


def test_code_redirects_permanently_to_the_page(client, marked_procedure):
    response = client.get("/procedura/KA-01147/")
    assert response.status_code == 301
    assert response["Location"] == marked_procedure.url


@pytest.mark.parametrize("code", ["ka-01147", "Ka-01147", " KA-01147"])
def test_code_is_matched_regardless_of_case(client, marked_procedure, code):
    response = client.get(f"/procedura/{code}/")
    assert response.status_code == 301
    assert response["Location"] == marked_procedure.url


@pytest.mark.parametrize("which", ["internal", "expired", "future"])
def test_procedure_not_public_is_404(client, hidden_procedures, which):
    code = hidden_procedures[which].code
    assert client.get(f"/procedura/{code}/").status_code == 404
    assert client.get(f"/procedura/{code.lower()}/").status_code == 404


def test_unknown_code_is_404(client, home_page):
    assert client.get("/procedura/KA-99999/").status_code == 404


def test_not_found_page_is_polish_and_reveals_nothing(client, hidden_procedures):
    internal = hidden_procedures["internal"]
    for url in (f"/procedura/{internal.code}/", internal.url):
        response = client.get(url)
        assert response.status_code == 404
        assert "<h1>Nie znaleziono strony</h1>" in response.text
        assert internal.title not in response.text
        assert 'rel="canonical"' not in response.text
