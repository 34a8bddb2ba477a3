"""The portal's search box in a real browser: suggestions as one types, then results."""

import pytest

from tests.factories import ProcedurePageFactory

from .conftest import screenshot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_typing_offers_public_titles_and_searching_marks_the_words(
    browser, live_server, procedure_index
):
    wanted = ProcedurePageFactory(
        parent=procedure_index,
        title="Zameldowanie na pobyt stały",
        summary="Zameldowania dokonuje się w urzędzie.",
    )
    ProcedurePageFactory(
        parent=procedure_index, title="Zameldowanie – wewnętrzna", is_internal=True
    )
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/")
        box = page.locator("#q-strona-glowna")
        box.press_sequentially("zamel", delay=30)
        options = page.locator("#q-strona-glowna-podpowiedzi option")
        options.first.wait_for(state="attached")
        assert options.evaluate_all("els => els.map(e => e.value)") == [wanted.title]

        box.fill("zameldowania")
        box.press("Enter")
        page.wait_for_url("**/szukaj/?q=zameldowania")
        assert page.locator(".procedure-list__title").all_inner_texts() == [wanted.title]
        assert page.locator(".procedure-list__summary mark").all_inner_texts() == ["Zameldowania"]
        screenshot(page, "search-results-390")
    finally:
        context.close()
