"""The accessibility statement required by the ustawa o dostępności cyfrowej."""

import pytest
from bs4 import BeautifulSoup

URL = "/deklaracja-dostepnosci/"


def test_statement_has_the_prescribed_parts(client, home_page):
    response = client.get(URL)
    assert response.status_code == 200
    soup = BeautifulSoup(response.text, "html.parser")
    assert soup.find("h1").get_text(strip=True) == "Deklaracja dostępności"
    assert soup.find(id="a11y-podmiot").get_text(strip=True) == "Urząd Miasta Łodzi"
    for marker_id in (
        "a11y-url",
        "a11y-data-publikacja",
        "a11y-data-aktualizacja",
        "a11y-status",
        "a11y-data-sporzadzenie",
        "a11y-kontakt-email",
        "a11y-kontakt-telefon",
        "a11y-procedura",
        "a11y-architektura",
    ):
        assert soup.find(id=marker_id) is not None, marker_id
    text = soup.get_text(" ", strip=True)
    assert "częściowo zgodna" in soup.find(id="a11y-status").text
    assert "samooceny" in text
    assert "Łódzkie Centrum Kontaktu z Mieszkańcami" in text
    assert soup.find(id="a11y-kontakt-email")["href"] == "mailto:lckm@uml.lodz.pl"
    assert "+48 (42) 638-44-44" in soup.find(id="a11y-kontakt-telefon").text
    assert "Procedura wnioskowo-skargowa" in text
    assert "ul. Piotrkowska 110" in soup.find(id="a11y-architektura").find_parent("section").text
    assert "Rzecznika Praw Obywatelskich" in text
    dates = soup.find(id="a11y-data-publikacja")["datetime"]
    assert len(dates) == 10 and dates[4] == "-"  # RRRR-MM-DD, as the template requires


@pytest.fixture
def portal_urls(marked_procedure):
    return ["/", "/procedury/", marked_procedure.url, "/kategoria/sprawy-obywatelskie/", URL]


def test_every_portal_page_links_to_the_statement_in_its_footer(client, portal_urls):
    for url in portal_urls + ["/szukaj/?q=dowód"]:
        soup = BeautifulSoup(client.get(url).text, "html.parser")
        footer = soup.find("footer")
        assert footer.find("a", href=URL, string="Deklaracja dostępności"), url
