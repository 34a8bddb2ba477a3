"""Entries follow the procedures: publishing, drafts, the internal flag, a full rebuild."""

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from search import engine
from search.models import Audience, SearchEntry
from tests.factories import ProcedurePageFactory


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
