"""A resident with JavaScript turned off reports an error in a procedure's description and
answers "Czy ta informacja była pomocna?" in Chromium: plain forms, POST, redirect, thanks."""

import pytest
from playwright.sync_api import expect

from procedures.feedback.models import HelpfulnessVote
from procedures.models import ProcedurePage, UpdateRequest
from tests.factories import ProcedurePageFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def no_script_page(browser):
    context = browser.new_context(java_script_enabled=False, locale="pl-PL")
    yield context.new_page()
    context.close()


@pytest.fixture
def published(procedure_index):
    page = ProcedurePageFactory(parent=procedure_index, title="Wymiana dowodu osobistego")
    page.save_revision().publish()
    return ProcedurePage.objects.get(pk=page.pk)


def test_a_resident_without_javascript_reports_an_error(live_server, no_script_page, published):
    page = no_script_page
    page.goto(live_server.url + published.url)

    page.get_by_text("Zgłoś błąd w opisie").click()  # <details> opens without script
    page.get_by_role("button", name="Wyślij zgłoszenie").click()  # nothing typed yet

    expect(page.get_by_role("heading", name="Popraw formularz")).to_be_visible()
    field = page.get_by_label("Co jest nieaktualne lub błędne?")
    expect(field).to_have_attribute("aria-invalid", "true")
    assert UpdateRequest.objects.count() == 0

    field.fill("Opłata skarbowa wynosi teraz 20 zł, a nie 17 zł.")
    page.get_by_label("Opłaty").check()
    page.get_by_label("Adres e-mail (nieobowiązkowy)").fill("mieszkaniec@example.pl")
    page.get_by_role("button", name="Wyślij zgłoszenie").click()

    expect(page.get_by_role("heading", name="Dziękujemy za zgłoszenie")).to_be_visible()
    request = UpdateRequest.objects.get()
    assert request.source == UpdateRequest.Source.RESIDENT
    assert request.procedure_id == published.pk
    assert request.description == "Opłata skarbowa wynosi teraz 20 zł, a nie 17 zł."
    assert request.requester_email == "mieszkaniec@example.pl"
    assert "„Opłaty”" in request.subject

    page.reload()  # the thank-you page is a GET: nothing is sent twice
    assert UpdateRequest.objects.count() == 1


def test_a_resident_without_javascript_answers_the_helpfulness_question(
    live_server, no_script_page, published
):
    page = no_script_page
    page.goto(live_server.url + published.url)

    group = page.get_by_role("group", name="Czy ta informacja była pomocna?")
    group.get_by_role("button", name="Nie").click()

    expect(page.get_by_role("heading", name="Dziękujemy za opinię")).to_be_visible()
    assert list(HelpfulnessVote.objects.values_list("procedure_id", "helpful")) == [
        (published.pk, False)
    ]
    page.get_by_role("link", name="Wróć do opisu procedury „Wymiana dowodu osobistego”").click()
    expect(page.get_by_role("heading", name="Wymiana dowodu osobistego", level=1)).to_be_visible()
