"""Entries follow the procedures: publishing, drafts, the internal flag, a full rebuild."""

from django.core.management import call_command
from django.db import connection
from django.db.models.signals import post_save
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from modelsearch import index
from modelsearch.signal_handlers import post_save_signal_handler

from procedures.interchange.importer import Importer
from procedures.models import ProcedurePage
from search import engine
from search.models import Audience, SearchEntry
from tests.factories import DepartmentFactory, EmployeeFactory, ProcedurePageFactory
from tests.procedures.records import valid_record


def found(query, audience=Audience.PUBLIC):
    return engine.search(query, audience).page_ids


def test_a_draft_is_not_searched_until_published(procedure_index):
    page = ProcedurePageFactory(parent=procedure_index, title="Rejestracja psa")
    page.title = "Rejestracja kota"
    revision = page.save_revision()
    assert found("kota") == []
    assert found("psa") == [page.pk]
    revision.publish()
    assert found("kota") == [page.pk]
    assert found("psa") == []


def test_making_a_procedure_internal_removes_its_public_entry(procedure_index):
    page = ProcedurePageFactory(parent=procedure_index, title="Rejestracja psa")
    page.is_internal = True
    page.save_revision().publish()
    assert not SearchEntry.objects.filter(page=page, audience=Audience.PUBLIC).exists()
    assert found("psa") == []
    assert found("psa", Audience.STAFF) == [page.pk]


def test_rebuild_indexes_every_procedure(procedure_index):
    pages = [ProcedurePageFactory(parent=procedure_index) for _ in range(3)]
    internal = ProcedurePageFactory(parent=procedure_index, is_internal=True)
    SearchEntry.objects.all().delete()
    call_command("rebuild_search_index", verbosity=0)
    assert SearchEntry.objects.filter(audience=Audience.STAFF).count() == 4
    assert set(
        SearchEntry.objects.filter(audience=Audience.PUBLIC).values_list("page_id", flat=True)
    ) == {p.pk for p in pages}
    assert found(internal.title, Audience.STAFF)[0] == internal.pk


def test_search_page_queries_do_not_grow_with_results(client, procedure_index):
    def count():
        with CaptureQueriesContext(connection) as queries:
            client.get(reverse("search"), {"q": "zaświadczenie wniosek"})
        return len(queries)

    ProcedurePageFactory(parent=procedure_index)
    count()  # warms what is cached (synonyms, site) and files the query's statistics row
    few = count()
    for _ in range(8):
        ProcedurePageFactory(parent=procedure_index)
    assert count() == few


def test_a_saved_record_is_not_read_back_for_an_index_no_backend_keeps(db):
    """The admin's search reads the tables as they stand (search.backend): adding an office
    or a person is not followed by Wagtail's index updates, which read it back twice."""
    for model in index.get_indexed_models():
        assert post_save_signal_handler not in post_save._live_receivers(model)[0], model
    department = DepartmentFactory()
    with CaptureQueriesContext(connection) as queries:
        EmployeeFactory(department=department)
    reads = [q["sql"] for q in queries if q["sql"].startswith("SELECT")]
    # Once, by Wagtail's reference index task (the person's department).
    assert len([sql for sql in reads if 'FROM "procedures_employee"' in sql]) == 1


def test_an_import_leaves_wagtails_index_updates_as_it_found_them(tmp_path, procedure_index):
    def handlers():
        return {id(r) for r in post_save._live_receivers(ProcedurePage)[0]}

    before = handlers()
    Importer(tmp_path, publish=True, parent=procedure_index).run([valid_record("KA-07001")])
    assert handlers() == before
    assert post_save_signal_handler not in post_save._live_receivers(ProcedurePage)[0]
