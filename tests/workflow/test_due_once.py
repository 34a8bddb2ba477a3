"""The next due instant is stored once per transaction, however many procedures it
publishes (a batch import publishes a hundred in one)."""

import pytest
from django.db import transaction

from procedures.workflow import due
from tests.factories import ProcedurePageFactory


@pytest.fixture
def stores(monkeypatch):
    calls = []
    monkeypatch.setattr(due, "store_next_due", lambda: calls.append("stored"))
    return calls


def publish(page):
    page.save_revision().publish()


@pytest.fixture
def pages(procedure_index):
    return [ProcedurePageFactory(parent=procedure_index) for _ in range(3)]


def test_a_transaction_publishing_three_procedures_stores_the_instant_once(pages, stores):
    with transaction.atomic():
        for page in pages:
            publish(page)
        assert stores == []  # not before the commit
    assert stores == ["stored"]


def test_a_rolled_back_savepoint_does_not_take_the_store_with_it(pages, stores):
    with transaction.atomic():
        with pytest.raises(RuntimeError), transaction.atomic():
            publish(pages[0])
            raise RuntimeError
        publish(pages[1])
    assert stores == ["stored"]


def test_each_publication_outside_a_transaction_stores_at_once(pages, stores):
    publish(pages[0])
    publish(pages[1])
    assert stores == ["stored", "stored"]
