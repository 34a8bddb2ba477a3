import pytest

from procedures import roles
from tests.staff import member


@pytest.fixture
def editor(db):
    """A department editor (group "Redaktorzy komórek") of no department: no restricted
    fields."""
    return member(roles.EDITORS)


@pytest.fixture
def agent_client(client, agent):
    client.force_login(agent)
    return client
