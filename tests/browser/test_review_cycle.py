"""The review cycle in Chromium: a department editor finds an overdue review on their
dashboard, opens the procedure, reads the warning, confirms "Opis jest aktualny", and the
dashboard no longer lists it; the Procedures Office reads its panel and the report."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from procedures import roles
from procedures.reviews.models import ProcedureReview
from tests.factories import ProcedurePageFactory
from tests.staff import member

from .conftest import screenshot, settle
from .test_review_loop import watched

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_editor_confirms_an_overdue_description(logged_in_page, live_server, procedure_index):
    procedure = ProcedurePageFactory(parent=procedure_index, title="Rejestracja pojazdu")
    procedure.save_revision().publish()
    overdue_on = timezone.localdate() - datetime.timedelta(days=10)
    ProcedureReview.objects.filter(page=procedure).update(next_review_on=overdue_on)
    editor = member(roles.EDITORS, procedure.department, first_name="Jan", last_name="Redaktor")
    moderator = member(roles.MODERATORS, first_name="Anna", last_name="Moderatorka")

    page = watched(logged_in_page(editor))
    page.goto(live_server.url + reverse("wagtailadmin_home"))
    panel = page.locator("#editor-reviews-due").locator("xpath=..")
    assert "Rejestracja pojazdu" in panel.inner_text()
    screenshot(page, "review-cycle-1-editor-dashboard")

    page.locator("#editor-reviews-due ~ table a", has_text="Rejestracja pojazdu").first.click()
    settle(page)
    warning = page.locator(".messages", has_text="Przegląd tej procedury jest zaległy")
    assert warning.is_visible()
    screenshot(page, "review-cycle-2-editor-warning")

    warning.get_by_role("link", name="Opis jest aktualny").click()
    settle(page)
    screenshot(page, "review-cycle-3-confirm")
    page.get_by_role("button", name="Opis jest aktualny").click()
    settle(page)
    assert "Następny przegląd:" in page.locator(".messages").inner_text()
    assert ProcedureReview.objects.get(page=procedure).confirmed_by == editor

    page.goto(live_server.url + reverse("wagtailadmin_home"))
    assert page.locator("#editor-reviews-due").count() == 0
    assert page.problems == []

    office = watched(logged_in_page(moderator))
    ProcedureReview.objects.filter(page=procedure).update(next_review_on=overdue_on)
    office.goto(live_server.url + reverse("wagtailadmin_home"))
    assert "Rejestracja pojazdu" not in office.locator("#office-reviews-awaiting").inner_text()
    screenshot(office, "review-cycle-4-office-dashboard")
    office.goto(live_server.url + reverse("reviews:report") + "?state=overdue")
    assert "Rejestracja pojazdu" in office.locator("#listing-results").inner_text()
    screenshot(office, "review-cycle-5-report")
    assert office.problems == []
