import pytest
from django.contrib.auth.models import Group

from tests.factories import UserFactory

PASSWORD = "haslo-testowe-123"  # UserFactory's


@pytest.fixture
def member(db):
    """``member(group_name, **fields)``: a user in one of the roles' groups."""

    def make(group_name=None, **fields):
        groups = [Group.objects.get(name=group_name)] if group_name else []
        return UserFactory(groups=groups, **fields)

    return make


@pytest.fixture
def two_factor_required(settings):
    """The two-factor requirement as in production (cms.settings.test turns it off)."""
    settings.STAFF_TWO_FACTOR_REQUIRED = True
