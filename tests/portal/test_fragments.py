"""A procedure's content is rendered once per published version (its fragment, kept in the
cache) and dropped exactly for the procedures showing a record that changed (issue #15)."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.db.models.signals import post_delete, pre_delete
from django.urls import reverse

from procedures import fragments, roles
from procedures.models import (
    PendingPurge,
    ProcedurePage,
    RelatedProcedure,
)
from tests.factories import (
    CategoryFactory,
    EmployeeFactory,
    OfficeFactory,
    ProcedurePageFactory,
    document,
    find_markers,
)
from tests.factories import pdf_document as pdf
from tests.portal.conftest import MARKERS
from tests.staff import member

T0 = datetime(2026, 12, 1, 7, 0, tzinfo=UTC)


def published(procedure_index, **values):
    """A procedure published through a revision (fragments are kept per published version)."""
    page = ProcedurePageFactory(parent=procedure_index, **values)
    page.save_revision().publish()
    return ProcedurePage.objects.get(pk=page.pk)


def republish(page, **changes):
    draft = ProcedurePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(draft, name, value)
    draft.save_revision().publish()
    return ProcedurePage.objects.get(pk=page.pk)


def fresh(client, page):
    """The page rendered afresh: a query string keeps the page cache out of the way."""
    response = client.get(page.url, {"odswiez": "1"})
    assert response.status_code == 200 and "X-Cache" not in response
    return response.text


def stored(page):
    return cache.get(fragments.key_for(page.pk))


@pytest.fixture
def shown(procedure_index):
    """A procedure showing an office, a category and a document, and one showing others."""
    records = {
        "office": OfficeFactory(address="ul. Piotrkowska 104, 90-926 Łódź"),
        "category": CategoryFactory(name="Meldunki"),
        "document": pdf("wniosek-meldunkowy"),
    }
    page = published(
        procedure_index,
        title="Zameldowanie na pobyt stały",
        places=[{"type": "office", "value": records["office"].pk}],
        required_documents=[document("Wniosek o zameldowanie", file=records["document"])],
        categories=[records["category"]],
    )
    other = published(
        procedure_index,
        title="Podatek od nieruchomości",
        places=[{"type": "office", "value": OfficeFactory(address="ul. Zachodnia 47").pk}],
        required_documents=[document("Deklaracja", file=pdf("deklaracja"))],
        categories=[CategoryFactory(name="Podatki")],
    )
    return page, other, records


def read_both(client, page, other):
    """Both pages into the page cache, both fragments into the cache."""
    for each in (page, other):
        client.get(each.url)
        assert client.get(each.url)["X-Cache"] == "HIT"
        assert stored(each) is not None
    return stored(other)


@pytest.mark.parametrize(
    ("change", "before", "after"),
    [
        ("office", "ul. Piotrkowska 104", "ul. Kilińskiego 102/102a"),
        ("category", "Meldunki", "Sprawy meldunkowe"),
    ],
)
def test_a_changed_record_changes_exactly_the_pages_showing_it(
    client, shown, change, before, after
):
    page, other, records = shown
    other_fragment = read_both(client, page, other)
    assert before in client.get(page.url).text

    record = records[change]
    if change == "office":
        record.address = after + ", 90-051 Łódź"
    else:
        record.name = after
    record.save()

    response = client.get(page.url)
    assert "X-Cache" not in response
    assert after in response.text and before not in response.text
    assert after in fresh(client, page)
    # The other procedure keeps its cached page and its fragment, untouched.
    assert client.get(other.url)["X-Cache"] == "HIT"
    assert stored(other) == other_fragment


def test_a_documents_change_drops_exactly_the_fragments_showing_it(client, shown):
    page, other, records = shown
    other_fragment = read_both(client, page, other)
    assert "Pobierz plik" in fresh(client, page)

    doc = records["document"]
    doc.title = "Wniosek o zameldowanie (wzór 2026)"
    doc.save()

    assert stored(page) is None
    assert "X-Cache" not in client.get(page.url)
    assert client.get(other.url)["X-Cache"] == "HIT"
    assert stored(other) == other_fragment

    doc.is_fillable_form = True  # what the link says comes from the document
    doc.save()
    assert "Pobierz formularz" in client.get(page.url).text
    assert stored(other) == other_fragment


def test_a_deleted_office_leaves_the_pages_that_showed_it(client, shown):
    page, other, records = shown
    other_fragment = read_both(client, page, other)
    records["office"].delete()
    assert "ul. Piotrkowska 104" not in client.get(page.url).text
    assert stored(other) == other_fragment


def test_people_count_only_where_the_page_shows_them(client, procedure_index):
    author, owner = EmployeeFactory(name="Anna Autorka"), EmployeeFactory(name="Olga Właścicielka")
    by_author = published(procedure_index, authors=[author])
    owned = published(procedure_index, procedure_owner=owner, authors=[EmployeeFactory()])
    fresh(client, by_author)
    fresh(client, owned)
    assert fragments.pages_showing([author]) == {by_author.pk}
    # Właściciel* is restricted: the page does not show the owner, nothing to drop.
    assert fragments.pages_showing([owner]) == set()

    author.name = "Anna Nowak-Autorka"
    author.save()
    assert "Anna Nowak-Autorka" in fresh(client, by_author)
    assert stored(owned) is not None


def test_a_new_publication_never_serves_the_old_fragment(client, procedure_index):
    page = published(procedure_index, summary="Pierwsza wersja opisu.")
    assert "Pierwsza wersja opisu." in fresh(client, page)
    entry = stored(page)
    page = republish(page, summary="Druga wersja opisu.")
    # Nothing purged the old entry by its key: its stamp no longer matches.
    cache.set(fragments.key_for(page.pk), entry)
    text = fresh(client, page)
    assert "Druga wersja opisu." in text and "Pierwsza wersja opisu." not in text
    assert stored(page)["stamp"][0] == page.live_revision_id


def test_a_related_procedures_new_title_reaches_the_pages_linking_to_it(client, procedure_index):
    related = published(procedure_index, title="Wymeldowanie z pobytu stałego")
    page = ProcedurePageFactory(parent=procedure_index)
    RelatedProcedure.objects.create(page=page, procedure=related)
    page.save_revision().publish()
    assert "Wymeldowanie z pobytu stałego" in fresh(client, page)
    republish(related, title="Wymeldowanie z pobytu stałego lub czasowego")
    assert "Wymeldowanie z pobytu stałego lub czasowego" in fresh(client, page)


def test_a_fragment_is_kept_no_longer_than_a_related_procedures_withdrawal(procedure_index):
    with time_machine.travel(T0, tick=False):
        related = published(procedure_index)
        republish(related, expire_at=T0 + timedelta(minutes=10))
        page = ProcedurePageFactory(parent=procedure_index)
        RelatedProcedure.objects.create(page=page, procedure=related)
        assert fragments.seconds_to_keep(page) == 600
        lone = ProcedurePageFactory(parent=procedure_index)
        assert fragments.seconds_to_keep(lone) == fragments.FRAGMENT_SECONDS


def test_no_restricted_value_enters_a_fragment(client, marked_procedure):
    text = fresh(client, marked_procedure)
    entry = stored(marked_procedure)
    assert entry is not None
    assert not find_markers(" ".join(entry["parts"].values()), MARKERS.values())
    assert not find_markers(text, MARKERS.values())


def planted(page):
    """A fragment with the page's own stamp but a text no rendering would give."""
    cache.set(
        fragments.key_for(page.pk),
        {
            "stamp": fragments.stamp(page),
            "parts": {"jsonld": "", "breadcrumbs": "", "article": "<p>ZASADZONY FRAGMENT</p>"},
        },
    )


