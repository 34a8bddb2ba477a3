"""Crawl the whole demo portal anonymously: no restricted value, no internal procedure.

Every restricted field of every procedure and the internal procedure get unique marker
strings; the crawl follows every same-site link from the home page, the sitemap and
robots.txt (pages, categories, search, JSON-LD inside pages, document downloads) and
searches each response for them. The same markers must then appear to a Call Center agent
on the reading view.
"""

import re
from collections import deque
from html import unescape
from io import StringIO
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management import call_command
from wagtail.models import Page

from procedures.factories import EmployeeFactory, document, faq_item
from procedures.models import ProcedureDocument, ProcedurePage
from tests.procedures import files

SKIP = ("/admin/", "/django-admin/", "/call-center/", "/static/")
LINK = re.compile(r"""(?:href|src)=["']([^"'#]+)""")
SITEMAP_LOC = re.compile(r"<loc>([^<]+)</loc>")


def marker(kind, code):
    return f"ZASTRZ-{kind}-{code}"


def restricted_document(code):
    doc = ProcedureDocument(title=marker("PLIK", code))
    doc.file.save(
        f"{marker('plik', code).lower()}.pdf",
        ContentFile(files.PDF + marker("TRESC", code).encode()),
        save=False,
    )
    doc._set_document_file_metadata()
    doc.save()
    return doc


def plant_markers():
    """Markers in every restricted field; returns them with the internal procedure's code."""
    markers = set()
    for page in ProcedurePage.objects.all():
        draft = page.get_latest_revision_as_object()
        code = page.code
        owner = EmployeeFactory(name=marker("WLASCICIEL", code), department=page.department)
        coordinator = EmployeeFactory(name=marker("KOORDYNATOR", code), department=page.department)
        contact = EmployeeFactory(name=marker("TELEFON", code), department=page.department)
        doc = restricted_document(code)
        draft.procedure_owner = owner
        draft.coordinator = coordinator
        draft.cc_contacts = [{"type": "employee", "value": contact.pk}]
        draft.cc_description = (
            f'<p>{marker("OPIS", code)} <a linktype="document" id="{doc.pk}">plik</a></p>'
        )
        draft.faq = [faq_item(marker("PYTANIE", code), f"<p>{marker('ODPOWIEDZ', code)}</p>")]
        draft.cc_other = marker("INNE", code)
        new = {"WLASCICIEL", "KOORDYNATOR", "TELEFON", "OPIS", "PYTANIE", "ODPOWIEDZ", "INNE"}
        if page.is_internal:
            draft.title = marker("WEWNETRZNA", code)
            draft.summary = marker("WEWNETRZNA-OPIS", code)
            draft.required_documents = [document("Wniosek", file=doc)]
            new |= {"WEWNETRZNA", "WEWNETRZNA-OPIS"}
        markers |= {marker(kind, code) for kind in new} | {marker("PLIK", code)}
        revision = draft.save_revision()
        if page.live:
            revision.publish()
    return markers


def crawl(client, start):
    seen, queue, bodies = set(), deque(start), {}
    while queue and len(seen) < 600:
        url = queue.popleft()
        path = urlsplit(url).path + (f"?{urlsplit(url).query}" if urlsplit(url).query else "")
        if path in seen or path.startswith(SKIP) or urlsplit(url).netloc not in ("", "testserver"):
            continue
        seen.add(path)
        response = client.get(path)
        if response.status_code in (301, 302):
            queue.append(response["Location"])
            continue
        body = b"".join(response.streaming_content) if response.streaming else response.content
        text = body.decode("utf-8", errors="replace")
        if path.startswith("/szukaj/"):
            # The search page repeats what was typed; that echo is not a leak.
            query = parse_qs(urlsplit(path).query).get("q", [""])[0]
            text = text.replace(query, "") if query else text
        bodies[path] = (response.status_code, text)
        if "html" in response.get("Content-Type", "") or "xml" in response.get("Content-Type", ""):
            for link in LINK.findall(text) + SITEMAP_LOC.findall(text):
                queue.append(urljoin(path, unescape(link)))
    return bodies


@pytest.mark.django_db
def test_anonymous_crawl_finds_no_marker_and_the_agent_sees_them(client):
    call_command("seed_demo", stdout=StringIO())
    markers = plant_markers()
    codes = list(ProcedurePage.objects.values_list("code", flat=True))
    start = ["/", "/sitemap.xml", "/robots.txt", "/szukaj/?q=wniosek", "/szukaj/?q=ZASTRZ"]
    start += [f"/procedura/{code}/" for code in codes]
    start += [f"/szukaj/?q={m}" for m in sorted(markers)[:10]]
    bodies = crawl(client, start)

    procedure_pages = [p for p in bodies if p.startswith("/procedury/") and p != "/procedury/"]
    assert len(procedure_pages) >= 15, sorted(bodies)
    assert any(p.startswith("/kategoria/") for p in bodies)
    assert any('"@type": "GovernmentService"' in text for _, text in bodies.values())
    downloads = [p for p, (status, _) in bodies.items() if p.startswith("/documents/")]
    assert downloads and all(bodies[p][0] == 200 for p in downloads)  # public forms
    leaks = {
        path: sorted(m for m in markers if m in text)
        for path, (_status, text) in bodies.items()
        if any(m in text for m in markers)
    }
    assert not leaks, leaks

    # The restricted documents exist and are refused to anonymous readers.
    for doc in ProcedureDocument.objects.filter(title__startswith="ZASTRZ-PLIK"):
        assert client.get(doc.url).status_code == 404

    agent = get_user_model().objects.get(username="agent")
    client.force_login(agent)
    seen = set()
    for code in codes:
        response = client.get(f"/call-center/procedura/{code}/")
        assert response.status_code == 200
        seen |= {m for m in markers if m in response.text}
    kinds = {m.split("-")[1] for m in seen}
    assert {
        "WLASCICIEL",
        "KOORDYNATOR",
        "TELEFON",
        "OPIS",
        "PYTANIE",
        "ODPOWIEDZ",
        "INNE",
        "WEWNETRZNA",
    } <= kinds
    assert Page.objects.live().count() > 20
