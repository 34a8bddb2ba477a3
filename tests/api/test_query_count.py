"""The API costs the same number of queries however large a procedure or listing is."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from procedures.models import RelatedProcedure
from tests.api.conftest import pdf, publish
from tests.factories import (
    CategoryFactory,
    EmployeeFactory,
    ProcedurePageFactory,
    document,
    fee,
    step,
)


def build(procedure_index, size):
    page = ProcedurePageFactory(
        parent=procedure_index,
        steps=[step(f"Etap {n}") for n in range(size)],
        fees=[fee(f"opłata {n}", "17.00") for n in range(size)],
        required_documents=[
            document(f"Dokument {n}", file=pdf(f"d{size}-{n}")) for n in range(size)
        ],
        authors=[EmployeeFactory() for _ in range(size)],
    )
    page.categories.set([CategoryFactory() for _ in range(size)])
    for _ in range(size):
        related = publish(ProcedurePageFactory(parent=procedure_index))
        RelatedProcedure.objects.create(page=page, procedure=related)
    return publish(page)


def count(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def test_detail_query_count_does_not_grow_with_content(client, procedure_index):
    small, large = build(procedure_index, 1), build(procedure_index, 10)
    count(client, f"/api/v2/procedures/{small.pk}/")  # warm per-process caches
    assert count(client, f"/api/v2/procedures/{large.pk}/") == count(
        client, f"/api/v2/procedures/{small.pk}/"
    )
    assert count(client, f"/api/v2/procedures/code/{large.code}/") == count(
        client, f"/api/v2/procedures/code/{small.code}/"
    )


def test_listing_query_count_does_not_grow_with_items(client, procedure_index):
    for _ in range(2):
        publish(ProcedurePageFactory(parent=procedure_index))
    url = "/api/v2/procedures/?limit=100"
    count(client, url)
    few = count(client, url)
    with_bip = count(client, url + "&fields=bip,summary,steps,categories,information_authors")
    for _ in range(10):
        publish(ProcedurePageFactory(parent=procedure_index))
    assert count(client, url) == few
    assert count(client, url + "&fields=bip,summary,steps,categories,information_authors") == (
        with_bip
    )
