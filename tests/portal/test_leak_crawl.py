"""Crawl the whole demo portal anonymously: no restricted value, no internal procedure.

Every restricted value of every procedure and the internal procedure get unique markers:
the fields, the names, e-mail addresses and phone numbers of owner, coordinator and
contacts, and the title, file name and PDF text of a document linked only from "Opis*".
The crawl follows every same-site link from the home page, the sitemap and robots.txt
(pages, categories, search, JSON-LD inside pages, document downloads, the Atom feeds of
changes, where the internal procedure's change note is one more marker), asks the search page
and the search box's suggestions for the markers, and looks for them in each response
without regard to case. The same markers must then appear to a Call Center agent on the
reading view and in the restricted file.
"""

import itertools
import re
from collections import deque
from html import unescape
from io import StringIO
from urllib.parse import parse_qs, urlencode, urljoin, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page

from procedures.demo import content
from procedures.models import ProcedureDocument, ProcedurePage
from tests.factories import (
    EmployeeFactory,
    document,
    faq_item,
    find_markers,
    restricted_document,
)
from tests.search.echo import without_search_echo

pytestmark = pytest.mark.slow

SKIP = ("/admin/", "/django-admin/", "/call-center/", "/static/")
LINK = re.compile(r"""(?:href|src)=["']([^"'#]+)""")
SITEMAP_LOC = re.compile(r"<loc>([^<]+)</loc>")
#: The people named in restricted fields, by the word their markers carry.
PEOPLE = {"procedure_owner": "WLASCICIEL", "coordinator": "KOORDYNATOR", "cc_contacts": "TELEFON"}


def marker(kind, code):
    return f"ZASTRZ-{kind}-{code}"


def plant_markers():
    """Markers in every restricted value; returns ``{marker: kind}`` and, per procedure
    code, its markers (the internal procedure's public fields are markers too)."""
    markers, by_code = {}, {}
    phones = itertools.count(1)
    for page in ProcedurePage.objects.all():
        draft = page.get_latest_revision_as_object()
        code = page.code
        planted = {}
        people = {}
        for field, kind in PEOPLE.items():
            number = next(phones)
            phone = f"42 799 {number // 100:02d} {number % 100:02d}"  # no public 42 799 …
            email = f"{marker(kind, code).lower()}@example.invalid"
            people[field] = EmployeeFactory(
                name=marker(kind, code), email=email, phone=phone, department=page.department
            )
            planted |= {marker(kind, code): kind, email: f"{kind}-EMAIL", phone: f"{kind}-NUMER"}
        doc = restricted_document(
            marker("PLIK", code), marker("PLIK", code).lower(), marker("TRESC", code)
        )
        draft.procedure_owner = people["procedure_owner"]
        draft.coordinator = people["coordinator"]
        draft.cc_contacts = [{"type": "employee", "value": people["cc_contacts"].pk}]
        draft.cc_description = (
            f'<p>{marker("OPIS", code)} <a linktype="document" id="{doc.pk}">plik</a></p>'
        )
        draft.faq = [faq_item(marker("PYTANIE", code), f"<p>{marker('ODPOWIEDZ', code)}</p>")]
        draft.cc_other = marker("INNE", code)
        kinds = ["OPIS", "PYTANIE", "ODPOWIEDZ", "INNE", "PLIK", "TRESC"]
        if page.is_internal:
            draft.title = marker("WEWNETRZNA", code)
            draft.summary = marker("WEWNETRZNA-OPIS", code)
            draft.required_documents = [document("Wniosek", file=doc)]
            # Its change note is public text of a procedure residents may not see.
            draft.change_note = marker("ZMIANA", code)
            kinds += ["WEWNETRZNA", "WEWNETRZNA-OPIS", "ZMIANA"]
        planted |= {marker(kind, code): kind for kind in kinds}
        markers |= planted
        by_code[code] = planted
        revision = draft.save_revision()
        if page.live:
            revision.publish()
    return markers, by_code


