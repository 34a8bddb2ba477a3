"""The API costs the same, small number of queries however large a procedure or listing is."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from procedures.models import (
    EFormPlatform,
    ElectronicAction,
    LegalActKind,
    RelatedProcedure,
    UpdateRequest,
    UsefulInfo,
)
from tests.api.conftest import pdf, publish
from tests.factories import (
    CategoryFactory,
    EmployeeFactory,
    OfficeFactory,
    ProcedurePageFactory,
    channel,
    document,
    fee,
    legal_act,
    step,
)

#: The queries of a detail, whatever the procedure holds. (Whether a version is due to be
#: published costs none: its next instant is in the shared cache, procedures.workflow.due.)
DETAIL_QUERIES = [
    # The relations come as JSON in the page's own query (procedures.api.relations):
    # categories, electronic actions, useful information, related procedures (each marked
    # public or not) and information authors.
    "the page, its department, unit, live version and its author, the update request date,"
    " its relations",
    # One query for all of them, whatever the number of blocks and models: offices, e-form
    # platforms (submission channels and documents' e-forms), kinds of legal act, documents
    # (required and other, files and samples).
    "the records chosen in StreamFields",
]
#: A listing page: the count and newest publication, then the items as a detail reads them.
LISTING_QUERIES = ["total count and newest publication", *DETAIL_QUERIES]


def build(procedure_index, size):
    """A published procedure with ``size`` entries in every list, each naming records of
    its own (documents, offices, platforms, kinds of act, people, categories, procedures),
    whose information date comes from the update request its version resolved."""
    platforms = [EFormPlatform.objects.create(name=f"Platforma {size}-{n}") for n in range(size)]
    page = ProcedurePageFactory(
        parent=procedure_index,
        information_date=None,
        steps=[step(f"Etap {n}") for n in range(size)],
        fees=[fee(f"opłata {n}", "17.00") for n in range(size)],
        places=[{"type": "office", "value": OfficeFactory().pk} for _ in range(size)],
        submission_channels=[channel("electronic", platforms=platforms)],
        required_documents=[
            document(
                f"Dokument {n}",
                file=pdf(f"d{size}-{n}"),
                sample_file=pdf(f"s{size}-{n}"),
                eforms=[(platform, "https://epuap.gov.pl/") for platform in platforms],
                group=("to_submit", "to_inspect")[n % 2],
            )
            for n in range(size)
        ],
        other_documents=[
            {"type": "document", "value": {"name": f"Inny {n}", "file": pdf(f"o{size}-{n}").pk}}
            for n in range(size)
        ],
        legal_basis=[
            legal_act(f"Ustawa {n}", kind=LegalActKind.objects.create(name=f"Akt {size}-{n}"))
            for n in range(size)
        ],
        authors=[EmployeeFactory() for _ in range(size)],
    )
    page.categories.set([CategoryFactory() for _ in range(size)])
    page.electronic_actions.set(
        [ElectronicAction.objects.create(name=f"czynność {size}-{n}") for n in range(size)]
    )
    page.useful_info.set(
        [UsefulInfo.objects.create(name=f"informacja {size}-{n}") for n in range(size)]
    )
    for n in range(size):
        related = publish(ProcedurePageFactory(parent=procedure_index))
        # Listed last to first: the order is the editor's, not the ids'.
        RelatedProcedure.objects.create(page=page, procedure=related, sort_order=size - n)
    page = publish(page)
    UpdateRequest.objects.create(
        procedure=page,
        subject="Nowa opłata",
        description="…",
        status=UpdateRequest.Status.DONE,
        resolved_revision=page.live_revision,
    )
    return page


class Count(int):
    """A number of queries that shows them when an assertion on it fails."""

    def __new__(cls, queries):
        counted = super().__new__(cls, len(queries))
        counted.queries = [query["sql"] for query in queries]
        return counted

    def __repr__(self):
        return f"{int(self)} queries: " + "\n".join(sql[:300] for sql in self.queries)


def count(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return Count(captured.captured_queries)


def test_detail_query_count_does_not_grow_with_content(client, procedure_index):
    small, large = build(procedure_index, 1), build(procedure_index, 10)
    # Warm the per-process caches (content types, compiled SQL) of both routes: in a
    # process that ran other tests first, the route by code found some of them cold.
    count(client, f"/api/v2/procedures/{small.pk}/")
    count(client, f"/api/v2/procedures/code/{small.code}/")
    for page in (small, large):
        assert count(client, f"/api/v2/procedures/{page.pk}/") == len(DETAIL_QUERIES)
        assert count(client, f"/api/v2/procedures/code/{page.code}/") == len(DETAIL_QUERIES)
    detail = client.get(f"/api/v2/procedures/{large.pk}/").json()
    assert len(detail["places"]) == 10
    assert len(detail["legal_basis"]) == 10
    assert len(detail["related_procedures"]) == 10
    assert detail["bip"]["information_date"] is not None
    # What the relations read in the page's query hold, in the order of the editor's form.
    assert detail["related_procedures"] == [
        link.procedure.code for link in large.related_procedures.order_by("sort_order")
    ]
    assert detail["related_procedures"] != sorted(detail["related_procedures"])
    assert [author["name"] for author in detail["bip"]["information_authors"]] == [
        author.employee.name for author in large.information_authors.order_by("sort_order")
    ]
    assert detail["categories"] == sorted(large.categories.values_list("name", flat=True))
    assert len(detail["categories"]) == 10
    assert detail["electronic_actions"] == [f"czynność 10-{n}" for n in range(10)]
    assert detail["useful_info"] == [f"informacja 10-{n}" for n in range(10)]


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


def test_listing_with_all_content_costs_the_queries_of_one_detail(client, procedure_index):
    build(procedure_index, 1)
    url = "/api/v2/procedures/?limit=100&fields=*"
    count(client, url)  # warm per-process caches
    assert count(client, url) == len(LISTING_QUERIES)
    build(procedure_index, 3)
    build(procedure_index, 5)
    response = client.get(url)
    assert len(response.json()["items"]) == 3 + 1 + 3 + 5  # with the related procedures
    assert count(client, url) == len(LISTING_QUERIES)
