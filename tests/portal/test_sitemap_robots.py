"""sitemap.xml lists what residents may read; robots.txt keeps crawlers out of staff areas."""

from xml.etree import ElementTree

from django.utils.timezone import localtime

from tests.factories import CategoryFactory

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_entries(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ElementTree.fromstring(response.content)  # noqa: S314 — our own output
    return {
        url.findtext("s:loc", namespaces=NS): url.findtext("s:lastmod", namespaces=NS)
        for url in root.findall("s:url", NS)
    }


def test_sitemap_lists_public_pages_only(client, marked_procedure, hidden_procedures):
    CategoryFactory(name="Pusta kategoria", slug="pusta")
    entries = sitemap_entries(client)
    base = "http://testserver"
    assert f"{base}/" in entries
    assert f"{base}/procedury/" in entries
    assert f"{base}/kategoria/sprawy-obywatelskie/" in entries
    assert f"{base}/kategoria/pusta/" not in entries
    assert f"{base}/deklaracja-dostepnosci/" in entries
    assert entries[f"{base}{marked_procedure.url}"] == (
        localtime(marked_procedure.last_published_at).strftime("%Y-%m-%d")
    )
    for hidden in hidden_procedures.values():
        assert f"{base}{hidden.url}" not in entries
    procedure_urls = [
        loc for loc in entries if "/procedury/" in loc and loc != f"{base}/procedury/"
    ]
    assert procedure_urls == [f"{base}{marked_procedure.url}"]


def test_robots_txt_allows_all_but_staff_areas_and_points_to_the_sitemap(
    client, home_page, settings
):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.text.splitlines()
    assert lines[0] == "User-agent: *"
    for path in ("/admin/", "/call-center/", "/django-admin/"):
        assert f"Disallow: {path}" in lines
    assert "Disallow: /" not in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    # The configured address (WAGTAILADMIN_BASE_URL), whatever host the request named.
    settings.WAGTAILADMIN_BASE_URL = "https://procedury.lodz.pl"
    other_host = client.get("/robots.txt", HTTP_HOST="127.0.0.1:8000")
    assert "Sitemap: https://procedury.lodz.pl/sitemap.xml" in other_host.text.splitlines()
