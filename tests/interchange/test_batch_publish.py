"""New procedures published in batches leave exactly what Wagtail's own path leaves.

The same records are imported twice from the same starting point: record by record through
``add_child``, ``save_revision`` and ``publish`` (``batch_size=1``), and in one batch
(:mod:`procedures.interchange.publishing`). Both results are compared row by row: pages and
their place in the tree, revisions, live state, audit log, reference index, both search
indexes and the cache purges waiting for the commit.
"""

import re

import pytest
from django.core.exceptions import ValidationError
from django.core.management.color import no_style
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision
from wagtail.search.models import IndexEntry

from procedures import references
from procedures.blocks import PlacesBlock
from procedures.interchange import importer as importer_module
from procedures.interchange.importer import Importer
from procedures.interchange.mapping import held_relations
from procedures.interchange.publishing import place_under
from procedures.models import (
    Department,
    Employee,
    InformationAuthor,
    Office,
    PendingPurge,
    ProcedureDocument,
    ProcedurePage,
    RelatedProcedure,
)
from search.models import SearchEntry, SearchTerm
from tests.factories import (
    DepartmentFactory,
    EmployeeFactory,
    OfficeFactory,
    ProcedurePageFactory,
)
from tests.procedures.records import valid_record

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
#: A moment in a revision's content (none of the records has dates of its own).
MOMENT = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?")

#: Columns set from the clock or at random: compared as "set" or "not set".
MOMENTS = {
    "first_published_at",
    "last_published_at",
    "latest_revision_created_at",
    "created_at",
    "timestamp",
    "indexed_at",
    "translation_key",
}

DOCUMENTS = {
    "to_submit": [
        {"name": "Wniosek", "file": "pliki/wniosek.docx", "sample_file": "pliki/wniosek.pdf"}
    ],
    "to_inspect": [{"name": "Dowód osobisty", "file": None}],
}


def records():
    return [
        valid_record("KA-03001", required_documents=DOCUMENTS),
        # The same title: the slug gets a suffix, as beside a page already there.
        valid_record("KA-03002", title="Wydanie zaświadczenia KA-03001"),
        valid_record("KA-03003", related_procedures=["KA-03001"], is_internal=True),
        valid_record(
            "KA-03004",
            owner={"name": "Ewa Nowa", "email": None, "phone": None},
            information_authors=[
                {"name": "Ewa Nowa", "email": None, "phone": None},
                {"name": "Anna Kowalska", "email": None, "phone": None},
            ],
            categories=["sprawy obywatelskie", "podatki i opłaty"],
        ),
        valid_record("KA-03005", summary=5),  # rejected by the schema
        valid_record("KA-03006", related_procedures=["KA-03099"]),  # linked after the import
        valid_record("KA-03099"),
    ]


def _plain(value):
    """``value`` with random ids (stream blocks, translation keys) and moments made
    comparable."""
    return MOMENT.sub("<moment>", UUID.sub("<uuid>", str(value)))


def _row(obj, exclude=()):
    """The object's columns as stored (stream fields as their JSON, not rendered)."""
    return {
        f.name: (
            f.value_from_object(obj) is not None
            if f.name in MOMENTS
            else _plain(f.value_to_string(obj))
        )
        for f in obj._meta.concrete_fields
        if f.name not in exclude
    }


def snapshot():
    """Everything an import of new procedures writes, in comparable form."""
    pages = list(ProcedurePage.objects.order_by("path"))
    ids = [page.pk for page in pages]
    as_text = [str(pk) for pk in ids]
    return {
        "pages": [_row(page) for page in pages],
        "parent": [_row(page) for page in Page.objects.filter(depth__lt=4).order_by("path")],
        "revisions": [
            _row(revision)
            for revision in Revision.objects.filter(object_id__in=as_text).order_by("pk")
        ],
        "log": [
            _row(entry)
            for entry in PageLogEntry.objects.filter(page_id__in=ids).order_by("page_id", "pk")
        ],
        "references": sorted(
            _plain(row)
            for row in ReferenceIndex.objects.filter(object_id__in=as_text).values_list(
                "content_type",
                "base_content_type",
                "object_id",
                "to_content_type",
                "to_object_id",
                "model_path",
                "content_path",
                "content_path_hash",
            )
        ),
        "search": [
            _row(entry, exclude={"id"})
            for entry in SearchEntry.objects.order_by("page_id", "audience")
        ],
        "vocabulary": sorted(SearchTerm.objects.values_list("audience", "term")),
        "wagtail_search": [
            _row(entry, exclude={"id"})
            for entry in IndexEntry.objects.filter(object_id__in=as_text).order_by("object_id")
        ],
        "authors": [_row(a) for a in InformationAuthor.objects.order_by("pk")],
        "related": [_row(r) for r in RelatedProcedure.objects.order_by("pk")],
        "m2m": [
            sorted(getattr(page, name).values_list("pk", flat=True))
            for page in pages
            for name in ("categories", "electronic_actions", "useful_info")
        ],
        # A batch purges the same paths in one go.
        "purges": sorted(
            {item for row in PendingPurge.objects.all() for item in row.paths + row.keys}
        ),
        # Documents are not compared by file name: the second import finds the first's
        # file in the storage and gets a name of its own.
        "reference_data": [
            _row(obj, exclude={"file"})
            for model in (Department, Employee, ProcedureDocument)
            for obj in model.objects.order_by("pk")
        ],
    }


