"""The report "Przeglądy procedur": in the Reports menu for staff, filtered, exported as CSV
and XLSX, a department editor's narrowed to their departments."""

import pytest
from django.urls import reverse

from procedures.models import UpdateRequest
from procedures.reviews import cycle
from tests.staff import session

from .conftest import expiring_in, review_on

pytestmark = pytest.mark.django_db

REPORT = "/admin/przeglady/"


@pytest.fixture
def reviews(own_procedure, other_procedure):
    review_on(own_procedure, -3)
    review_on(other_procedure, 100)
    expiring_in(other_procedure, 5)
    UpdateRequest.objects.create(
        procedure=own_procedure, subject="Nowa opłata", description="Opłata wzrosła."
    )


def test_the_report_is_in_the_reports_menu_for_staff(reviews, dept_editor, office, agent):
    home = reverse("wagtailadmin_home")
    assert REPORT in session(office).get(home).text
    assert REPORT in session(dept_editor).get(home).text
    assert REPORT not in session(agent).get(home).text
    response = session(agent).get(REPORT)
    assert response.status_code == 302


def test_the_office_sees_every_procedure(reviews, office):
    html = session(office).get(REPORT).text
    assert "Przeglądy procedur" in html
    assert "KM-00001" in html and "ED-00001" in html
    assert "zaległy" in html


def test_the_editor_sees_only_their_departments(reviews, dept_editor):
    html = session(dept_editor).get(REPORT).text
    assert "KM-00001" in html
    assert "ED-00001" not in html


def test_filters_by_state(reviews, office):
    client = session(office)
    overdue = client.get(REPORT, {"state": "overdue"}).text
    assert "KM-00001" in overdue and "ED-00001" not in overdue
    expiring = client.get(REPORT, {"state": "expiring"}).text
    assert "ED-00001" in expiring and "KM-00001" not in expiring
    requests = client.get(REPORT, {"state": "requests"}).text
    assert "KM-00001" in requests and "ED-00001" not in requests


def test_csv_export(reviews, office, own_procedure):
    response = session(office).get(REPORT, {"export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8")
    header, *rows = text.strip().splitlines()
    assert header.startswith("Kod,Nazwa procedury,Komórka,Status,Następny przegląd")
    own = next(row for row in rows if row.startswith("KM-00001"))
    assert "Wydział Komunikacji" in own and "zaległy" in own and own.endswith(",1")


def test_xlsx_export(reviews, dept_editor, own_procedure):
    cycle.confirm_current(own_procedure, dept_editor)  # a date and a time with a zone
    response = session(dept_editor).get(REPORT, {"export": "xlsx"})
    assert response.status_code == 200
    assert "spreadsheetml" in response["Content-Type"]
    assert "przeglady-procedur" in response["Content-Disposition"]
