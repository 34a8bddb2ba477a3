"""Each role's start: where login leads, the menu, the dashboard panels, filing an update
request from a Call Center page, the way back from "Inne*", and the procedure listing."""

import pytest
from django.urls import reverse
from wagtail.admin.menu import admin_menu

from procedures import roles
from procedures.models import ProcedurePage, UpdateRequest
from tests.factories import (
    DepartmentFactory,
    ProcedurePageFactory,
    fill_restricted_fields,
    find_markers,
)
from tests.staff import member, session

PASSWORD = "haslo-testowe-123"
LOGIN = "/admin/login/"
CALL_CENTER = "/call-center/"
REQUEST_ADD = "/admin/snippets/procedures/updaterequest/add/"


@pytest.fixture
def procedure(procedure_index):
    page = ProcedurePageFactory(parent=procedure_index, title="Wymiana prawa jazdy")
    page.save_revision().publish()
    return ProcedurePage.objects.get(pk=page.pk)


def menu_names(response):
    """The names of the admin menu items the user of ``response`` sees."""
    return [item.name for item in admin_menu.menu_items_for_request(response.wsgi_request)]


def log_in(client, user, **extra):
    return client.post(LOGIN, {"username": user.username, "password": PASSWORD, **extra})


# --- Login ----------------------------------------------------------------------------


@pytest.mark.parametrize("group", [roles.CALL_CENTER, roles.CALL_CENTER_HEADS])
def test_call_center_staff_land_on_the_call_center(client, db, group):
    response = log_in(client, member(group))
    assert response.status_code == 302
    assert response.url == CALL_CENTER


def test_an_agent_sent_to_the_dashboard_by_default_lands_on_the_call_center(client, db):
    response = log_in(client, member(roles.CALL_CENTER), next="/admin/")
    assert response.url == CALL_CENTER


def test_an_explicit_next_still_wins(client, procedure):
    target = reverse("procedures_cc_other", args=[procedure.pk])
    response = log_in(client, member(roles.CALL_CENTER), next=target)
    assert response.url == target


def test_an_outside_next_is_ignored(client, db):
    response = log_in(client, member(roles.CALL_CENTER), next="https://example.com/")
    assert response.url == CALL_CENTER


@pytest.mark.parametrize("group", [roles.EDITORS, roles.MODERATORS])
def test_other_staff_land_on_the_dashboard(client, db, group):
    response = log_in(client, member(group))
    assert response.url == reverse("wagtailadmin_home")


def test_a_wrong_password_stays_on_the_login_form(client, db):
    user = member(roles.CALL_CENTER)
    response = client.post(LOGIN, {"username": user.username, "password": "zle"})
    assert response.status_code == 200
    assert not response.wsgi_request.user.is_authenticated


def test_an_agent_needing_a_code_is_asked_for_it_on_the_way(client, db, settings):
    settings.STAFF_TWO_FACTOR_REQUIRED = True
    response = log_in(client, member(roles.CALL_CENTER))
    assert response.url == CALL_CENTER
    response = client.get(response.url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("logins_two_factor"))
    assert "next=%2Fcall-center%2F" in response.url


# --- Menu and dashboard ---------------------------------------------------------------


def test_agents_have_call_center_in_the_menu_and_on_the_dashboard(db):
    response = session(member(roles.CALL_CENTER)).get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert "call-center" in menu_names(response)
    assert 'id="call-center-q"' in response.text
    assert f'action="{CALL_CENTER}"' in response.text
    assert "Dodaj procedurę" not in response.text


def test_editors_have_no_call_center(db, procedure_index):
    response = session(member(roles.EDITORS, DepartmentFactory())).get(reverse("wagtailadmin_home"))
    assert 'id="call-center-q"' not in response.text
    assert "call-center" not in menu_names(response)
    assert "procedures" in menu_names(response)


def test_editors_get_add_procedure_and_their_procedures(db, procedure_index):
    department = DepartmentFactory()
    editor = member(roles.EDITORS, department)
    own = ProcedurePageFactory(parent=procedure_index, department=department)
    other = ProcedurePageFactory(parent=procedure_index)

    response = session(editor).get(reverse("wagtailadmin_home"))

    add_url = reverse(
        "wagtailadmin_pages:add", args=["procedures", "procedurepage", procedure_index.pk]
    )
    assert f'href="{add_url}"' in response.text
    assert "Dodaj procedurę" in response.text
    assert own.title in response.text and own.code in response.text
    assert other.title not in response.text
    assert session(editor).get(add_url).status_code == 200


