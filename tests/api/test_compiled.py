"""The detail's query is compiled once per process and run with each request's id and instant."""

from datetime import timedelta

import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from procedures.api.compiled import compiled_detail
from procedures.models import Office, ProcedurePage, RelatedProcedure
from tests.api.conftest import publish
from tests.api.test_query_count import build
from tests.factories import OfficeFactory, ProcedurePageFactory


def test_a_detail_by_id_is_byte_for_byte_the_detail_by_code(client, procedure_index):
    # By id the compiled query answers, by code the ORM's: the same relations, in the same
    # order, the same documents and records.
    page = build(procedure_index, 3)
    by_id = client.get(f"/api/v2/procedures/{page.pk}/")
    by_code = client.get(f"/api/v2/procedures/code/{page.code}/")
    assert by_id.status_code == by_code.status_code == 200
    assert by_id.content == by_code.content
    assert len(by_id.json()["related_procedures"]) == 3


def test_the_compiled_query_reads_the_instant_of_each_request(client, procedure_index):
    now = timezone.now()
    linked = publish(ProcedurePageFactory(parent=procedure_index, code="KA-02001"))
    page = publish(ProcedurePageFactory(parent=procedure_index, code="KA-02002"))
    RelatedProcedure.objects.create(page=page, procedure=linked)
    ProcedurePage.objects.filter(pk=linked.pk).update(expire_at=now + timedelta(hours=1))
    ProcedurePage.objects.filter(pk=page.pk).update(expire_at=now + timedelta(hours=3))
    compiled = compiled_detail(ProcedurePage)

    with time_machine.travel(now, tick=False):
        assert client.get(f"/api/v2/procedures/{page.pk}/").json()["related_procedures"] == [
            "KA-02001"
        ]
        assert client.get(f"/api/v2/procedures/{linked.pk}/").status_code == 200
    with time_machine.travel(now + timedelta(hours=2), tick=False):
        # The linked procedure has expired: never named, and 404 itself.
        assert client.get(f"/api/v2/procedures/{page.pk}/").json()["related_procedures"] == []
        assert client.get(f"/api/v2/procedures/{linked.pk}/").status_code == 404
    with time_machine.travel(now + timedelta(hours=4), tick=False):
        assert client.get(f"/api/v2/procedures/{page.pk}/").status_code == 404
    assert compiled_detail(ProcedurePage) is compiled


def test_a_procedure_without_department_has_no_unit(client, procedure_index):
    page = publish(ProcedurePageFactory(parent=procedure_index))
    ProcedurePage.objects.filter(pk=page.pk).update(department=None)
    with CaptureQueriesContext(connection) as captured:
        data = client.get(f"/api/v2/procedures/{page.pk}/").json()
    assert data["unit"] is None
    assert data["department"] is None
    assert data["bip"]["publishing_entity"] is None
    assert not [query for query in captured if "procedures_department" in query["sql"][:80]]


def test_a_detail_choosing_no_records_is_one_query(client, procedure_index):
    page = publish(ProcedurePageFactory(parent=procedure_index))
    client.get(f"/api/v2/procedures/{page.pk}/")  # warm per-process caches
    with CaptureQueriesContext(connection) as captured:
        assert client.get(f"/api/v2/procedures/{page.pk}/").status_code == 200
    assert len(captured) == 1


def test_a_deleted_record_is_left_out_without_a_query_of_its_own(client, procedure_index):
    gone, kept = OfficeFactory(name="Zlikwidowany punkt"), OfficeFactory(name="Punkt obsługi")
    page = publish(
        ProcedurePageFactory(
            parent=procedure_index,
            places=[{"type": "office", "value": office.pk} for office in (gone, kept)],
        )
    )
    Office.objects.filter(pk=gone.pk).delete()
    client.get(f"/api/v2/procedures/{page.pk}/")  # warm per-process caches
    with CaptureQueriesContext(connection) as captured:
        data = client.get(f"/api/v2/procedures/{page.pk}/").json()
    assert [place["name"] for place in data["places"]] == ["Punkt obsługi"]
    assert len(captured) == 2  # the page, the records chosen
