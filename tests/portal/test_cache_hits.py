"""A page served from the page cache costs no database query, and "Obowiązuje od/do" stays
exact to the second: the next due instant is kept in the shared cache (issue #15)."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from cms import cache as resilient_cache
from home import page_cache
from procedures.models import ProcedurePage
from procedures.workflow import due
from tests.factories import ProcedurePageFactory
from tests.faults.services import free_port

T0 = datetime(2026, 12, 1, 7, 0, tzinfo=UTC)
OD = T0 + timedelta(hours=1)
SECOND = timedelta(seconds=1)


def at(moment):
    return time_machine.travel(moment, tick=False)


def get(client, path):
    """An anonymous GET and the database queries it ran."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    return response, len(captured.captured_queries)


def approve_second_version(page, go_live_at):
    """Approve a new version of the live ``page``, "Wersja druga", to go live then."""
    draft = ProcedurePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    draft.title, draft.go_live_at = "Wersja druga", go_live_at
    draft.save_revision().publish()


@pytest.fixture
def new_version_at_od(procedure_index):
    """A live procedure ("Wersja pierwsza") with a new version approved to go live at OD."""
    with at(T0):
        page = ProcedurePageFactory(parent=procedure_index, title="Wersja pierwsza")
        page.save_revision().publish()
        approve_second_version(page, OD)
    return page


def test_a_cached_hit_of_a_procedure_page_runs_no_query(
    client, procedure, django_assert_num_queries
):
    client.get(procedure.url)
    with django_assert_num_queries(0):
        response = client.get(procedure.url)
    assert response.status_code == 200 and response["X-Cache"] == "HIT"


def test_a_process_reading_its_host_names_again_asks_no_database(
    client, procedure, django_assert_num_queries
):
    client.get(procedure.url)
    page_cache.forget_known_hosts()  # its SITE_HOSTS_SECONDS are over
    with django_assert_num_queries(0):
        assert client.get(procedure.url)["X-Cache"] == "HIT"


def test_a_new_site_name_is_cached_at_once(client, procedure):
    client.get(procedure.url)
    site = Site.objects.get(is_default_site=True)
    site.hostname = "procedury.example.org"
    site.save()  # committed: the shared list of names is dropped
    client.get(procedure.url, HTTP_HOST="procedury.example.org")
    response = client.get(procedure.url, HTTP_HOST="procedury.example.org")
    assert response["X-Cache"] == "HIT"


def test_a_new_version_replaces_the_cached_page_at_its_second(client, new_version_at_od):
    page = new_version_at_od
    with at(OD - timedelta(minutes=2)):
        client.get(page.url)  # the page cache holds the first version
    with at(OD - SECOND):
        response, queries = get(client, page.url)
        assert response["X-Cache"] == "HIT" and "Wersja pierwsza" in response.text
        assert queries == 0
    with at(OD + SECOND):
        response, queries = get(client, page.url)
        assert "Wersja druga" in response.text and "Wersja pierwsza" not in response.text
        assert queries > 0  # the due instant came: the middleware published the version
        response, queries = get(client, page.url)
        assert response["X-Cache"] == "HIT" and "Wersja druga" in response.text
        assert queries == 0  # and stored the next instant (none)


def test_a_new_procedure_appears_in_the_cached_list_at_its_second(client, procedure_index):
    with at(T0):
        page = ProcedurePageFactory(
            parent=procedure_index, title="Procedura od jutra", live=False, go_live_at=OD
        )
        page.save_revision().publish()
    with at(OD - timedelta(minutes=2)):
        assert "Procedura od jutra" not in client.get(procedure_index.url).text
    with at(OD - SECOND):
        response, queries = get(client, procedure_index.url)
        assert response["X-Cache"] == "HIT" and queries == 0
    with at(OD + SECOND):
        assert "Procedura od jutra" in client.get(procedure_index.url).text
        assert client.get(page.url).status_code == 200


def test_a_withdrawn_procedure_leaves_the_cache_at_its_second(client, procedure_index):
    do = T0 + timedelta(hours=2)
    with at(T0):
        page = ProcedurePageFactory(parent=procedure_index, title="Procedura wycofywana")
        page.expire_at = do
        page.save_revision().publish()
    with at(do - timedelta(seconds=30)):
        client.get(page.url)
    with at(do - SECOND):
        response, queries = get(client, page.url)
        assert response["X-Cache"] == "HIT" and queries == 0
    with at(do + SECOND):
        assert client.get(page.url).status_code == 410
        assert "Procedura wycofywana" not in client.get(procedure_index.url).text


def test_a_schedule_made_after_the_instant_was_stored_is_kept(client, procedure_index):
    with at(T0):
        page = ProcedurePageFactory(parent=procedure_index, title="Wersja pierwsza")
        client.get(page.url)
        assert due.cached_next_due() is None  # stored: nothing scheduled
        approve_second_version(page, OD)
        assert due.cached_next_due() == OD
    with at(OD):
        assert "Wersja druga" in client.get(page.url).text


def test_nothing_scheduled_is_told_apart_from_a_miss(db):
    assert due.cached_next_due() is due.UNKNOWN
    due.store_next_due()
    assert due.cached_next_due() is None
    cache.delete(due.CHANGE_KEY)  # what a schedule change does once it commits
    assert due.cached_next_due() is due.UNKNOWN


def test_an_instant_read_before_a_schedule_committed_is_not_taken_as_valid(
    monkeypatch, new_version_at_od
):
    """A process reads the database, another commits a schedule and stores its instant,
    then the first stores what it read: its instant must not be taken as valid."""
    read = due.next_due_instant

    def read_then_someone_schedules():
        monkeypatch.setattr(due, "next_due_instant", read)
        with at(T0):
            revision = ProcedurePage.objects.get(pk=new_version_at_od.pk).save_revision()
            revision.approved_go_live_at = T0 + timedelta(minutes=5)
            revision.save()  # committed: the token is deleted and the instant stored
        return OD  # what this process read before that

    cache.clear()
    monkeypatch.setattr(due, "next_due_instant", read_then_someone_schedules)
    due.store_next_due()
    assert due.cached_next_due() in (due.UNKNOWN, T0 + timedelta(minutes=5))


@pytest.fixture
def without_cache():
    """Redis stopped: every cache call misses (cms.cache.ResilientRedisCache)."""
    resilient_cache._open_until.clear()
    caches = {
        "default": {
            "BACKEND": "cms.cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2},
        }
    }
    with override_settings(CACHES=caches):
        yield
    resilient_cache._open_until.clear()


def test_without_the_cache_the_database_is_asked_and_the_second_kept(
    client, new_version_at_od, without_cache
):
    page = new_version_at_od
    with at(OD - SECOND):
        response, queries = get(client, page.url)
        assert "Wersja pierwsza" in response.text and "X-Cache" not in response
        assert queries > 0
    with at(OD + SECOND):
        text = client.get(page.url).text
        assert "Wersja druga" in text and "Wersja pierwsza" not in text