def test_the_editors_panel_shows_no_restricted_value(db, procedure_index):
    department = DepartmentFactory()
    editor = member(roles.EDITORS, department)
    page = ProcedurePageFactory(parent=procedure_index, department=department)
    markers = fill_restricted_fields(page)
    page.save_revision().publish()

    response = session(editor).get(reverse("wagtailadmin_home"))
    assert page.code in response.text
    assert find_markers(response.text, markers.values()) == []


def test_procedures_menu_item_opens_the_list_not_the_editor(db, procedure_index):
    client = session(member(roles.EDITORS, DepartmentFactory()))
    dashboard = client.get(reverse("wagtailadmin_home"))
    assert reverse("procedures_listing") in dashboard.text
    response = client.get(reverse("procedures_listing"))
    assert response.url == reverse("wagtailadmin_explore", args=[procedure_index.pk])


def test_procedures_menu_item_without_an_index_page_is_a_message(db, home_page):
    client = session(member(roles.MODERATORS))
    response = client.get(reverse("procedures_listing"), follow=True)
    assert response.status_code == 200
    assert "Nie ma jeszcze strony „Procedury”." in response.text


# --- "Zgłoś potrzebę aktualizacji" ----------------------------------------------------


def test_every_call_center_page_offers_an_update_request(procedure):
    client = session(member(roles.CALL_CENTER))
    response = client.get(reverse("callcenter:procedure", args=[procedure.code]))
    assert "Zgłoś potrzebę aktualizacji" in response.text
    assert f'href="{REQUEST_ADD}?procedure={procedure.pk}"' in response.text


def test_the_request_form_has_the_procedure_filled_in_and_a_way_back(procedure):
    client = session(member(roles.CALL_CENTER, first_name="Anna", last_name="Agentka"))
    response = client.get(REQUEST_ADD, {"procedure": procedure.pk})
    assert response.status_code == 200
    form = response.context["form"]
    assert form["procedure"].value() == procedure.pk
    assert form["requester_name"].value() == "Anna Agentka"
    assert "Wróć do procedury" in response.text
    back = reverse("callcenter:procedure", args=[procedure.code])
    assert f'href="{back}"' in response.text
    # The form posts back with the procedure, so a save returns to it.
    assert f'action="{REQUEST_ADD}?procedure={procedure.pk}"' in response.text


def test_filing_the_request_returns_to_the_procedure(procedure):
    agent = member(roles.CALL_CENTER)
    client = session(agent)
    response = client.post(
        f"{REQUEST_ADD}?procedure={procedure.pk}",
        {
            "procedure": procedure.pk,
            "subject": "Nowe godziny otwarcia",
            "description": "Punkt przy Piotrkowskiej jest czynny do 18:00.",
            "requester_name": "Agentka",
            "requester_email": "",
            "attachments-TOTAL_FORMS": "0",
            "attachments-INITIAL_FORMS": "0",
            "attachments-MIN_NUM_FORMS": "0",
            "attachments-MAX_NUM_FORMS": "1000",
        },
        follow=True,
    )
    request = UpdateRequest.objects.get()
    assert request.procedure == procedure
    assert request.requested_by == agent
    assert response.redirect_chain[-1][0] == reverse("callcenter:procedure", args=[procedure.code])
    assert "Zgłoszono potrzebę aktualizacji: „Nowe godziny otwarcia”." in response.text


@pytest.mark.parametrize("value", ["abc", "99999999", "-1", "1" * 40, "1 OR 1=1"])
def test_a_bad_procedure_parameter_fills_in_nothing(procedure, value):
    client = session(member(roles.CALL_CENTER))
    response = client.get(REQUEST_ADD, {"procedure": value})
    assert response.status_code == 200
    assert response.context["form"]["procedure"].value() is None
    assert "Nie znaleziono procedury, której dotyczy odnośnik." in response.text


def test_an_editor_cannot_prefill_a_procedure_they_may_not_read(procedure_index):
    hidden = ProcedurePageFactory(parent=procedure_index, title="Procedura w szkicu", live=False)
    client = session(member(roles.EDITORS, DepartmentFactory()))
    response = client.get(REQUEST_ADD, {"procedure": hidden.pk})
    assert response.status_code == 200
    assert response.context["form"]["procedure"].value() is None
    assert "Wróć do procedury" not in response.text


def test_an_editor_prefills_a_public_procedure_and_goes_back_to_the_portal(procedure):
    client = session(member(roles.EDITORS, DepartmentFactory()))
    response = client.get(REQUEST_ADD, {"procedure": procedure.pk})
    assert response.context["form"]["procedure"].value() == procedure.pk
    assert f'href="{procedure.url}"' in response.text


