"""``/api/v2/procedures/<id>/jsonld/``: schema.org and CPSV-AP from public data only."""

import json

from procedures.linked_data import iso_duration
from tests.api.conftest import publish
from tests.api.test_restricted import MARKERS
from tests.factories import (
    EmployeeFactory,
    OfficeFactory,
    ProcedurePageFactory,
    document,
    fee,
    fill_restricted_fields,
    legal_act,
    marker,
)


def _nodes(response):
    data = json.loads(response.content)
    return data, {node["@type"]: node for node in data["@graph"]}


def test_public_service_graph(client, procedure_index):
    office = OfficeFactory(name="Biuro Paszportowe", address="ul. Piotrkowska 104, 90-926 Łódź")
    page = publish(
        ProcedurePageFactory(
            parent=procedure_index,
            code="KA-01147",
            title="Dowód osobisty",
            fees=[fee("opłata skarbowa", "17.00"), fee("opłata za kartę", "5.50")],
            places=[{"type": "office", "value": office.pk}],
            required_documents=[document("Wniosek"), document("Paszport", group="to_inspect")],
            legal_basis=[
                legal_act("Ustawa o dowodach osobistych", url="https://isap.sejm.gov.pl/")
            ],
            processing_time_value=30,
            processing_time_unit="dni",
        )
    )
    response = client.get(f"/api/v2/procedures/{page.pk}/jsonld/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json"
    data, nodes = _nodes(response)
    assert data["@context"]["cpsv"] == "http://purl.org/vocab/cpsv#"
    assert data["@context"]["cv"] == "http://data.europa.eu/m8g/"
    assert {"dct", "eli"} <= set(data["@context"])
    assert set(nodes) == {"GovernmentService", "cpsv:PublicService"}
    assert nodes["GovernmentService"]["identifier"] == "KA-01147"

    service = nodes["cpsv:PublicService"]
    assert service["dct:identifier"] == "KA-01147"
    assert service["dct:title"]["@value"] == "Dowód osobisty"
    assert service["dct:description"]["@value"] == page.summary
    assert [cost["cv:value"]["@value"] for cost in service["cv:hasCost"]] == ["17.00", "5.50"]
    assert {cost["@type"] for cost in service["cv:hasCost"]} == {"cv:Cost"}
    assert {cost["cv:currency"] for cost in service["cv:hasCost"]} == {"PLN"}
    assert [e["dct:title"]["@value"] for e in service["cpsv:hasInput"]] == ["Wniosek", "Paszport"]
    assert {e["@type"] for e in service["cpsv:hasInput"]} == {"cv:Evidence"}
    channels = service["cv:hasChannel"]
    assert {c["@type"] for c in channels} == {"cv:Channel"}
    assert any(c.get("dct:title", {}).get("@value") == "Biuro Paszportowe" for c in channels)
    assert service["cv:processingTime"] == {"@value": "P30D", "@type": "xsd:duration"}
    [law] = service["cv:hasLegalResource"]
    assert law["@type"] == "eli:LegalResource"
    assert law["eli:title"]["@value"] == "Ustawa o dowodach osobistych"
    assert law["schema:url"] == "https://isap.sejm.gov.pl/"
    assert service["cv:hasCompetentAuthority"]["schema:name"] == page.department.unit.name


def test_no_fee_no_cost(client, procedure_index):
    page = publish(ProcedurePageFactory(parent=procedure_index, fees=[marker("none")]))
    _, nodes = _nodes(client.get(f"/api/v2/procedures/{page.pk}/jsonld/"))
    assert "cv:hasCost" not in nodes["cpsv:PublicService"]


def test_iso_duration():
    assert iso_duration({"value": 2, "unit": "tygodnie"}) == "P2W"
    assert iso_duration({"value": 1, "unit": "miesiące"}) == "P1M"
    assert iso_duration({"value": None, "unit": "dni", "description": "niezwłocznie"}) is None
    assert iso_duration(None) is None


def test_non_public_procedure_is_json_404(client, procedure_index):
    internal = publish(ProcedurePageFactory(parent=procedure_index, is_internal=True))
    for pk in (internal.pk, 999999):
        response = client.get(f"/api/v2/procedures/{pk}/jsonld/")
        assert response.status_code == 404
        assert response["Content-Type"] == "application/json"
        assert response.json()["message"]


def test_no_restricted_marker(client, procedure_index):
    page = ProcedurePageFactory(
        parent=procedure_index,
        authors=[EmployeeFactory(name="Anna Autorka")],
    )
    fill_restricted_fields(page)
    publish(page)
    response = client.get(f"/api/v2/procedures/{page.pk}/jsonld/")
    assert response.status_code == 200
    body = response.content.decode().lower()
    for name, marker_text in MARKERS.items():
        assert marker_text.lower() not in body, f"{name} leaked through JSON-LD"
