"""Procedures a resident may and may not see, and restricted values planted to be caught."""

from datetime import timedelta

import pytest
from django.utils import timezone

from procedures.models import ProcedurePage
from tests.factories import (
    RESTRICTED_MARKERS,
    CategoryFactory,
    EmployeeFactory,
    ProcedurePageFactory,
    fill_restricted_fields,
    find_markers,
)

#: Restricted values planted in a public procedure; none may appear in public output.
MARKERS = RESTRICTED_MARKERS


@pytest.fixture
def category(db):
    return CategoryFactory(name="Sprawy obywatelskie", slug="sprawy-obywatelskie")


@pytest.fixture
def hidden_procedures(procedure_index, category):
    """Procedures of the category that residents must not see: internal, expired, future."""
    now = timezone.now()
    return {
        "internal": ProcedurePageFactory(
            parent=procedure_index,
            title="Procedura wewnętrzna Call Center",
            code="ZG-09001",
            is_internal=True,
            categories=[category],
        ),
        "expired": ProcedurePageFactory(
            parent=procedure_index,
            title="Procedura wycofana wczoraj",
            code="KA-09002",
            expire_at=now - timedelta(days=1),
            categories=[category],
        ),
        "future": ProcedurePageFactory(
            parent=procedure_index,
            title="Procedura obowiązująca od jutra",
            code="KA-09003",
            go_live_at=now + timedelta(days=1),
            categories=[category],
        ),
    }


@pytest.fixture
def marked_procedure(procedure_index, category):
    """A public procedure whose restricted fields hold the MARKERS."""
    page = ProcedurePageFactory(
        parent=procedure_index,
        title="Wydanie dowodu osobistego",
        code="KA-01147",
        categories=[category],
        authors=[EmployeeFactory(name="Anna Autorka")],
    )
    fill_restricted_fields(page)
    page.save_revision().publish()
    return ProcedurePage.objects.get(pk=page.pk)


def assert_no_marker(text):
    """No restricted marker in ``text``, in any letter case."""
    assert not find_markers(text, MARKERS.values())
