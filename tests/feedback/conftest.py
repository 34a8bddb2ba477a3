import pytest

from procedures.models import ProcedurePage


@pytest.fixture
def public_procedure(procedure):
    """A published public procedure (it has a live revision, so its page is cached whole)."""
    procedure.save_revision().publish()
    return ProcedurePage.objects.get(pk=procedure.pk)
