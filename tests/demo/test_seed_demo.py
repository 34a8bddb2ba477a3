"""``seed_demo`` builds a valid, public demo site and a second run changes nothing.

Every test here reads the one demo that :func:`seeded` builds for the module: what the demo
shows staff (the review cycle, residents' feedback) is checked here as well, so the suite
seeds the demo once for all of it.
"""

from io import StringIO
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import Page, Revision, Site

from home.models import HomePage
from procedures import roles
from procedures.changes.models import ChangeNote
from procedures.demo import content
from procedures.demo import reviews as demo_reviews
from procedures.demo.feedback import VOTES
from procedures.feedback.models import HelpfulnessVote
from procedures.logins.two_factor import secret_of
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
    UpdateRequest,
    UsefulInfo,
)
from procedures.reviews import cycle
from tests.staff import member, session

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
    ChangeNote,
]

CODES = {record["code"] for record in content.PROCEDURES}


def counts():
    return {model.__name__: model.objects.count() for model in COUNTED}


def seed():
    output = StringIO()
    call_command("seed_demo", stdout=output)
    return output.getvalue()


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """The command run twice, once for the whole module; everything is rolled back after.

    Between the runs the agent's and the administrator's passwords are changed, as users
    would, to see the second run reset the agent's and keep the administrator's.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        first_output = seed()
        after_first = counts()
        admin = get_user_model().objects.get(username="admin")
        first_admin_password_works = any(
            admin.check_password(word) for word in first_output.split()
        )
        for username in ("agent", "admin"):
            user = get_user_model().objects.get(username=username)
            user.set_password(f"zmienione-haslo-{username}")
            user.save()
        second_output = seed()
        yield SimpleNamespace(
            after_first=after_first,
            after_second=counts(),
            first_output=first_output,
            first_admin_password_works=first_admin_password_works,
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
def test_demo_change_notes_show_on_the_page_and_in_the_feed(seeded, client):
    assert seeded.after_first["ChangeNote"] == 5
    feed = client.get("/zmiany/atom/").content.decode()
    assert "Zmieniono stawkę opłaty za gospodarowanie odpadami" in feed
    page = ProcedurePage.objects.get(code="KA-01147")
    html = client.get(page.url).content.decode()
    assert "Historia zmian" in html and "przez pełnomocnika" in html


@pytest.mark.django_db
def test_procedures_are_live_and_public(seeded):
    procedures = ProcedurePage.objects.filter(code__in=CODES)
    assert procedures.count() == len(CODES)
    withdrawn = procedures.get(code=content.WITHDRAWN_CODE)
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

    in_review = ProcedurePage.objects.get(code=content.IN_REVIEW_CODE)
    assert in_review.workflow_in_progress
    scheduled = ProcedurePage.objects.get(code=content.SCHEDULED_CODE)
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
    expected = sum(len(record["related_procedures"]) for record in content.PROCEDURES)
    assert links.count() == expected > 0
    assert set(links.values_list("procedure__code", flat=True)) <= CODES


@pytest.mark.django_db
def test_demo_users_exist_in_their_groups(seeded):
    for username, group_name, superuser in content.USERS:
        user = get_user_model().objects.get(username=username)
        assert user.is_active
        if not superuser:
            assert user.check_password(content.DEMO_PASSWORD), username
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


@pytest.mark.django_db
def test_the_administrator_never_gets_the_published_password(seeded):
    """A new administrator gets a random password, printed once; an existing one keeps its."""
    admin = get_user_model().objects.get(username="admin")
    assert seeded.first_admin_password_works
    assert not admin.check_password(content.DEMO_PASSWORD)
    assert admin.check_password("zmienione-haslo-admin")
    assert "(unchanged: the one set before)" in seeded.second_output


@pytest.mark.django_db
def test_the_demo_password_passes_the_password_rules(seeded):
    for username, _group, superuser in content.USERS:
        if not superuser:
            user = get_user_model().objects.get(username=username)
            password_validation.validate_password(content.DEMO_PASSWORD, user)


@pytest.mark.django_db
def test_accounts_that_need_a_second_factor_get_a_device_and_its_secret(seeded):
    for username, _group, _superuser in content.USERS:
        user = get_user_model().objects.get(username=username)
        devices = TOTPDevice.objects.devices_for_user(user, confirmed=True)
        if username == "redaktor":
            assert not devices.exists()
        else:
            assert devices.count() == 1, username
            assert secret_of(devices.get()) in seeded.second_output


@pytest.mark.django_db
def test_seeded_pages_are_stored_as_the_editor_saves_them(seeded):
    """Saving a seeded page unchanged in the admin changes none of its fields."""
    from procedures.rich_text import canonicalise

    for page in Page.objects.filter(depth__gt=1).specific():
        assert canonicalise(page) == [], page.title
        assert canonicalise(page.get_latest_revision_as_object()) == [], page.title


@pytest.mark.django_db
def test_the_demo_has_overdue_and_expiring_procedures(seeded):
    """The review cycle: procedures overdue for review and expiring soon, on the demo
    editor's dashboard among others."""
    overdue = set(cycle.overdue_reviews().values_list("code", flat=True))
    assert overdue == {code for code, days in demo_reviews.REVIEW_DATES.items() if days < 0}
    expiring = set(cycle.expiring_soon().values_list("code", flat=True))
    assert expiring == set(demo_reviews.EXPIRING)

    editor = get_user_model().objects.get(username="redaktor")
    html = session(editor).get(reverse("wagtailadmin_home")).text
    assert "Przeglądy i terminy Twoich procedur" in html
    assert "KA-01907" in html  # overdue, the editor's department
    assert "KA-01734" in html  # expiring, the editor's department
    assert "KA-01373" not in html  # overdue, another department


@pytest.mark.django_db
def test_the_demo_has_a_residents_report_and_answers_once(seeded):
    """Residents' feedback: a resident's report in the Office's queue and the answers to
    "Czy ta informacja była pomocna?" in the report, once although the command ran twice."""
    report = UpdateRequest.objects.get(source=UpdateRequest.Source.RESIDENT)
    assert report.procedure.code == "KA-01137"
    assert report.status == UpdateRequest.Status.NEW
    assert HelpfulnessVote.objects.count() == sum(yes + no for yes, no in VOTES.values())

    html = session(member(roles.MODERATORS)).get(reverse("feedback_report")).content.decode()
    assert report.procedure.title in html
    assert "Wydanie dowodu osobistego osobie pełnoletniej" in html
