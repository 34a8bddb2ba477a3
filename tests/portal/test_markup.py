"""Semantic markup of every portal page: landmarks, one h1, headings in order, labels."""

import pytest
from bs4 import BeautifulSoup


@pytest.fixture
def portal_pages(client, marked_procedure):
    urls = [
        "/",
        "/procedury/",
        marked_procedure.url,
        "/kategoria/sprawy-obywatelskie/",
        "/deklaracja-dostepnosci/",
        "/szukaj/?q=dowód",
    ]
    return {url: BeautifulSoup(client.get(url).text, "html.parser") for url in urls}


def test_pages_have_landmarks_language_and_skip_link(portal_pages):
    for url, soup in portal_pages.items():
        assert soup.find("html")["lang"] == "pl", url
        for landmark in ("header", "main", "footer"):
            assert len(soup.find_all(landmark, recursive=True)) >= 1, (url, landmark)
        assert len(soup.find_all("main")) == 1, url
        assert soup.find("nav", attrs={"aria-label": "Menu główne"}), url
        skip = soup.find("a", class_="skip-link")
        assert skip["href"] == "#tresc" and soup.find("main")["id"] == "tresc", url
        assert soup.find("link", rel="canonical")["href"].startswith("http://testserver/"), url


def test_one_h1_and_headings_never_skip_a_level(portal_pages):
    for url, soup in portal_pages.items():
        levels = [int(h.name[1]) for h in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])]
        assert levels.count(1) == 1 and levels[0] == 1, url
        assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), (url, levels)


def test_every_form_control_has_a_label(portal_pages):
    for url, soup in portal_pages.items():
        for control in soup.find_all(["input", "select", "textarea"]):
            if control.get("type") in ("hidden", "submit"):
                continue
            assert soup.find("label", attrs={"for": control["id"]}), (url, control)


def test_breadcrumbs_mark_the_current_page(portal_pages, marked_procedure):
    for url, soup in portal_pages.items():
        if url == "/":
            assert soup.find("nav", attrs={"aria-label": "Ścieżka nawigacji"}) is None
            continue
        nav = soup.find("nav", attrs={"aria-label": "Ścieżka nawigacji"})
        assert nav.find("a", href="/").get_text() == "Strona główna", url
        assert len(nav.find_all(attrs={"aria-current": "page"})) == 1, url
