"""The Content-Security-Policy in a real browser: the portal, the Call Center and the admin's
page editor work without a single violation, and a script stored in content before it was
sanitised is refused by the browser."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from procedures import roles
from tests.factories import ProcedurePageFactory, UserFactory, store_unchecked

from .conftest import settle, track_requests

pytestmark = [
    pytest.mark.browser,
    pytest.mark.presentation,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

#: Collects every violation the browser reports, from before the page's own scripts run.
WATCH_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"} `
    + `(${event.sourceFile}:${event.lineNumber})`
  );
});
"""


def watched(page):
    """The tab, watching for violations in events and in the console."""
    console = []
    page.on(
        "console",
        lambda message: (
            console.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.add_init_script(WATCH_VIOLATIONS)
    page.console_violations = console
    return track_requests(page)


def violations(page):
    settle(page)
    return page.evaluate("window.__cspViolations") + page.console_violations


@pytest.fixture
def anonymous_page(browser):
    context = browser.new_context(locale="pl-PL")
    yield watched(context.new_page())
    context.close()


def as_user(logged_in_page, group_name):
    return watched(logged_in_page(UserFactory(groups=[Group.objects.get(name=group_name)])))


def test_the_portal_runs_without_violations(anonymous_page, live_server, procedure_index):
    procedure = ProcedurePageFactory(parent=procedure_index)
    page = anonymous_page
    for url in [procedure.url, "/", reverse("search") + "?q=za"]:
        response = page.goto(live_server.url + url)
        assert "object-src 'none'" in response.headers["content-security-policy"]
        assert violations(page) == [], url
    # The search suggestions (search/js/suggest.js) fetch from this site: allowed.
    page.goto(live_server.url + procedure.url)
    page.locator("#q-naglowek").fill("zaświadcz")
    page.wait_for_timeout(300)
    assert violations(page) == []


def test_the_call_center_runs_without_violations(logged_in_page, live_server, procedure_index):
    procedure = ProcedurePageFactory(parent=procedure_index)
    page = as_user(logged_in_page, roles.CALL_CENTER)
    page.goto(live_server.url + reverse("callcenter:procedure", args=[procedure.code]))
    assert violations(page) == []
    page.goto(live_server.url + reverse("callcenter:search") + "?q=za")
    assert violations(page) == []


def test_the_admin_page_editor_runs_without_violations(
    logged_in_page, live_server, procedure_index
):
    procedure = ProcedurePageFactory(parent=procedure_index)
    page = as_user(logged_in_page, roles.MODERATORS)
    page.goto(live_server.url + reverse("wagtailadmin_pages:edit", args=[procedure.pk]))
    # The editor's own widgets work: a new step block with its live counter.
    page.locator("#steps-root .c-sf-add-button").first.click()
    step_name = page.locator("input[name='steps-2-value-name']")
    step_name.wait_for()
    step_name.fill("Odbierz decyzję")
    counter = page.locator("#" + step_name.get_attribute("id") + "-char-counter")
    assert counter.inner_text() == "15 / 40 znaków"
    assert violations(page) == []
    # The preview panel renders the portal's page inside the admin.
    page.goto(live_server.url + reverse("wagtailadmin_pages:view_draft", args=[procedure.pk]))
    assert violations(page) == []
    page.goto(live_server.url + reverse("wagtailadmin_home"))
    assert violations(page) == []


def test_a_script_stored_before_sanitising_is_refused(anonymous_page, live_server, procedure_index):
    procedure = store_unchecked(
        ProcedurePageFactory(parent=procedure_index),
        how_to=(
            "<p>Złóż wniosek.<script>window.__ran = 'script'</script>"
            "<img src='/nie-ma.png' onerror=\"window.__ran = 'onerror'\"></p>"
        ),
    )
    page = anonymous_page
    page.goto(live_server.url + procedure.url)
    found = violations(page)
    assert page.evaluate("window.__ran") is None
    assert any("script-src" in violation for violation in found), found


def test_the_portal_with_the_userbar_runs_without_violations(
    logged_in_page, live_server, procedure_index
):
    procedure = ProcedurePageFactory(parent=procedure_index)
    page = as_user(logged_in_page, roles.MODERATORS)
    page.goto(live_server.url + procedure.url)
    page.locator("wagtail-userbar").wait_for(state="attached")
    assert violations(page) == []
