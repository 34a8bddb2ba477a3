"""Change notes where residents and BIP read them: the procedure's page ("Ostatnia
aktualizacja", "Historia zmian"), the API's change register and the Atom feeds. Only
notes of public procedures, and no restricted value in any of them."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.utils import timezone

from procedures.changes.models import ChangeNote
from procedures.models import ProcedurePage
from tests.factories import ProcedurePageFactory, fill_restricted_fields, find_markers
from tests.portal.conftest import MARKERS

from .conftest import NOTE, publish

ATOM = "{http://www.w3.org/2005/Atom}"


def republish(page, user=None, **changes):
    """A new version of ``page`` with ``changes`` (the note among them), published."""
    draft = ProcedurePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(draft, name, value)
    draft.save_revision(user=user).publish(user=user)
    return ProcedurePage.objects.get(pk=page.pk)


def atom(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)  # noqa: S314 — our own output


def assert_valid_atom(feed):
    """RFC 4287: the feed has id, title, updated and an author (or each entry has one);
    each entry id, title, updated and a link (it has no content of its own)."""
    assert feed.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert (feed.findtext(f"{ATOM}{name}") or "").strip(), name
    feed_author = feed.find(f"{ATOM}author/{ATOM}name")
    for entry in feed.findall(f"{ATOM}entry"):
        for name in ("id", "title", "updated"):
            assert (entry.findtext(f"{ATOM}{name}") or "").strip(), name
        assert entry.find(f"{ATOM}link").get("href", "").startswith("http")
        assert feed_author is not None or entry.find(f"{ATOM}author/{ATOM}name") is not None
    ids = [entry.findtext(f"{ATOM}id") for entry in feed.findall(f"{ATOM}entry")]
    assert len(ids) == len(set(ids))


def entry_titles(feed):
    return [entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")]


@pytest.fixture
def changed(published, moderator):
    """The published procedure, changed once with a note and once as a minor correction."""
    page = republish(published, moderator, summary="Nowy opis sprawy.", change_note=NOTE)
    return republish(page, moderator, summary="Nowy opis sprawy!", minor_change=True)


@pytest.fixture
def internal(procedure_index, category, moderator):
    """An internal procedure changed with a note: its note is for staff only."""
    page = publish(
        ProcedurePageFactory(
            parent=procedure_index,
            title="Procedura wewnętrzna",
            code="ZG-09001",
            is_internal=True,
            categories=[category],
        ),
        moderator,
    )
    return republish(page, moderator, summary="Inny opis.", change_note="NOTATKA-WEWNETRZNA")


# --- The portal ----------------------------------------------------------------------------


def test_the_page_lists_the_history_of_changes_newest_first(client, changed):
    html = client.get(changed.url).content.decode()
    assert "Historia zmian" in html
    assert 'href="#historia-zmian"' in html
    assert html.index("Drobna poprawka") < html.index(NOTE)
    today = timezone.localdate()
    assert "Ostatnia aktualizacja:" in html
    assert f'datetime="{today:%Y-%m-%d}' in html


def test_a_new_note_shows_on_the_next_request(client, published, moderator):
    assert "Historia zmian" not in client.get(published.url).content.decode()
    republish(published, moderator, summary="Nowy opis sprawy.", change_note=NOTE)
    assert NOTE in client.get(published.url).content.decode()


def test_the_portal_links_the_feeds(client, changed, category):
    html = client.get(changed.url).content.decode()
    assert '<link rel="alternate" type="application/atom+xml"' in html
    assert 'href="/zmiany/atom/"' in html
    category_html = client.get(f"/kategoria/{category.slug}/").content.decode()
    assert f'href="/kategoria/{category.slug}/zmiany/atom/"' in category_html


# --- The API -------------------------------------------------------------------------------


def test_the_change_register_carries_the_notes(client, changed):
    data = client.get(f"/api/v2/procedures/{changed.pk}/history/").json()
    assert [n["text"] for n in data["change_notes"]] == ["Drobna poprawka", NOTE]
    assert [n["minor"] for n in data["change_notes"]] == [True, False]
    first, second, third = data["items"]
    assert first["change_note"] is None
    assert second["change_note"] == {"text": NOTE, "minor": False}
    assert third["change_note"] == {"text": "Drobna poprawka", "minor": True}


# --- The feeds -----------------------------------------------------------------------------


def test_the_feed_of_all_changes_is_valid_atom(client, changed, internal):
    feed = atom(client.get("/zmiany/atom/"))
    assert_valid_atom(feed)
    assert feed.findtext(f"{ATOM}author/{ATOM}name")
    titles = entry_titles(feed)
    assert titles == [
        "Wydanie dowodu osobistego: Drobna poprawka",
        f"Wydanie dowodu osobistego: {NOTE}",
    ]
    link = feed.find(f"{ATOM}entry/{ATOM}link").get("href")
    assert link == f"http://testserver{changed.url}"


def test_the_feed_of_a_category_has_its_procedures_only(client, changed, procedure_index):
    other = publish(ProcedurePageFactory(parent=procedure_index, title="Karta parkingowa"))
    republish(other, summary="Zmiana.", change_note="Zmieniono adres składania wniosku")
    feed = atom(client.get("/kategoria/sprawy-obywatelskie/zmiany/atom/"))
    assert_valid_atom(feed)
    assert all(title.startswith("Wydanie dowodu") for title in entry_titles(feed))
    everything = entry_titles(atom(client.get("/zmiany/atom/")))
    assert "Karta parkingowa: Zmieniono adres składania wniosku" in everything
    assert client.get("/kategoria/nie-ma-takiej/zmiany/atom/").status_code == 404


def test_an_empty_feed_is_valid_atom(client, db):
    assert_valid_atom(atom(client.get("/zmiany/atom/")))


def test_notes_of_procedures_residents_cannot_see_are_in_no_public_output(
    client, changed, internal
):
    assert ChangeNote.objects.filter(page=internal).exists()
    everything = client.get("/zmiany/atom/").content.decode()
    category = client.get("/kategoria/sprawy-obywatelskie/zmiany/atom/").content.decode()
    assert "NOTATKA-WEWNETRZNA" not in everything + category
    # A procedure withdrawn ("Obowiązuje do" passed) takes its notes out of the feed.
    ProcedurePage.objects.filter(pk=changed.pk).update(
        expire_at=timezone.now() - timedelta(minutes=1)
    )
    assert NOTE not in client.get("/zmiany/atom/").content.decode()


# --- Restricted values: markers ------------------------------------------------------------


def test_no_restricted_marker_reaches_notes_feed_page_or_api(client, published, moderator):
    """Markers in every restricted field; the Office publishes a public change with a note
    and then a change of restricted fields only, note typed and all: neither the page, the
    API's register nor either feed shows a marker, and the second version leaves no note."""
    draft = ProcedurePage.objects.get(pk=published.pk).get_latest_revision_as_object()
    fill_restricted_fields(draft)
    draft.summary, draft.change_note = "Nowy opis sprawy.", NOTE
    draft.save_revision(user=moderator).publish(user=moderator)
    republish(
        published,
        moderator,
        cc_other="MARKER-CC-OTHER zmienione",
        change_note=f"Zmieniono {MARKERS['cc_other']}",
    )
    assert list(ChangeNote.objects.values_list("text", flat=True)) == [NOTE]
    outputs = [
        client.get(published.url).content.decode(),
        client.get(f"/api/v2/procedures/{published.pk}/history/").content.decode(),
        client.get("/zmiany/atom/").content.decode(),
        client.get("/kategoria/sprawy-obywatelskie/zmiany/atom/").content.decode(),
    ]
    for output in outputs:
        assert not find_markers(output, MARKERS.values())
    assert all(NOTE in output for output in outputs)
