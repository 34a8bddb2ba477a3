"""WCAG 2.1 A/AA in a real browser: axe-core on every page type, phone and desktop widths.

Runs over the demo site (``seed_demo``): home, category, search, procedure (with its
"Historia zmian", the demo's change notes, and its feedback form open), the feedback form's
own page and its error state, accessibility statement, and the Call Center search and
reading view as an agent. Screenshots of each
page at each width are saved under ``artifacts/screenshots/``.
"""

import json
import os
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command

from procedures.demo import content
from procedures.models import Category, ProcedurePage

from .conftest import screenshot

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = {"telefon": (390, 844), "komputer": (1280, 900)}
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.presentation,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def axe_source():
    if not AXE.exists():
        if os.environ.get("CI"):
            pytest.fail("axe-core is missing: `make install` runs `npm ci`")
        pytest.skip("axe-core is not installed (npm ci)")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture
def demo_site():
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    procedure = ProcedurePage.objects.get(code=content.SCHEDULED_CODE)
    category = Category.objects.filter(procedures__isnull=False).first()
    return {
        "public": {
            "strona-glowna": "/",
            "kategoria": f"/kategoria/{category.slug}/",
            "wyszukiwanie": "/szukaj/?q=dow%C3%B3d+osobisty",
            "procedura": procedure.url,
            "zgloszenie-bledu": f"/opinie/{procedure.code}/zgloszenie/",
            "deklaracja-dostepnosci": "/deklaracja-dostepnosci/",
        },
        "call_center": {
            "call-center-wyszukiwanie": "/call-center/?q=meldunek",
            "call-center-procedura": f"/call-center/procedura/{procedure.code}/",
        },
        "agent": get_user_model().objects.get(username="agent"),
    }


def violations(page, axe_source):
    # Evaluated through the DevTools protocol, as the page's Content-Security-Policy
    # (rightly) refuses an injected inline <script>.
    page.evaluate(axe_source)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "targets": [node["target"] for node in v["nodes"][:3]],
        }
        for v in result["violations"]
    ]


def feedback_states(page, live_server, demo_site):
    """The residents' feedback form as it is seen: opened at the end of the procedure's
    page, and sent empty (its error state, status 400)."""
    page.goto(live_server.url + demo_site["public"]["procedura"])
    page.get_by_text("Zgłoś błąd w opisie").click()
    assert page.get_by_label("Co jest nieaktualne lub błędne?").is_visible()
    yield "procedura-formularz-zgloszenia"
    with page.expect_response(lambda r: "/zgloszenie/" in r.url) as sent:
        page.get_by_role("button", name="Wyślij zgłoszenie").click()
    assert sent.value.status == 400
    assert page.get_by_role("heading", name="Popraw formularz").is_visible()
    yield "zgloszenie-bledu-z-bledami"


def test_every_page_type_passes_axe_at_phone_and_desktop_width(
    browser, live_server, logged_in_page, demo_site, axe_source
):
    found = {}
    for width_name, (width, height) in WIDTHS.items():
        context = browser.new_context(viewport={"width": width, "height": height}, locale="pl-PL")
        anonymous = context.new_page()
        for name, path in demo_site["public"].items():
            response = anonymous.goto(live_server.url + path)
            assert response.status == 200, path
            found[f"{name} ({width_name})"] = violations(anonymous, axe_source)
            if name == "procedura":
                # The change notes are on the page axe has just checked.
                history = anonymous.locator("section.change-history li")
                assert history.count() >= 2, "no „Historia zmian” on the procedure page"
                history.first.scroll_into_view_if_needed()
                screenshot(anonymous, f"historia-zmian-{width_name}")
            overflow = anonymous.evaluate(
                "document.documentElement.scrollWidth > document.documentElement.clientWidth"
            )
            assert not overflow, f"{path} scrolls sideways at {width}px"
            screenshot(anonymous, f"{name}-{width_name}")
        for name in feedback_states(anonymous, live_server, demo_site):
            found[f"{name} ({width_name})"] = violations(anonymous, axe_source)
            screenshot(anonymous, f"{name}-{width_name}")
        context.close()

        agent = logged_in_page(demo_site["agent"], width=width, height=height)
        for name, path in demo_site["call_center"].items():
            response = agent.goto(live_server.url + path)
            assert response.status == 200, path
            found[f"{name} ({width_name})"] = violations(agent, axe_source)
            screenshot(agent, f"{name}-{width_name}")

    failing = {page: v for page, v in found.items() if v}
    assert not failing, json.dumps(failing, ensure_ascii=False, indent=2)


def test_keyboard_reaches_content_and_search_with_visible_focus(browser, live_server, demo_site):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="pl-PL")
    page = context.new_page()
    page.goto(live_server.url + demo_site["public"]["procedura"])

    page.keyboard.press("Tab")
    skip = page.evaluate("document.activeElement.textContent.trim()")
    assert skip == "Przejdź do treści"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#tresc"

    labels = []
    for _ in range(8):
        page.keyboard.press("Tab")
        labels.append(
            page.evaluate(
                "(() => { const el = document.activeElement;"
                " return el.labels && el.labels.length ? el.labels[0].textContent.trim()"
                " : el.textContent.trim(); })()"
            )
        )
    assert any(label for label in labels), labels
    context.close()