# --- The way back from "Inne*" --------------------------------------------------------


def test_inne_form_leads_back_to_the_call_center_page(procedure):
    client = session(member(roles.CALL_CENTER))
    form_url = reverse("procedures_cc_other", args=[procedure.pk])
    back = reverse("callcenter:procedure", args=[procedure.code])

    form = client.get(form_url)
    assert "Wróć do procedury w Call Center" in form.text
    assert f'href="{back}"' in form.text

    response = client.post(form_url, {"cc_other": "Dzwoniący pytają o termin."}, follow=True)
    assert response.redirect_chain[-1][0] == back
    assert "Zapisano pole „Inne*” procedury" in response.text
    assert "Dzwoniący pytają o termin." in response.text


# --- The procedure listing ------------------------------------------------------------


def explore(client, index, **params):
    return client.get(reverse("wagtailadmin_explore", args=[index.pk]), params)


def test_the_listing_shows_code_department_status_and_valid_to(procedure_index, settings):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    page = ProcedurePageFactory(
        parent=procedure_index,
        expire_at=datetime(2031, 12, 31, 23, 59, tzinfo=ZoneInfo(settings.TIME_ZONE)),
    )
    client = session(member(roles.MODERATORS))
    response = explore(client, procedure_index)
    assert response.status_code == 200
    for heading in ("Kod", "Komórka", "Status", "Obowiązuje do"):
        assert f">{heading}<" in response.text or heading in response.text
    assert page.code in response.text
    assert page.department.name in response.text
    assert "31 grudnia 2031, 23:59" in response.text


def test_the_listing_filters_by_department_and_status(procedure_index):
    first, second = DepartmentFactory(), DepartmentFactory()
    live = ProcedurePageFactory(parent=procedure_index, department=first)
    live.save_revision().publish()
    draft = ProcedurePageFactory(parent=procedure_index, department=second, live=False)
    client = session(member(roles.MODERATORS))

    by_department = explore(client, procedure_index, department=first.pk)
    assert live.code in by_department.text and draft.code not in by_department.text

    by_status = explore(client, procedure_index, status="draft")
    assert draft.code in by_status.text and live.code not in by_status.text

    live_ones = explore(client, procedure_index, status="live")
    assert live.code in live_ones.text and draft.code not in live_ones.text


def test_the_listing_filters_by_valid_to(procedure_index, settings):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    zone = ZoneInfo(settings.TIME_ZONE)
    soon = ProcedurePageFactory(
        parent=procedure_index, expire_at=datetime(2030, 1, 15, tzinfo=zone)
    )
    later = ProcedurePageFactory(
        parent=procedure_index, expire_at=datetime(2032, 6, 1, tzinfo=zone)
    )
    client = session(member(roles.MODERATORS))
    response = explore(
        client, procedure_index, expire_at_from="2030-01-01", expire_at_to="2030-12-31"
    )
    assert soon.code in response.text and later.code not in response.text


def test_a_bad_filter_value_is_not_an_error(procedure_index):
    client = session(member(roles.MODERATORS))
    for params in ({"status": "nonsense"}, {"department": "x"}, {"expire_at_from": "jutro"}):
        assert explore(client, procedure_index, **params).status_code == 200


def test_a_department_editors_listing_shows_no_restricted_value(procedure_index):
    department = DepartmentFactory()
    page = ProcedurePageFactory(parent=procedure_index, department=department)
    markers = fill_restricted_fields(page)
    page.save_revision().publish()
    client = session(member(roles.EDITORS, department))

    for params in ({}, {"department": department.pk}, {"status": "live"}, {"q": page.code}):
        response = explore(client, procedure_index, **params)
        assert response.status_code == 200
        assert find_markers(response.text, markers.values()) == []
    assert page.code in explore(client, procedure_index).text


def test_the_listing_reads_departments_without_a_query_per_row(
    procedure_index, django_assert_max_num_queries
):
    for _ in range(3):
        ProcedurePageFactory(parent=procedure_index)
    client = session(member(roles.MODERATORS))
    explore(client, procedure_index)  # warm caches (content types, permissions)
    with django_assert_max_num_queries(60) as few:
        explore(client, procedure_index)
    for _ in range(10):
        ProcedurePageFactory(parent=procedure_index)
    with django_assert_max_num_queries(len(few.captured_queries) + 5):
        explore(client, procedure_index)
