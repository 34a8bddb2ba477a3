"""The dashboard panels: a department editor's (only their departments) and the Procedures
Office's, with what each lists."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import WorkflowState

from procedures.models import UpdateRequest
from procedures.reviews.panels import EditorReviewPanel, OfficeReviewPanel
from tests.staff import session

from .conftest import expiring_in, published, review_on

pytestmark = pytest.mark.django_db


def dashboard(user):
    response = session(user).get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.text


def section(html, anchor):
    """The part of the dashboard from the heading ``anchor`` to the next heading."""
    start = html.index(f'id="{anchor}"')
    end = html.find("<h3", start + 1)
    return html[start : end if end != -1 else None]


def request_for(page, subject, source=UpdateRequest.Source.SYSTEM, status="new"):
    return UpdateRequest.objects.create(
        procedure=page,
        subject=subject,
        description="Nieaktualny adres.",
        source=source,
        status=status,
    )


def submit_for_approval(page, user):
    page.save_revision(user=user)
    return page.get_workflow().start(page, user)


def request_changes(page, editor, moderator):
    state = submit_for_approval(page, editor)
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, moderator, "reject", comment="Popraw opłatę.")
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    return state


@pytest.fixture
def everything_due(own_procedure, other_procedure, dept_editor, other_editor, office):
    """In both departments: an overdue review, an expiry in 10 days, an open request."""
    review_on(own_procedure, -3)
    review_on(other_procedure, -7)
    expiring_in(own_procedure, 10)
    expiring_in(other_procedure, 20)
    request_for(own_procedure, "Zmiana godzin otwarcia")
    request_for(other_procedure, "Nowy formularz zapisu")
    request_for(own_procedure, "Już załatwiony", status="done")


def test_the_editor_sees_only_their_departments(everything_due, own_procedure, dept_editor):
    html = dashboard(dept_editor)
    assert "Przeglądy i terminy Twoich procedur" in html
    due = section(html, "editor-reviews-due")
    assert "KM-00001" in due and "zaległy" in due
    assert "KM-00001" in section(html, "editor-reviews-expiring")
    requests = section(html, "editor-reviews-requests")
    assert "Zmiana godzin otwarcia" in requests
    assert "Już załatwiony" not in requests
    assert "ED-00001" not in html
    assert "Nowy formularz zapisu" not in html
    assert "Oddział ds. Procedur – do zrobienia" not in html


def test_a_review_far_ahead_is_not_listed(own_procedure, dept_editor):
    review_on(own_procedure, 200)
    html = dashboard(dept_editor)
    assert 'id="editor-reviews-due"' not in html
    assert "nic nie czeka na przegląd" in html


def test_the_editor_sees_procedures_returned_by_moderation(own_procedure, dept_editor, office):
    request_changes(own_procedure, dept_editor, office)
    assert "KM-00001" in section(dashboard(dept_editor), "editor-reviews-returned")


def test_the_office_sees_what_waits_for_it(
    everything_due, own_procedure, other_procedure, dept_editor, office, office_head
):
    submit_for_approval(other_procedure, dept_editor)
    request_for(None, "Błąd w godzinach", source=UpdateRequest.Source.RESIDENT)
    for user in (office, office_head):
        html = dashboard(user)
        awaiting = section(html, "office-reviews-awaiting")
        assert "ED-00001" in awaiting and "0 dni" in awaiting
        overdue = section(html, "office-reviews-overdue")
        assert "Wydział Komunikacji" in overdue and "KM-00001" in overdue
        assert "Wydział Edukacji" in overdue and "ED-00001" in overdue
        expiring = section(html, "office-reviews-expiring")
        assert expiring.index("KM-00001") < expiring.index("ED-00001")  # the soonest first
        requests = section(html, "office-reviews-requests")
        assert "Zmiana godzin otwarcia" in requests and "Nowy formularz zapisu" in requests
        assert "Już załatwiony" not in requests
        reports = section(html, "office-reviews-reports")
        assert "Błąd w godzinach" in reports
        assert "Zmiana godzin otwarcia" not in reports
        assert "Przeglądy i terminy Twoich procedur" not in html


def test_no_review_panel_for_the_call_center(everything_due, agent):
    html = dashboard(agent)
    assert "office-reviews" not in html
    assert "editor-reviews" not in html


def test_the_panels_cost_the_same_queries_for_more_procedures(
    procedure_index, own_department, dept_editor, office
):
    def queries():
        with CaptureQueriesContext(connection) as editor:
            EditorReviewPanel(dept_editor).render_html({})
        with CaptureQueriesContext(connection) as office_queries:
            OfficeReviewPanel().render_html({})
        return len(editor), len(office_queries)

    def add_due(n):
        for _ in range(n):
            page = published(procedure_index, department=own_department)
            review_on(page, -1)
            expiring_in(page, 3)
            request_for(page, "Zmiana")
            submit_for_approval(page, dept_editor)

    add_due(2)
    few = queries()
    add_due(3)
    assert queries() == few
