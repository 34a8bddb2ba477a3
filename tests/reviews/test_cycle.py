"""The review cycle: "Następny przegląd" follows each publication, "Opis jest aktualny"
moves it on without a revision and shows in the history, the Office sets it by hand, and
nothing of it reaches residents."""

import datetime

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry, Revision

from procedures.models import ProcedurePage
from procedures.reviews import cycle
from procedures.reviews.models import ProcedureReview
from tests.factories import ProcedurePageFactory
from tests.staff import session

from .conftest import review_on

pytestmark = pytest.mark.django_db


def test_a_month_later_keeps_to_the_calendar():
    assert cycle.add_months(datetime.date(2026, 1, 31), 1) == datetime.date(2026, 2, 28)
    assert cycle.add_months(datetime.date(2026, 11, 15), 12) == datetime.date(2027, 11, 15)
    assert cycle.add_months(datetime.date(2026, 12, 1), 2) == datetime.date(2027, 2, 1)


def test_publishing_sets_the_next_review_twelve_months_later(own_procedure):
    review = ProcedureReview.objects.get(page=own_procedure)
    published_on = timezone.localdate(own_procedure.last_published_at)
    assert review.next_review_on == cycle.add_months(published_on, 12)


def test_a_new_publication_moves_the_review(own_procedure, settings):
    review_on(own_procedure, -10)
    settings.PROCEDURE_REVIEW_MONTHS = 6
    own_procedure.save_revision().publish()
    review = ProcedureReview.objects.get(page=own_procedure)
    assert review.next_review_on == cycle.add_months(timezone.localdate(), 6)


def test_publications_of_one_transaction_get_their_dates_in_one_statement(procedure_index):
    pages = [ProcedurePageFactory(parent=procedure_index, live=False) for _ in range(3)]
    with transaction.atomic():
        for page in pages:
            page.save_revision().publish()
        waiting = [
            func
            for _sids, func, _robust in transaction.get_connection().run_on_commit
            if func is cycle._store_waiting
        ]
        assert len(waiting) == 1  # one upsert for the three, after the commit
        assert not ProcedureReview.objects.filter(page__in=pages).exists()
    expected = cycle.add_months(timezone.localdate(), 12)
    dates = ProcedureReview.objects.filter(page__in=pages).values_list("next_review_on", flat=True)
    assert sorted(dates) == [expected] * 3


def test_a_publication_rolled_back_gets_no_date_and_stops_no_other(procedure_index):
    kept, undone = (ProcedurePageFactory(parent=procedure_index, live=False) for _ in range(2))
    with transaction.atomic():
        try:
            with transaction.atomic():
                undone.save_revision().publish()
                raise RuntimeError("the batch is refused")
        except RuntimeError:
            pass
        kept.save_revision().publish()
    assert ProcedureReview.objects.filter(page=kept).exists()
    assert not ProcedureReview.objects.filter(page=undone).exists()


def test_a_procedure_never_published_has_no_review(procedure_index):
    page = ProcedurePageFactory(parent=procedure_index, live=False)
    page.save_revision()
    assert not ProcedureReview.objects.filter(page=page).exists()


def test_the_scheduler_fills_in_dates_for_procedures_published_without_a_signal(procedure_index):
    page = ProcedurePageFactory(parent=procedure_index)  # live, no publication signal
    ProcedurePage.objects.filter(pk=page.pk).update(
        last_published_at=timezone.now() - datetime.timedelta(days=400)
    )
    assert cycle.ensure_review_dates() == 1
    assert cycle.overdue_reviews().filter(pk=page.pk).exists()
    assert cycle.ensure_review_dates() == 0


# --- "Opis jest aktualny" -----------------------------------------------------------------


def confirm_url(page):
    return reverse("reviews:confirm", args=[page.pk])


def test_an_editor_of_the_department_confirms_without_a_revision(own_procedure, dept_editor):
    review_on(own_procedure, -5)
    revisions = Revision.page_revisions.filter(object_id=str(own_procedure.pk)).count()
    client = session(dept_editor)

    page = client.get(confirm_url(own_procedure))
    assert page.status_code == 200
    assert "Opis jest aktualny" in page.text

    response = client.post(confirm_url(own_procedure), follow=True)
    assert response.status_code == 200
    assert "jest aktualny. Następny przegląd:" in response.text

    review = ProcedureReview.objects.get(page=own_procedure)
    assert review.confirmed_by == dept_editor
    assert review.next_review_on == cycle.add_months(timezone.localdate(), 12)
    assert Revision.page_revisions.filter(object_id=str(own_procedure.pk)).count() == revisions
    assert not cycle.due_for_review().filter(pk=own_procedure.pk).exists()