def test_the_portal_reads_the_fragment_and_the_call_center_renders_live(client, procedure_index):
    page = published(procedure_index, summary="Opis z bazy danych.")
    planted(page)
    assert "ZASADZONY FRAGMENT" in fresh(client, page)
    client.force_login(member(roles.CALL_CENTER))
    text = client.get(reverse("callcenter:procedure", args=[page.code])).text
    assert "ZASADZONY FRAGMENT" not in text and "Opis z bazy danych." in text


def test_a_preview_renders_the_draft_and_stores_nothing(client, procedure_index):
    page = published(procedure_index, summary="Opis opublikowany.")
    fresh(client, page)
    entry = stored(page)
    draft = page.get_latest_revision_as_object()
    draft.summary = "Opis w wersji roboczej."
    response = draft.make_preview_request()
    response.render()
    assert "Opis w wersji roboczej." in response.text
    assert stored(page) == entry


def test_without_the_cache_the_page_is_rendered_live(client, procedure_index, monkeypatch):
    class Unavailable:
        def get(self, *args, **kwargs):
            raise ConnectionError("Redis is gone")

        set = get

    page = published(procedure_index, summary="Opis bez pamięci podręcznej.")
    monkeypatch.setattr(fragments, "cache", Unavailable())
    assert "Opis bez pamięci podręcznej." in fresh(client, page)
    assert "Opis bez pamięci podręcznej." in fresh(client, page)


def test_a_renamed_procedure_list_reaches_the_breadcrumbs(client, procedure_index):
    page = published(procedure_index)
    assert procedure_index.title in fresh(client, page)
    procedure_index.title = "Wszystkie sprawy"
    procedure_index.save_revision().publish()
    assert "Wszystkie sprawy" in fresh(client, page)


def test_a_deleted_related_procedure_leaves_the_pages_linking_to_it(client, procedure_index):
    related = published(procedure_index, title="Procedura do usunięcia")
    page = ProcedurePageFactory(parent=procedure_index)
    RelatedProcedure.objects.create(page=page, procedure=related)
    page.save_revision().publish()
    assert "Procedura do usunięcia" in fresh(client, page)
    ProcedurePage.objects.get(pk=related.pk).delete()
    assert "Procedura do usunięcia" not in fresh(client, page)


def test_the_signals_leave_fast_deletes_alone():
    """No receiver without a sender: Django would then load every row it deletes, of
    every model (the purge outbox, the reference index), to send it a signal."""
    assert not pre_delete.has_listeners(PendingPurge)
    assert not post_delete.has_listeners(PendingPurge)
