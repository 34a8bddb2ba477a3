"""Procedures of two departments, their editors and the Procedures Office, for the review
cycle's tests."""

import datetime

import pytest
from django.utils import timezone

from procedures import roles
from procedures.reviews.models import ProcedureReview
from tests.factories import DepartmentFactory, ProcedurePageFactory
from tests.staff import member


def published(parent, **fields):
    """A procedure published from a revision, as the admin publishes it."""
    page = ProcedurePageFactory(parent=parent, **fields)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def review_on(page, days_from_today):
    """Set the procedure's next review ``days_from_today`` days from today."""
    day = timezone.localdate() + datetime.timedelta(days=days_from_today)
    ProcedureReview.objects.update_or_create(page_id=page.pk, defaults={"next_review_on": day})
    return day


def expiring_in(page, days):
    """Give the live procedure an "Obowiązuje do" ``days`` days from now."""
    page.expire_at = timezone.now() + datetime.timedelta(days=days)
    type(page).objects.filter(pk=page.pk).update(expire_at=page.expire_at)
    return page


@pytest.fixture
def own_department(db):
    return DepartmentFactory(name="Wydział Komunikacji")


@pytest.fixture
def other_department(db):
    return DepartmentFactory(name="Wydział Edukacji")


@pytest.fixture
def dept_editor(own_department):
    """An editor of ``own_department`` only."""
    return member(roles.EDITORS, own_department, first_name="Jan", last_name="Redaktor")


@pytest.fixture
def other_editor(other_department):
    return member(roles.EDITORS, other_department, first_name="Ewa", last_name="Inna")


@pytest.fixture
def office(db):
    """A moderator of the Procedures Office."""
    return member(roles.MODERATORS, first_name="Anna", last_name="Moderatorka")


@pytest.fixture
def office_head(db):
    return member(roles.PROCEDURES_OFFICE_HEADS, first_name="Piotr", last_name="Kierownik")


@pytest.fixture
def own_procedure(procedure_index, own_department):
    return published(
        procedure_index, department=own_department, title="Rejestracja pojazdu", code="KM-00001"
    )


@pytest.fixture
def other_procedure(procedure_index, other_department):
    return published(
        procedure_index, department=other_department, title="Zapis do przedszkola", code="ED-00001"
    )
