import pytest
from django.contrib.auth.models import Group

from procedures import roles
from tests.factories import UserFactory


def user_in(group_name):
    return UserFactory(groups=[Group.objects.get(name=group_name)])


@pytest.fixture
def agent(db):
    """A Call Center agent (group "Agenci Call Center")."""
    return user_in(roles.CALL_CENTER)


@pytest.fixture
def editor(db):
    """A department editor (group "Redaktorzy komórek"): no restricted fields."""
    return user_in(roles.EDITORS)


@pytest.fixture
def agent_client(client, agent):
    client.force_login(agent)
    return client