def test_the_confirmation_shows_in_the_procedures_history(own_procedure, dept_editor, office):
    session(dept_editor).post(confirm_url(own_procedure))
    entry = PageLogEntry.objects.get(page=own_procedure, action=cycle.CONFIRMED)
    assert entry.user == dept_editor
    history = session(office).get(reverse("wagtailadmin_pages:history", args=[own_procedure.pk]))
    assert "Potwierdzono, że opis jest aktualny" in history.text


def refused(response):
    """Wagtail's admin answers a refused permission with a redirect to the dashboard."""
    return response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def test_an_editor_of_another_department_may_not_confirm(own_procedure, other_editor, agent):
    review_on(own_procedure, -5)
    assert refused(session(other_editor).post(confirm_url(own_procedure)))
    assert refused(session(agent).post(confirm_url(own_procedure)))
    assert ProcedureReview.objects.get(page=own_procedure).confirmed_at is None


def test_the_editor_finds_the_button_in_the_page_header(own_procedure, dept_editor, other_editor):
    edit = reverse("wagtailadmin_pages:edit", args=[own_procedure.pk])
    assert confirm_url(own_procedure) in session(dept_editor).get(edit).text
    listing = reverse("wagtailadmin_explore", args=[own_procedure.get_parent().pk])
    assert confirm_url(own_procedure) in session(dept_editor).get(listing).text
    assert confirm_url(own_procedure) not in session(other_editor).get(listing).text


# --- The Office sets the date -------------------------------------------------------------


def test_the_office_sets_the_next_review_date(own_procedure, office):
    day = timezone.localdate() + datetime.timedelta(days=90)
    url = reverse("reviews:set_date", args=[own_procedure.pk])
    response = session(office).post(url, {"next_review_on": day.isoformat()})
    assert response.status_code == 302
    assert ProcedureReview.objects.get(page=own_procedure).next_review_on == day
    assert PageLogEntry.objects.filter(page=own_procedure, action=cycle.DATE_SET).exists()


def test_a_date_in_the_past_is_refused_naming_the_field(own_procedure, office):
    url = reverse("reviews:set_date", args=[own_procedure.pk])
    response = session(office).post(url, {"next_review_on": "2000-01-01"})
    assert response.status_code == 200
    assert "Pole „Następny przegląd”: data nie może być w przeszłości." in response.text
    response = session(office).post(url, {"next_review_on": "jutro"})
    assert "Pole „Następny przegląd”: podaj datę" in response.text


def test_a_department_editor_may_not_set_the_date(own_procedure, dept_editor):
    url = reverse("reviews:set_date", args=[own_procedure.pk])
    assert refused(session(dept_editor).post(url, {"next_review_on": "2030-01-01"}))
    assert ProcedureReview.objects.get(page=own_procedure).next_review_on.year != 2030


# --- Residents never see it ---------------------------------------------------------------


def test_an_overdue_procedure_stays_public_with_no_trace_of_the_review(
    own_procedure, dept_editor, client
):
    session(dept_editor).post(confirm_url(own_procedure))  # a confirmation in the history
    day = review_on(own_procedure, -40)
    portal = client.get(own_procedure.url)
    assert portal.status_code == 200
    answers = [portal.text]
    for path in ("", "history/", "jsonld/"):
        api = client.get(f"/api/v2/procedures/{own_procedure.pk}/{path}")
        assert api.status_code == 200
        answers.append(api.text)
    answers.append(client.get("/api/v2/procedures/").text)
    for text in answers:
        assert "przegląd" not in text.lower()
        assert "review" not in text.lower()
        assert day.isoformat() not in text
        assert day.strftime("%d.%m.%Y") not in text
        assert "aktualny" not in text and "Redaktor" not in text


def test_the_editor_is_told_above_the_form_that_the_review_is_overdue(own_procedure, dept_editor):
    edit = reverse("wagtailadmin_pages:edit", args=[own_procedure.pk])
    review_on(own_procedure, 100)
    assert "Przegląd tej procedury jest zaległy" not in session(dept_editor).get(edit).text
    day = review_on(own_procedure, -2)
    html = session(dept_editor).get(edit).text
    assert f"Przegląd tej procedury jest zaległy: był przewidziany na {day:%d.%m.%Y}." in html
