"""No restricted value and no internal procedure leaves through the API, whatever is asked."""

from procedures.models import RelatedProcedure
from tests.api.conftest import publish
from tests.factories import (
    RESTRICTED_MARKERS,
    EmployeeFactory,
    ProcedurePageFactory,
    fill_restricted_fields,
)

MARKERS = {
    **RESTRICTED_MARKERS,
    "internal_title": "MARKER-INTERNAL-TITLE",
    "internal_code": "ZG-09999",
}


def test_no_marker_in_any_response(client, procedure_index):
    internal = publish(
        ProcedurePageFactory(
            parent=procedure_index,
            title=MARKERS["internal_title"],
            code=MARKERS["internal_code"],
            is_internal=True,
        )
    )
    page = ProcedurePageFactory(
        parent=procedure_index,
        code="KA-01147",
        authors=[EmployeeFactory(name="Anna Autorka")],
    )
    fill_restricted_fields(page)
    RelatedProcedure.objects.create(page=page, procedure=internal)
    other = ProcedurePageFactory(parent=procedure_index, code="KA-01148")
    RelatedProcedure.objects.create(page=page, procedure=other)
    publish(other)
    publish(page)

    urls = [
        "/api/v2/procedures/",
        "/api/v2/procedures/?fields=*",
        "/api/v2/procedures/?fields=*&limit=100",
        f"/api/v2/procedures/?code={MARKERS['internal_code']}&fields=*",
        f"/api/v2/procedures/{page.pk}/",
        f"/api/v2/procedures/{other.pk}/",
        f"/api/v2/procedures/{internal.pk}/",
        "/api/v2/procedures/code/KA-01147/",
        f"/api/v2/procedures/code/{MARKERS['internal_code']}/",
    ]
    bodies = {url: client.get(url).content.decode() for url in urls}
    # The public procedure is served, with its public author and public related link.
    assert "Anna Autorka" in bodies[f"/api/v2/procedures/{page.pk}/"]
    assert client.get(f"/api/v2/procedures/{page.pk}/").json()["related_procedures"] == ["KA-01148"]
    for url, body in bodies.items():
        for name, marker in MARKERS.items():
            assert marker.lower() not in body.lower(), f"{name} leaked through {url}"
