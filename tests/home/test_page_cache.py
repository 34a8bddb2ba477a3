"""The portal's page cache: shared only between anonymous readers, exactly invalidated."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import override_settings
from wagtail.models import Site

from procedures import roles
from procedures.models import ProcedurePage, RelatedProcedure
from tests.factories import ProcedurePageFactory, UserFactory

T0 = datetime(2026, 12, 1, 7, 0, tzinfo=UTC)


def republish(page, **changes):
    draft = ProcedurePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(draft, name, value)
    draft.save_revision().publish()


def test_second_anonymous_read_is_served_from_the_cache_with_validators(client, procedure_index):
    page = ProcedurePageFactory(parent=procedure_index)
    page.save_revision().publish()  # sets last_published_at, sent as Last-Modified
    first = client.get(page.url)
    assert first.status_code == 200 and "X-Cache" not in first
    assert "public" in first["Cache-Control"] and "max-age=" in first["Cache-Control"]
    second = client.get(page.url)
    assert second["X-Cache"] == "HIT"
    assert second.content == first.content
    assert second["ETag"] == first["ETag"] and second["Last-Modified"]
    assert client.get(page.url, headers={"if-none-match": first["ETag"]}).status_code == 304
    assert second["X-Frame-Options"] == first["X-Frame-Options"]


def test_logged_in_readers_neither_use_nor_fill_the_cache(client, procedure_index):
    page = ProcedurePageFactory(parent=procedure_index)
    client.force_login(UserFactory(groups=[Group.objects.get(name=roles.MODERATORS)]))
    staff = client.get(page.url)
    assert "X-Cache" not in staff and "public" not in staff.get("Cache-Control", "")
    client.logout()
    anonymous = client.get(page.url)
    assert "X-Cache" not in anonymous  # the staff view was not stored
    assert "wagtail-userbar" not in anonymous.text


def test_tracking_parameters_share_the_entry_of_the_plain_path(client, procedure_index):
    page = ProcedurePageFactory(parent=procedure_index)
    first = client.get(page.url, {"utm_source": "facebook", "utm_medium": "social"})
    assert first.status_code == 200 and "X-Cache" not in first
    for query in ({}, {"fbclid": "IwAR0abc"}, {"gclid": "x", "_ga": "2.1"}, {"mc_cid": "1"}):
        response = client.get(page.url, query)
        assert response["X-Cache"] == "HIT", query
        assert response.content == first.content


def test_other_query_strings_are_neither_served_nor_stored(client, procedure_index):
    page = ProcedurePageFactory(parent=procedure_index)
    client.get(page.url)
    assert "X-Cache" not in client.get(page.url, {"page": "2"})
    assert "X-Cache" not in client.get(page.url, {"utm_source": "x", "q": "dowód"})
    cache.clear()
    client.get(page.url, {"wersja": "1"})
    assert "X-Cache" not in client.get(page.url)


def test_publishing_invalidates_exactly_the_pages_concerned(client, procedure_index):
    changed = ProcedurePageFactory(parent=procedure_index, title="Stary tytuł")
    linking = ProcedurePageFactory(parent=procedure_index)
    RelatedProcedure.objects.create(page=linking, procedure=changed)
    unrelated = ProcedurePageFactory(parent=procedure_index)
    for page in (changed, linking, unrelated, procedure_index):
        client.get(page.url)

    republish(changed, title="Nowy tytuł")

    for page in (changed, linking, procedure_index):
        response = client.get(page.url)
        assert "X-Cache" not in response, page
        assert "Nowy tytuł" in response.text, page
    assert client.get(unrelated.url)["X-Cache"] == "HIT"


def test_unpublishing_removes_it_at_once(client, procedure_index):
    page = ProcedurePageFactory(parent=procedure_index, title="Do wycofania")
    client.get(page.url)
    client.get(procedure_index.url)
    ProcedurePage.objects.get(pk=page.pk).unpublish()
    assert client.get(page.url).status_code == 404
    assert "Do wycofania" not in client.get(procedure_index.url).text


def test_a_cached_page_never_outlives_the_next_withdrawal(client, procedure_index):
    with time_machine.travel(T0, tick=False):
        page = ProcedurePageFactory(parent=procedure_index, title="Wkrótce wycofana")
        republish(page, expire_at=T0 + timedelta(minutes=1))
        other = ProcedurePageFactory(parent=procedure_index)
        assert "Wkrótce wycofana" in client.get(other.get_parent().url).text
        assert client.get(page.url).status_code == 200
    with time_machine.travel(T0 + timedelta(minutes=1), tick=False):
        assert "Wkrótce wycofana" not in client.get(procedure_index.url).text
        assert client.get(page.url).status_code == 410


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "LOCALHOST.", "Localhost", "testserver:80"])
def test_another_spelling_of_the_host_never_serves_a_withdrawn_page(client, procedure_index, host):
    page = ProcedurePageFactory(parent=procedure_index, title="Wkrótce wewnętrzna")
    page.save_revision().publish()
    client.get(page.url, headers={"host": host})
    client.get(page.url, headers={"host": host})

    republish(page, is_internal=True)

    response = client.get(page.url, headers={"host": host})
    assert "X-Cache" not in response
    assert response.status_code == 404
    assert "Wkrótce wewnętrzna" not in client.get(procedure_index.url, headers={"host": host}).text


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "LOCALHOST."])
def test_another_spelling_never_serves_an_unpublished_page(client, procedure_index, host):
    page = ProcedurePageFactory(parent=procedure_index)
    page.save_revision().publish()
    client.get(page.url, headers={"host": host})
    ProcedurePage.objects.get(pk=page.pk).unpublish()
    assert client.get(page.url, headers={"host": host}).status_code == 404


def test_a_new_site_name_is_cached_and_purged(client, procedure_index):
    Site.objects.create(hostname="procedury.example", port=443, root_page=procedure_index)
    page = ProcedurePageFactory(parent=procedure_index, title="Na nowej stronie")
    page.save_revision().publish()
    for host in ("procedury.example", "procedury.example:443"):
        client.get(page.url, headers={"host": host})
        assert client.get(page.url, headers={"host": host})["X-Cache"] == "HIT", host

    republish(page, is_internal=True)

    for host in ("procedury.example", "procedury.example:443"):
        response = client.get(page.url, headers={"host": host})
        assert "X-Cache" not in response and response.status_code == 404, host


@override_settings(PORTAL_CACHE_HOSTS=["127.0.0.1:8000"])
def test_a_configured_spelling_is_cached_and_purged(client, procedure_index):
    page = ProcedurePageFactory(parent=procedure_index)
    page.save_revision().publish()
    client.get(page.url, headers={"host": "127.0.0.1:8000"})
    assert client.get(page.url, headers={"host": "127.0.0.1:8000"})["X-Cache"] == "HIT"
    republish(page, is_internal=True)
    assert client.get(page.url, headers={"host": "127.0.0.1:8000"}).status_code == 404
