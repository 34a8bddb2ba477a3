"""Procedures published through the editor as the Procedures Office publishes them, and
the notes they leave."""

import pytest
from django.urls import reverse

from procedures.models import ProcedurePage
from tests.factories import CategoryFactory, EmployeeFactory, OfficeFactory, ProcedurePageFactory
from tests.procedures.rendered_forms import posted_form
from tests.staff import session

NOTE = "Zmieniono wysokość opłaty skarbowej"


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def publish(page, user=None):
    """Publish ``page`` through a revision, as the admin does; the page from the database."""
    page.save_revision(user=user).publish(user=user)
    return ProcedurePage.objects.get(pk=page.pk)


def editor_form(client, page):
    """What the browser posts back from ``page``'s edit form as it was rendered."""
    response = client.get(edit_url(page))
    assert response.status_code == 200
    return posted_form(response.content.decode(), ProcedurePage)


def post_edit(client, page, action="action-publish", **changes):
    """Post the edit form of ``page`` with ``changes`` and the button ``action``."""
    data = editor_form(client, page)
    for name, value in changes.items():
        data[name] = [value]
    data[action] = [action]
    return client.post(edit_url(page), data)


@pytest.fixture
def category(db):
    return CategoryFactory(name="Sprawy obywatelskie", slug="sprawy-obywatelskie")


@pytest.fixture
def office(db):
    return OfficeFactory(name="Punkt obsługi Piotrkowska", address="ul. Piotrkowska 110")


@pytest.fixture
def published(procedure_index, category, moderator):
    """A public procedure published once (no note: a first publication is not a change)."""
    page = ProcedurePageFactory(
        parent=procedure_index,
        title="Wydanie dowodu osobistego",
        code="KA-01147",
        categories=[category],
        authors=[EmployeeFactory(name="Anna Autorka")],
    )
    return publish(page, moderator)


@pytest.fixture
def office_client(moderator):
    return session(moderator)
