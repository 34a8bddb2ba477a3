"""Procedures published as editors publish them, and what the API needs to read them."""

import pytest
from django.contrib.auth.models import Group

from procedures import roles
from tests.factories import ProcedurePageFactory, UserFactory
from tests.factories import pdf_document as pdf  # noqa: F401 - the API tests import it from here


def publish(page, user=None):
    """Publish ``page`` through a revision, so live_revision and first_published_at exist."""
    page.save_revision(user=user).publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def editor(db):
    """Who enters versions in the change register: a member of the Procedures Office, the
    only group that publishes (and may change restricted fields such as the internal flag)."""
    return UserFactory(
        username="anowak",
        first_name="Anna",
        last_name="Nowak",
        groups=[Group.objects.get(name=roles.MODERATORS)],
    )


@pytest.fixture
def procedure(procedure_index, editor):
    """A public procedure published by ``editor``."""
    return publish(
        ProcedurePageFactory(parent=procedure_index, code="KA-01147", title="Dowód osobisty"),
        user=editor,
    )
