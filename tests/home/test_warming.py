"""``warm_fragments`` renders what residents would otherwise wait for, exactly as they would."""

import io
from unittest import mock

from django.core.cache import cache
from django.core.management import call_command

from procedures import fragments
from procedures.models import ProcedurePage
from tests.factories import ProcedurePageFactory


def published(procedure_index, **values):
    page = ProcedurePageFactory(parent=procedure_index, **values)
    page.save_revision().publish()
    return ProcedurePage.objects.get(pk=page.pk)


def test_missing_fragments_are_rendered_as_a_reader_would_get_them(client, procedure_index):
    first, second = published(procedure_index), published(procedure_index)
    ProcedurePageFactory(parent=procedure_index, is_internal=True).save_revision().publish()
    by_readers = {page.pk: client.get(page.url, {"x": "1"}).text for page in (first, second)}
    cache.clear()
    client.get(first.url, {"x": "1"})  # a reader came first

    call_command("warm_fragments", stdout=(out := io.StringIO()))

    assert out.getvalue().strip() == "1 fragments rendered, 0 failed"
    assert cache.get(fragments.key_for(second.pk))["stamp"] == fragments.stamp(second)
    with mock.patch.object(fragments, "cache", wraps=fragments.cache) as spy:
        assert client.get(second.url, {"x": "1"}).text == by_readers[second.pk]
    spy.set.assert_not_called()


def test_nothing_is_rendered_twice(procedure_index):
    published(procedure_index)
    call_command("warm_fragments", stdout=io.StringIO())
    with mock.patch("home.warming._render") as render:
        call_command("warm_fragments", stdout=io.StringIO())
    render.assert_not_called()