def reset_sequences():
    """Start every id sequence just after the largest id, so that both imports get the same
    ids (PostgreSQL does not roll sequences back; SQLite needs nothing)."""
    from django.apps import apps

    statements = connection.ops.sequence_reset_sql(no_style(), apps.get_models())
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


class _Undo(Exception):
    pass


def import_and_snapshot(tmp_path, parent, batch_size, keep=False):
    result = {}
    try:
        with transaction.atomic():
            reset_sequences()
            importer = Importer(tmp_path, publish=True, parent=parent, batch_size=batch_size)
            outcomes = importer.run(records())
            result["outcomes"] = [o.as_dict() for o in outcomes]
            result["rows"] = snapshot()
            if not keep:
                raise _Undo
    except _Undo:
        pass
    return result


@pytest.fixture
def batches(monkeypatch):
    """The sizes of the batches written by the batch path."""
    sizes = []
    original = importer_module.publish_new_pages

    def spy(parent, pages, user=None):
        sizes.append(len(pages))
        return original(parent, pages, user)

    monkeypatch.setattr(importer_module, "publish_new_pages", spy)
    return sizes


def test_a_batch_leaves_what_wagtails_own_path_leaves(procedure_index, write, tmp_path, batches):
    write([])  # the files of DOCUMENTS
    parent = Page.objects.get(pk=procedure_index.pk)
    wagtail_path = import_and_snapshot(tmp_path, parent, batch_size=1)
    assert batches == []  # record by record, through Wagtail

    parent = Page.objects.get(pk=procedure_index.pk)
    batched = import_and_snapshot(tmp_path, parent, batch_size=100, keep=True)
    # KA-03002 would get the slug KA-03001 has in the batch: that batch is written first.
    assert batches == [1, 5]

    assert batched["outcomes"] == wagtail_path["outcomes"]
    assert [o["status"] for o in batched["outcomes"]] == ["created"] * 4 + ["rejected"] + [
        "created"
    ] * 2
    for key, rows in wagtail_path["rows"].items():
        assert len(batched["rows"][key]) == len(rows), key
        for number, (got, expected) in enumerate(zip(batched["rows"][key], rows, strict=True)):
            if isinstance(expected, dict):
                differing = {k: (got.get(k), v) for k, v in expected.items() if got.get(k) != v}
                assert not differing, (key, number, differing)
            assert got == expected, (key, number)

    pages = {p.code: p for p in ProcedurePage.objects.all()}
    assert pages["KA-03002"].slug.endswith("-2")
    assert all(page.live and page.live_revision_id for page in pages.values())
    document = ProcedureDocument.objects.get(file__endswith=".docx")
    assert (
        ReferenceIndex.get_references_to(document)
        .filter(object_id=str(pages["KA-03001"].pk))
        .exists()
    )


def test_a_batch_rejects_what_wagtails_own_path_rejects(procedure_index, tmp_path):
    """The same reasons for the same records, the good ones around them published."""
    records = [
        valid_record("KA-05001"),
        valid_record("KA-05002", title="T" * 161),
        valid_record("KA-05003", summary="S" * 651),
        valid_record("KA-05004", steps=[{"name": "N" * 41, "comment": None, "electronic": 1}]),
        valid_record("KA-05005", fees=[]),
        valid_record("KA-05006", coordinator={"name": "Jan Nowak", "email": None, "phone": 5}),
        valid_record("KA-05007", unit="Jednostka tylko z odrzuconego rekordu", title="T" * 300),
        valid_record("KA-05008"),
    ]

    def reasons(batch_size):
        try:
            with transaction.atomic():
                outcomes = Importer(
                    tmp_path, publish=True, parent=procedure_index, batch_size=batch_size
                ).run(records)
                codes = sorted(ProcedurePage.objects.values_list("code", flat=True))
                raise _Undo
        except _Undo:
            pass
        return codes, [(o.code, o.status, o.errors) for o in outcomes]

    wagtail_path, batched = reasons(1), reasons(100)
    assert batched == wagtail_path
    assert batched[0] == ["KA-05001", "KA-05008"]
    assert [status for _, status, _ in batched[1]] == ["created"] + ["rejected"] * 6 + ["created"]
    # Longer than the title's column: refused by Wagtail's check of a new draft, naming it.
    assert [path for path, _ in batched[1][6][2]] == ["title"]


def queries_to_import(tmp_path, parent, codes, batch_size=100):
    with CaptureQueriesContext(connection) as queries:
        outcomes = Importer(tmp_path, publish=True, parent=parent, batch_size=batch_size).run(
            [valid_record(code) for code in codes]
        )
    assert {o.status for o in outcomes} == {"created"}
    return len(queries)


