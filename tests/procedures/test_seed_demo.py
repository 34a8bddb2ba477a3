"""``seed_demo`` builds a valid, public demo site and a second run changes nothing."""

from io import StringIO
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import transaction
from wagtail.models import Page, Revision, Site

from home.models import HomePage
from procedures import demo_data
from procedures.models import (
    Category,
    Department,
    EFormPlatform,
    ElectronicAction,
    Employee,
    InformationAuthor,
    Office,
    OrganisationalUnit,
    ProcedureIndexPage,
    ProcedurePage,
    RelatedProcedure,
    UsefulInfo,
)

COUNTED = [
    Page,
    Revision,
    Site,
    Category,
    OrganisationalUnit,
    Department,
    Office,
    Employee,
    UsefulInfo,
    ElectronicAction,
    EFormPlatform,
    ProcedurePage,
    RelatedProcedure,
    InformationAuthor,
    get_user_model(),
    Group,
]

CODES = {record["code"] for record in demo_data.PROCEDURES}


def counts():
    return {model.__name__: model.objects.count() for model in COUNTED}


def seed():
    output = StringIO()
    call_command("seed_demo", stdout=output)
    return output.getvalue()


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """The command run twice, once for the whole module; everything is rolled back after.

    Between the runs the agent's password is changed, as a user would, to see the second
    run reset it.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        first_output = seed()
        after_first = counts()
        agent = get_user_model().objects.get(username="agent")
        agent.set_password("zmienione-haslo")
        agent.save()
        second_output = seed()
        yield SimpleNamespace(
            after_first=after_first,
            after_second=counts(),
            first_output=first_output,
            second_output=second_output,
        )
        transaction.set_rollback(True)


@pytest.mark.django_db
def test_second_run_creates_nothing(seeded):
    assert seeded.after_second == seeded.after_first
    assert seeded.after_first["ProcedurePage"] == len(CODES)
    assert "procedures" in seeded.second_output
    assert "demo-lckzm-2026" in seeded.second_output


@pytest.mark.django_db
def test_procedures_are_live_and_public(seeded):
    procedures = ProcedurePage.objects.filter(code__in=CODES)
    assert procedures.count() == len(CODES)
    withdrawn = procedures.get(code=demo_data.WITHDRAWN_CODE)
    assert not withdrawn.live and withdrawn.expired
    assert procedures.live().count() == len(CODES) - 1
    public = ProcedurePage.objects.public().filter(code__in=CODES)
    assert public.count() >= 15
    internal = procedures.filter(is_internal=True)
    assert internal.count() == 1
    assert set(public.values_list("code", flat=True)) == CODES - {
        internal.get().code,
        withdrawn.code,
    }


@pytest.mark.django_db
def test_demo_shows_the_workflow_in_use(seeded):
    from procedures.models import UpdateRequest

    in_review = ProcedurePage.objects.get(code=demo_data.IN_REVIEW_CODE)
    assert in_review.workflow_in_progress
    scheduled = ProcedurePage.objects.get(code=demo_data.SCHEDULED_CODE)
    assert scheduled.live and scheduled.revisions.filter(approved_go_live_at__isnull=False)
    assert UpdateRequest.objects.count() >= 3
    editor = get_user_model().objects.get(username="redaktor")
    assert in_review.permissions_for_user(editor).can_edit()


@pytest.mark.django_db
def test_each_seeded_procedure_passes_full_clean(seeded):
    for page in ProcedurePage.objects.filter(code__in=CODES).specific():
        page.full_clean()
        assert page.procedure_owner_id
        assert page.coordinator.department_id == page.department_id
        assert page.information_authors.exists()
        assert page.fees and page.appointment and page.submission_channels and page.appeal


@pytest.mark.django_db
def test_related_procedures_are_linked(seeded):
    links = RelatedProcedure.objects.filter(page__code__in=CODES)
    expected = sum(len(record["related"]) for record in demo_data.PROCEDURES)
    assert links.count() == expected > 0
    assert set(links.values_list("procedure__code", flat=True)) <= CODES


@pytest.mark.django_db
def test_demo_users_exist_in_their_groups(seeded):
    for username, group_name, superuser in demo_data.USERS:
        user = get_user_model().objects.get(username=username)
        assert user.is_active
        assert user.check_password(demo_data.DEMO_PASSWORD), username
        assert user.is_superuser is superuser
        expected = {group_name} if group_name else set()
        assert set(user.groups.values_list("name", flat=True)) == expected


@pytest.mark.django_db
def test_home_page_is_the_site_root(seeded):
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    assert isinstance(home, HomePage)
    assert home.title == "Łódzkie Centrum Kontaktu z Mieszkańcami"
    assert not Page.objects.filter(title="Welcome to your new Wagtail site!").exists()
    index = ProcedureIndexPage.objects.get()
    assert (index.title, index.slug) == ("Procedury", "procedury")
    assert index.get_parent().pk == home.pk
    assert Category.objects.count() == 9
