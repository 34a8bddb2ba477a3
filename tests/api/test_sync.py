"""``?updated_since=``: BIP stays in sync with what was published and withdrawn, to the second."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.management import call_command

from procedures.models import ProcedurePage
from tests.api.conftest import publish
from tests.factories import ProcedurePageFactory

T0 = datetime(2026, 12, 1, 7, 0, tzinfo=UTC)
SINCE = T0 + timedelta(minutes=1)
OD = T0 + timedelta(hours=1)
SECOND = timedelta(seconds=1)


def at(moment):
    return time_machine.travel(moment, tick=False)


def updated_since(client, since=SINCE):
    response = client.get("/api/v2/procedures/", {"updated_since": since.isoformat()})
    assert response.status_code == 200
    return response.json()


def tombstones(data):
    """``{id: (code, withdrawn_at)}`` of the response's tombstones."""
    return {
        t["id"]: (t["code"], datetime.fromisoformat(t["withdrawn_at"])) for t in data["deleted"]
    }


def run_scheduler():
    call_command("run_scheduler", "--once", stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.fixture
def page(procedure_index, editor):
    """A public procedure published at T0."""
    with at(T0):
        return publish(
            ProcedurePageFactory(parent=procedure_index, code="KA-03001", title="Wersja pierwsza"),
            user=editor,
        )


def test_listing_without_the_parameter_is_unchanged(client, page):
    with at(OD):
        data = client.get("/api/v2/procedures/").json()
    assert "deleted" not in data
    assert [item["id"] for item in data["items"]] == [page.pk]


@pytest.mark.parametrize("value", ["wczoraj", "2026-13-01T00:00:00", ""])
def test_bad_updated_since_is_400(client, db, value):
    response = client.get("/api/v2/procedures/", {"updated_since": value})
    assert response.status_code == 400
    assert "updated_since" in response.json()["message"]


def test_published_since_is_listed_older_is_not(client, page, procedure_index):
    with at(OD):
        newer = publish(ProcedurePageFactory(parent=procedure_index, code="KA-03002"))
    with at(OD + SECOND):
        data = updated_since(client)
        assert [item["id"] for item in data["items"]] == [newer.pk]
        assert data["deleted"] == []
        # "since" is inclusive.
        assert [item["id"] for item in updated_since(client, OD)["items"]] == [newer.pk]
        assert updated_since(client, T0)["meta"]["total_count"] == 2


def test_scheduled_version_everywhere_at_its_second(client, page, editor):
    with at(T0):
        draft = ProcedurePage.objects.get(pk=page.pk).get_latest_revision_as_object()
        draft.title = "Wersja druga"
        draft.go_live_at = OD
        draft.save_revision(user=editor).publish()  # approved, scheduled for OD
    detail_url = f"/api/v2/procedures/{page.pk}/"
    history_url = f"{detail_url}history/"
    with at(OD - SECOND):
        assert client.get(detail_url).json()["title"] == "Wersja pierwsza"
        assert client.get("/api/v2/procedures/").json()["items"][0]["title"] == "Wersja pierwsza"
        assert client.get(history_url).json()["meta"]["total_count"] == 1
        assert updated_since(client) == {"meta": {"total_count": 0}, "items": [], "deleted": []}
    with at(OD):
        # No scheduler has run: this request publishes the version first.
        data = updated_since(client)
        assert [item["title"] for item in data["items"]] == ["Wersja druga"]
        assert data["deleted"] == []
        assert client.get(detail_url).json()["title"] == "Wersja druga"
        items = client.get(history_url).json()["items"]
    assert len(items) == 2
    assert items[1]["changed_fields"] == ["title"]
    assert datetime.fromisoformat(items[1]["published_at"]) == OD
    with at(OD + timedelta(minutes=5)):
        before = client.get(history_url, {"at": (OD - SECOND).isoformat()}).json()
        assert before["content"]["title"] == "Wersja pierwsza"


def test_expiry_is_a_tombstone_at_its_second_without_the_scheduler(client, procedure_index):
    do = T0 + timedelta(hours=2)
    with at(T0):
        page = ProcedurePageFactory(parent=procedure_index, code="KA-03003")
        page.expire_at = do
        publish(page)
    with at(do - SECOND):
        data = updated_since(client)
        assert data["deleted"] == []
    with at(do):
        data = updated_since(client)
        assert data["items"] == []
        assert tombstones(data) == {page.pk: ("KA-03003", do)}
        assert data["deleted"][0].keys() == {"code", "id", "withdrawn_at"}
    with at(do + timedelta(seconds=20)):
        run_scheduler()
    assert not ProcedurePage.objects.get(pk=page.pk).live
    with at(do + timedelta(minutes=1)):
        # The withdrawal happened at "do", not when the scheduler noticed it.
        assert tombstones(updated_since(client)) == {page.pk: ("KA-03003", do)}
        assert updated_since(client, do)["deleted"] != []
        assert updated_since(client, do + SECOND)["deleted"] == []


def test_unpublication_is_a_tombstone(client, page):
    with at(OD):
        ProcedurePage.objects.get(pk=page.pk).unpublish()
    with at(OD + timedelta(minutes=1)):
        assert tombstones(updated_since(client)) == {page.pk: ("KA-03001", OD)}
        assert updated_since(client, OD + SECOND)["deleted"] == []
        assert updated_since(client)["items"] == []


def test_republished_procedure_has_no_tombstone(client, page):
    with at(OD):
        ProcedurePage.objects.get(pk=page.pk).unpublish()
    with at(OD + SECOND):
        publish(ProcedurePage.objects.get(pk=page.pk))
    with at(OD + timedelta(minutes=1)):
        data = updated_since(client)
    assert data["deleted"] == []
    assert [item["id"] for item in data["items"]] == [page.pk]


def test_turning_internal_is_a_tombstone(client, page):
    with at(OD):
        draft = ProcedurePage.objects.get(pk=page.pk).get_latest_revision_as_object()
        draft.is_internal = True
        draft.save_revision().publish()
    with at(OD + timedelta(minutes=1)):
        data = updated_since(client)
    assert data["items"] == []
    assert tombstones(data) == {page.pk: ("KA-03001", OD)}


def test_always_internal_procedure_never_appears(client, procedure_index):
    with at(SINCE):
        page = ProcedurePageFactory(parent=procedure_index, code="ZG-03999", is_internal=True)
        page.expire_at = OD
        publish(page)
    with at(SINCE + SECOND):
        publish(ProcedurePage.objects.get(pk=page.pk))
    with at(SINCE + 2 * SECOND):
        ProcedurePage.objects.get(pk=page.pk).unpublish()
    with at(OD + timedelta(minutes=1)):
        response = client.get("/api/v2/procedures/", {"updated_since": T0.isoformat()})
    assert response.json() == {"meta": {"total_count": 0}, "items": [], "deleted": []}
    assert "ZG-03999" not in response.content.decode()


def test_deleted_public_procedure_leaves_a_tombstone(client, page, procedure_index):
    with at(T0):
        internal = publish(ProcedurePageFactory(parent=procedure_index, is_internal=True))
        draft = ProcedurePageFactory(parent=procedure_index, live=False)
    gone = T0 + timedelta(hours=3)
    with at(gone):
        for doomed in (page, internal, draft):
            ProcedurePage.objects.get(pk=doomed.pk).delete()
    with at(gone + SECOND):
        found = tombstones(updated_since(client))
    assert found == {page.pk: ("KA-03001", gone)}
    with at(gone + SECOND):
        assert tombstones(updated_since(client, gone + SECOND)) == {}