def crawl(client, start):
    seen, queue, bodies = set(), deque(start), {}
    while queue and len(seen) < 1000:
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
        if urlsplit(path).path == "/szukaj/":
            # The search page repeats what was typed; that echo, and only it, is not a leak.
            query = parse_qs(urlsplit(path).query).get("q", [""])[0]
            text = without_search_echo(text, query.strip())
        bodies[path] = (response.status_code, text)
        if "html" in response.get("Content-Type", "") or "xml" in response.get("Content-Type", ""):
            for link in LINK.findall(text) + SITEMAP_LOC.findall(text):
                queue.append(urljoin(path, unescape(link)))
    assert not queue, f"the crawl stopped after {len(seen)} addresses with more to follow"
    return bodies


@pytest.mark.django_db
def probes(markers):
    """The search page and the suggestions asked for each marker, a prefix of it and the
    marker's common start, as typed and in lower case."""
    queries = {"ZASTRZ", "zastrz", "ZASTRZ-"}
    for text in markers:
        queries |= {text, text.lower(), text[:-2]}
    return [
        f"{path}?{urlencode({'q': query})}"
        for query in sorted(queries)
        for path in ("/szukaj/", "/szukaj/podpowiedzi/")
    ]


def download(client, url):
    response = client.get(url)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response.status_code, body.decode("latin-1")


@pytest.mark.django_db
def test_anonymous_crawl_finds_no_marker_and_the_agent_sees_them(client):
    call_command("seed_demo", stdout=StringIO())
    markers, by_code = plant_markers()
    codes = list(ProcedurePage.objects.values_list("code", flat=True))
    public_code = ProcedurePage.objects.public().values_list("code", flat=True).first()
    internal_code = ProcedurePage.objects.filter(is_internal=True).values_list("code", flat=True)[0]
    start = ["/", "/sitemap.xml", "/robots.txt", "/szukaj/?q=wniosek"]
    start += [f"/procedura/{code}/" for code in codes]
    start += probes([*by_code[public_code], *by_code[internal_code]])
    bodies = crawl(client, start)

    procedure_pages = [p for p in bodies if p.startswith("/procedury/") and p != "/procedury/"]
    assert len(procedure_pages) >= 15, sorted(bodies)
    assert any(p.startswith("/kategoria/") for p in bodies)
    assert any(p.startswith("/szukaj/podpowiedzi/") for p in bodies)
    assert any('"@type": "GovernmentService"' in text for _, text in bodies.values())
    # The feeds of changes, linked from every page's head, were read too.
    assert "/zmiany/atom/" in bodies
    assert any(p.startswith("/kategoria/") and p.endswith("/zmiany/atom/") for p in bodies)
    downloads = [p for p, (status, _) in bodies.items() if p.startswith("/documents/")]
    assert downloads and all(bodies[p][0] == 200 for p in downloads)  # public forms
    leaks = {}  # kind of marker: where it was found
    for path, (_status, text) in bodies.items():
        for found in find_markers(text, markers):
            leaks.setdefault(markers[found], []).append(path)
    assert not leaks, {kind: f"{paths[:2]} ({len(paths)})" for kind, paths in leaks.items()}

    # The restricted documents exist, are refused to anonymous readers, and print a marker.
    restricted = ProcedureDocument.objects.filter(title__startswith="ZASTRZ-PLIK")
    assert restricted.count() == len(codes)
    for doc in restricted:
        assert download(client, doc.url)[0] == 404

    # The agent sees them all, so the crawl above could have found them.
    agent = get_user_model().objects.get(username="agent")
    client.force_login(agent)
    seen = set()
    for code in codes:
        response = client.get(f"/call-center/procedura/{code}/")
        assert response.status_code == 200
        seen |= set(find_markers(response.text, markers))
    # The internal procedure's change note: on the Call Center's dashboard.
    seen |= set(find_markers(client.get("/admin/").text, markers))
    for doc in restricted:
        status, body = download(client, doc.url)
        assert status == 200
        seen |= set(find_markers(body, markers))
    # The scheduled procedure's marked revision waits for its date and the withdrawn one is
    # past its end, so the reading view shows neither; their files were read above.
    expected = {m for m, kind in markers.items() if kind == "TRESC"} | {
        m
        for code, planted in by_code.items()
        if code not in (content.SCHEDULED_CODE, content.WITHDRAWN_CODE)
        for m in planted
    }
    assert sorted(expected - seen) == []
    assert Page.objects.live().count() > 20
