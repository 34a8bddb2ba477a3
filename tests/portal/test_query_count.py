"""The procedure page costs the same number of queries however much content it has; with
its content in the cache (its fragment) only the routing and the outer template's."""

from unittest import mock

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from procedures import fragments
from procedures.models import LegalActKind, RelatedProcedure
from tests.factories import (
    CategoryFactory,
    EmployeeFactory,
    OfficeFactory,
    ProcedurePageFactory,
    document,
    fee,
    legal_act,
    step,
)
from tests.factories import pdf_document as pdf


def build(procedure_index, size):
    kind = LegalActKind.objects.get(name="ustawa")
    page = ProcedurePageFactory(
        parent=procedure_index,
        steps=[step(f"Etap {n}", f"komentarz {n}", electronic=n % 2 == 0) for n in range(size)],
        fees=[fee(f"opłata {n}", "17.00") for n in range(size)],
        required_documents=[
            document(f"Dokument {n}", file=pdf(f"d{size}-{n}"), group=group)
            for n in range(size)
            for group in ("to_submit", "to_inspect")
        ],
        places=[{"type": "office", "value": OfficeFactory().pk} for _ in range(size)],
        legal_basis=[legal_act(f"Ustawa {n}", kind=kind) for n in range(size)],
        authors=[EmployeeFactory() for _ in range(size)],
    )
    page.categories.set([CategoryFactory() for _ in range(size)])
    for _ in range(size):
        related = ProcedurePageFactory(parent=procedure_index)
        RelatedProcedure.objects.create(page=page, procedure=related)
    page.save_revision().publish()
    return page


#: An uncached render whose fragment is in the cache (the page cache bypassed by a query
#: string): Wagtail's site lookup (with its root page) and the portal's routing, which finds
#: the public procedure, and whether any view restriction could apply, in one query
#: (home.routing). The fragment holds the content, the breadcrumbs, the page's address and
#: the menu's link to the procedure list. Wagtail's own routing took seven.
WITH_FRAGMENT = 2
#: The same render with neither the page nor the fragment in the cache: also the checks
#: for scheduled versions and the site root paths (both kept in the cache afterwards), the
#: content (department, categories, offices, related procedures, vocabularies, documents,
#: kinds of act, authors, field 6), its change notes ("Historia zmian"), the breadcrumbs,
#: the menu's link, how long the fragment may be kept, and how long the page may be.
COLD = 22


def queries_for(client, page):
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(page.url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def test_query_count_does_not_grow_with_content(client, procedure_index):
    small = build(procedure_index, 1)
    large = build(procedure_index, 8)
    queries_for(client, small)  # warm per-process caches (site root paths, content types)
    assert queries_for(client, large) == queries_for(client, small)


def test_a_cold_render_costs_the_same_queries_for_a_small_and_a_large_procedure(
    client, procedure_index, django_assert_num_queries
):
    small, large = build(procedure_index, 1), build(procedure_index, 8)
    queries_for(client, small)  # warm per-process caches (site root paths, content types)
    for page in (small, large):
        cache.clear()
        with django_assert_num_queries(COLD):
            client.get(page.url)


def test_with_its_fragment_a_render_costs_routing_and_one_cache_read(
    client, procedure_index, django_assert_num_queries
):
    small, large = build(procedure_index, 1), build(procedure_index, 8)
    for page in (small, large):
        client.get(page.url, {"pierwszy": "1"})  # renders and stores the fragment
        with (
            mock.patch.object(fragments, "cache", wraps=fragments.cache) as spy,
            django_assert_num_queries(WITH_FRAGMENT),
        ):
            response = client.get(page.url, {"drugi": "1"})
        assert response.status_code == 200 and "X-Cache" not in response
        assert page.title in response.text
        assert spy.get.call_args_list == [mock.call(fragments.key_for(page.pk))]
        spy.set.assert_not_called()


def test_cached_page_needs_no_query(client, procedure_index):
    page = build(procedure_index, 3)
    client.get(page.url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(page.url)
    assert response["X-Cache"] == "HIT"
    # Not even the check for versions whose "Obowiązuje od" has come: its next instant is
    # in the cache (tests/portal/test_cache_hits.py).
    assert captured.captured_queries == []
