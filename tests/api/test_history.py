"""``/api/v2/procedures/<id>/history/``: the change register BIP shows under a procedure."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from procedures.models import ProcedurePage, RelatedProcedure
from tests.api.conftest import publish
from tests.factories import ProcedurePageFactory

T0 = datetime(2026, 12, 1, 7, 0, tzinfo=UTC)
T1 = T0 + timedelta(hours=1)
T2 = T0 + timedelta(hours=2)
LATER = T0 + timedelta(days=1)
RESTRICTED_MARKER = "MARKER-HISTORY-CC-OTHER"


def at(moment):
    return time_machine.travel(moment, tick=False)


def publish_edit(page, user=None, **changes):
    """Publish a new version of ``page`` with ``changes`` applied to its latest one."""
    draft = ProcedurePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(draft, name, value)
    revision = draft.save_revision(user=user)
    revision.publish()
    return revision


def history(client, page, **params):
    return client.get(f"/api/v2/procedures/{page.pk}/history/", params)


@pytest.fixture
def three_versions(procedure_index, editor):
    """v1 at T0, v2 (new summary) at T1, v3 (only a restricted field) at T2."""
    with at(T0):
        page = publish(
            ProcedurePageFactory(parent=procedure_index, code="KA-02001", title="Dowód"),
            user=editor,
        )
    with at(T1):
        publish_edit(page, user=editor, summary="Nowe streszczenie.")
    with at(T2):
        publish_edit(page, user=editor, cc_other=RESTRICTED_MARKER)
    return page


def test_first_publication_is_the_whole_register(client, procedure_index, editor):
    with at(T0):
        page = publish(ProcedurePageFactory(parent=procedure_index), user=editor)
    with at(LATER):
        data = history(client, page).json()
    assert data["meta"]["total_count"] == 1
    (item,) = data["items"]
    assert item["revision_id"] == page.live_revision_id
    assert datetime.fromisoformat(item["published_at"]) == T0
    assert item["entered_by"] == "Anna Nowak"
    assert item["changed_fields"] == list(item["content"])
    assert item["content"]["code"] == page.code


def test_only_versions_that_change_public_keys_are_listed(client, three_versions):
    with at(LATER):
        response = history(client, three_versions)
    assert response.status_code == 200
    items = response.json()["items"]
    assert len(items) == 2
    assert items[1]["changed_fields"] == ["summary"]
    assert items[1]["content"]["summary"] == "Nowe streszczenie."
    assert datetime.fromisoformat(items[1]["published_at"]) == T1
    assert "cc_other" not in items[1]["content"]
    assert RESTRICTED_MARKER.lower() not in response.content.decode().lower()


def test_drafts_never_appear(client, procedure_index, editor):
    with at(T0):
        page = publish(ProcedurePageFactory(parent=procedure_index), user=editor)
    with at(T1):
        draft = ProcedurePage.objects.get(pk=page.pk).get_latest_revision_as_object()
        draft.title = "Szkic, którego nikt nie opublikował"
        draft.save_revision(user=editor)
    with at(LATER):
        body = history(client, page).content.decode()
    assert "Szkic" not in body


@pytest.mark.parametrize(
    ("moment", "version"),
    [
        (T0 - timedelta(seconds=1), None),
        (T0, 0),
        (T1 - timedelta(seconds=1), 0),
        (T1, 1),
        (T2 + timedelta(minutes=5), 1),  # v3 changed no public key: v2 is what was shown
    ],
)
def test_at_answers_the_version_public_then(client, three_versions, moment, version):
    with at(LATER):
        items = history(client, three_versions).json()["items"]
        response = history(client, three_versions, at=moment.isoformat())
    if version is None:
        assert response.status_code == 404
        assert "message" in response.json()
    else:
        assert response.status_code == 200
        assert response.json() == items[version]
        assert RESTRICTED_MARKER.lower() not in response.content.decode().lower()


def test_at_after_an_unpublication_is_404(client, procedure_index, editor):
    with at(T0):
        page = publish(ProcedurePageFactory(parent=procedure_index), user=editor)
    with at(T1):
        page.unpublish()
    with at(T2):
        publish(ProcedurePage.objects.get(pk=page.pk), user=editor)
    with at(LATER):
        assert history(client, page, at=(T0 + timedelta(minutes=1)).isoformat()).status_code == 200
        assert history(client, page, at=(T1 + timedelta(minutes=1)).isoformat()).status_code == 404
        assert history(client, page, at=(T2 + timedelta(minutes=1)).isoformat()).status_code == 200


def test_at_after_the_version_expired_is_404(client, procedure_index, editor):
    with at(T0):
        page = ProcedurePageFactory(parent=procedure_index)
        page.expire_at = T1
        publish(page, user=editor)
    with at(T2):
        publish_edit(page, user=editor, expire_at=None, title="Przywrócona")
    with at(LATER):
        assert history(client, page, at=T0.isoformat()).status_code == 200
        assert history(client, page, at=T1.isoformat()).status_code == 404
        assert history(client, page, at=T2.isoformat()).status_code == 200


def test_bad_at_is_400(client, three_versions):
    response = history(client, three_versions, at="wczoraj")
    assert response.status_code == 400
    assert "at" in response.json()["message"]


def test_unknown_parameter_is_400(client, three_versions):
    assert history(client, three_versions, fields="*").status_code == 400


def test_procedure_not_public_now_is_404(client, procedure_index, editor):
    with at(T0):
        internal = publish(ProcedurePageFactory(parent=procedure_index, is_internal=True))
        withdrawn = publish(ProcedurePageFactory(parent=procedure_index))
    with at(T1):
        withdrawn.unpublish()
    with at(LATER):
        for page in (internal, withdrawn):
            response = history(client, page)
            assert response.status_code == 404
            assert "message" in response.json()
        assert client.get("/api/v2/procedures/999999/history/").status_code == 404


def test_internal_versions_and_internal_related_procedures_are_not_shown(
    client, procedure_index, editor
):
    with at(T0):
        internal = publish(
            ProcedurePageFactory(parent=procedure_index, code="ZG-09998", is_internal=True)
        )
        other = publish(ProcedurePageFactory(parent=procedure_index, code="KA-02002"))
        page = ProcedurePageFactory(parent=procedure_index, is_internal=True, title="Wewnętrzna")
        publish(page, user=editor)
    with at(T1):
        draft = ProcedurePage.objects.get(pk=page.pk).get_latest_revision_as_object()
        draft.is_internal = False
        draft.title = "Publiczna"
        draft.related_procedures = [
            RelatedProcedure(procedure=internal, sort_order=0),
            RelatedProcedure(procedure=other, sort_order=1),
        ]
        draft.save_revision(user=editor).publish()
    with at(LATER):
        response = history(client, page)
    (item,) = response.json()["items"]
    assert item["content"]["title"] == "Publiczna"
    assert item["content"]["related_procedures"] == ["KA-02002"]
    assert "ZG-09998" not in response.content.decode()
    assert "Wewnętrzna" not in response.content.decode()
