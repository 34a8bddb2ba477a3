""" "Obowiązuje od/do": exact to the second on every public path, scheduler or not."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.management import call_command
from wagtail.models import PageLogEntry

from procedures.models import ProcedurePage
from tests.factories import ProcedurePageFactory

T0 = datetime(2026, 12, 1, 7, 0, tzinfo=UTC)
OD = T0 + timedelta(hours=1)
SECOND = timedelta(seconds=1)


def at(moment):
    return time_machine.travel(moment, tick=False)


def seen_on_public_paths(client, page, title):
    """Where a resident could meet the procedure: its page, the list, the search."""
    page_response = client.get(page.url)
    return {
        "page": page_response.status_code == 200 and title in page_response.text,
        "list": title in client.get(page.get_parent().url).text,
        "search": title in client.get("/szukaj/", {"q": "harmonogramowana"}).text,
        "queryset": ProcedurePage.objects.public().filter(pk=page.pk).exists(),
    }


@pytest.fixture
def scheduled_new(procedure_index):
    """A new procedure approved to go live at OD."""
    with at(T0):
        page = ProcedurePageFactory(
            parent=procedure_index, title="Procedura harmonogramowana", live=False, go_live_at=OD
        )
        page.save_revision().publish()
        page.refresh_from_db()
        assert not page.live
    return page


def test_new_version_is_invisible_until_its_second_then_visible(client, scheduled_new):
    title = scheduled_new.title
    with at(OD - SECOND):
        assert not any(seen_on_public_paths(client, scheduled_new, title).values())
    with at(OD):
        # No scheduler has run: the first request after "od" publishes it.
        assert all(seen_on_public_paths(client, scheduled_new, title).values())
    entry = PageLogEntry.objects.filter(page=scheduled_new, action="wagtail.publish.scheduled")
    assert entry.exists()


def test_new_version_of_a_live_procedure_replaces_it_at_its_second(client, procedure_index):
    with at(T0):
        page = ProcedurePageFactory(parent=procedure_index, title="Wersja pierwsza")
        page.save_revision().publish()
        draft = ProcedurePage.objects.get(pk=page.pk).get_latest_revision_as_object()
        draft.title = "Wersja druga"
        draft.go_live_at = OD
        draft.save_revision().publish()  # approved, scheduled for OD
    with at(OD - SECOND):
        text = client.get(page.url).text
        assert "Wersja pierwsza" in text and "Wersja druga" not in text
    with at(OD):
        text = client.get(page.url).text
        assert "Wersja druga" in text and "Wersja pierwsza" not in text


def test_procedure_disappears_at_its_do_without_the_scheduler(client, procedure_index):
    do = T0 + timedelta(hours=2)
    with at(T0):
        page = ProcedurePageFactory(parent=procedure_index, title="Procedura harmonogramowana")
        page.expire_at = do
        page.save_revision().publish()
    with at(do - SECOND):
        assert all(seen_on_public_paths(client, page, page.title).values())
    with at(do):
        seen = seen_on_public_paths(client, page, page.title)
        assert not any(seen.values()), seen
        assert client.get(page.url).status_code == 410  # withdrawn, not merely missing
        assert ProcedurePage.objects.get(pk=page.pk).live  # the state has not changed yet
    with at(do + timedelta(seconds=20)):
        call_command("run_scheduler", "--once", stdout=open("/dev/null", "w"))  # noqa: SIM115
    page.refresh_from_db()
    assert not page.live and page.expired
    assert PageLogEntry.objects.filter(page=page, action="wagtail.unpublish.scheduled").exists()
    with at(do + timedelta(minutes=1)):
        assert client.get(page.url).status_code == 410  # still Gone, not merely missing


def test_scheduler_publishes_due_versions(procedure_index, scheduled_new):
    with at(OD + SECOND):
        call_command("run_scheduler", "--once", stdout=open("/dev/null", "w"))  # noqa: SIM115
    scheduled_new.refresh_from_db()
    assert scheduled_new.live


def test_internal_expired_procedure_is_404_not_410(client, procedure_index):
    with at(T0):
        page = ProcedurePageFactory(parent=procedure_index, is_internal=True)
        page.expire_at = T0 + SECOND
        page.save_revision().publish()
    with at(T0 + timedelta(minutes=1)):
        assert client.get(page.url).status_code == 404