#: Queries for each new procedure of a batch: whether its code exists, its savepoint (two),
#: whether its slug is free (asked once, not again by Wagtail's check) and its locale
#: exists. Not asked again: the records the import found or created
#: (``mapping.held_relations``, the stream blocks' choices through
#: ``procedures.references``) and the uniqueness of code, path and translation key (see
#: ``Importer._new_page``). For each batch of them: the tree, the rows, both indexes (the
#: search vocabulary in batched inserts that skip known terms), the next due instant
#: stored once after the commit, the review dates of all of them (which are live, one
#: upsert; procedures.reviews), and the portal's purge: the sites' root paths, the
#: categories, the related and linking procedures of all its procedures, read once when
#: the batch's ``purges.coalesced`` block ends.
PER_RECORD, PER_BATCH = 5, 50


def test_queries_per_new_procedure_published_in_a_batch(procedure_index, tmp_path):
    queries_to_import(tmp_path, procedure_index, ["KA-04000"])  # its people, department…
    ten = queries_to_import(tmp_path, procedure_index, [f"KA-041{n:02}" for n in range(10)])
    twenty = queries_to_import(tmp_path, procedure_index, [f"KA-042{n:02}" for n in range(20)])
    one_by_one = queries_to_import(
        tmp_path, procedure_index, [f"KA-043{n:02}" for n in range(10)], batch_size=1
    )
    assert (twenty - ten, ten) == (10 * PER_RECORD, 10 * PER_RECORD + PER_BATCH)
    # Wagtail's own path, record by record, for comparison.
    assert one_by_one > 4 * ten


def test_a_batch_purges_its_pages_once_after_its_commit(procedure_index, tmp_path, purges_seen):
    seen = purges_seen
    records = [valid_record("KA-06001"), valid_record("KA-06002")]
    Importer(tmp_path, publish=True, parent=procedure_index).run(records)

    assert seen and not any(in_transaction for _, in_transaction in seen)
    urls = {page.url for page in ProcedurePage.objects.all()}
    concerning = [paths for paths, _ in seen if paths & urls]
    assert len(concerning) == 1  # both pages' purges in one
    assert urls | {"/", "/sitemap.xml", "/kategoria/sprawy-obywatelskie/"} <= concerning[0]


def test_only_records_held_from_the_database_skip_the_check_that_they_exist(db):
    """The import does not ask again whether a department or person it found or created
    exists; a key set to a bare id is checked as always, and so is a key that a uniqueness
    rule names (a department's unit: "name and unit" must be unique)."""
    department = Department.objects.get(pk=DepartmentFactory().pk)
    person = EmployeeFactory(department=department)
    page = ProcedurePage(title="x", department=department, procedure_owner=person)
    assert {"department", "procedure_owner"} <= set(held_relations(page))
    assert "coordinator" not in held_relations(page)  # none chosen

    page.department_id = department.pk + 1000  # a bare id: nothing held
    assert "department" not in held_relations(page)
    page.department = Department(pk=department.pk + 1000)  # never read: not held either
    assert "department" not in held_relations(page)

    assert "unit" not in held_relations(Department(name="x", unit=department.unit))


def test_a_bulk_job_checks_each_chosen_record_once_and_still_refuses_a_missing_one(db):
    """Offices, platforms, people chosen in the steps: the import asks the database about
    each record once, not once per procedure choosing it; a choice of a record that does
    not exist is refused as the admin refuses it."""
    block = PlacesBlock().child_blocks["office"]
    office = OfficeFactory()
    missing = Office(pk=office.pk + 1000, name="Nieistniejący")
    missing._state.adding = False  # as a stale copy would be
    with references.remembered():
        with CaptureQueriesContext(connection) as queries:
            for _ in range(3):
                assert block.clean(office) == office
        assert len(queries) == 1
        with pytest.raises(ValidationError) as refused:
            block.clean(missing)
    with pytest.raises(ValidationError) as refused_in_the_admin:
        block.clean(missing)
    assert refused.value.messages == refused_in_the_admin.value.messages


def test_a_generated_slug_is_looked_up_once_and_a_given_one_is_still_checked(procedure_index):
    """full_clean() chooses a free slug, then Wagtail checks the slug is free: the one just
    chosen is not looked up again; one given otherwise is."""
    existing = ProcedurePage.objects.get(pk=ProcedurePageFactory(parent=procedure_index).pk)
    new = ProcedurePage(title=existing.title)
    place_under(procedure_index, new)
    with CaptureQueriesContext(connection) as queries:
        new._set_core_field_defaults()
        new._check_slug_is_unique()
    assert new.slug == f"{existing.slug}-2"
    assert len(queries) == 2  # the title's slug is taken, "-2" is free

    new.slug = existing.slug  # changed after the check of defaults: checked again
    with pytest.raises(ValidationError):
        new._check_slug_is_unique()
    taken = ProcedurePage(title="Inny tytuł", slug=existing.slug)
    place_under(procedure_index, taken)
    with pytest.raises(ValidationError) as refused:
        taken.minimal_clean()
    assert "slug" in refused.value.message_dict
