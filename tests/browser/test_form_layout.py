"""The procedure editor's tabs, filterable checkbox lists and StreamField buttons in Chromium."""

import re

import pytest

from procedures import roles
from procedures.models import ProcedurePage, UsefulInfo
from tests.factories import DepartmentFactory, EmployeeFactory
from tests.staff import member

from .conftest import screenshot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.presentation,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def watch_console(page):
    """Script errors of the tab, and the requests the server refused, as they happen."""
    errors, refused = [], []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on(
        "console",
        lambda m: (
            errors.append(m.text)
            if m.type == "error" and not m.text.startswith("Failed to load resource")
            else None
        ),
    )
    page.on(
        "response",
        lambda r: refused.append((r.request.method, r.url, r.status)) if r.status >= 400 else None,
    )
    return errors, refused


def test_an_editor_fills_a_new_procedure_tab_by_tab(logged_in_page, live_server, procedure_index):
    department = DepartmentFactory()
    author = EmployeeFactory(department=department)
    editor = member(roles.EDITORS, department=department)
    page = logged_in_page(editor)
    errors, refused = watch_console(page)
    page.goto(f"{live_server.url}/admin/pages/add/procedures/procedurepage/{procedure_index.pk}/")

    tabs = page.get_by_role("tab")
    assert [re.sub(r"\s+", " ", t).strip() for t in tabs.all_inner_texts()] == [
        "Procedura",
        "Opis, termin i miejsce",
        "Opłaty i dokumenty",
        "Podstawa prawna i realizator",
        "Promocja",
    ]
    page.locator("#id_title").fill("Wydanie karty testowej")
    page.locator("#id_code").fill("KA-09901")
    page.locator("#id_summary").fill("Kartę wydaje się na wniosek mieszkańca.")

    # "Przydatne informacje": type to narrow the list, tick one, see the count.
    useful = page.locator(".choice-filter", has=page.locator("#id_useful_info"))
    assert useful.locator(".choice-filter__count").inner_text() == "Wybrano: 0"
    useful.get_by_role("searchbox").fill("od reki")  # without diacritics
    visible = useful.locator("input[type=checkbox]:visible")
    assert visible.count() == 1 < UsefulInfo.objects.count()
    useful.get_by_label("sprawa załatwiana od ręki").check()
    assert useful.locator(".choice-filter__count").inner_text() == "Wybrano: 1"
    useful.get_by_role("searchbox").fill("")
    assert visible.count() == UsefulInfo.objects.count()
    screenshot(page, "form-layout-useful-info-filtered")

    # An empty "Najważniejsze etapy" says what its button adds, and adds it in one click.
    page.get_by_role("button", name="Dodaj etap").click()
    page.locator("input[name='steps-0-value-name']").fill("Złóż wniosek")
    # The last inserter carries the text; those between steps say it as their name.
    assert page.locator("#steps-root .c-sf-add-button__label").count() == 1

    page.get_by_role("tab", name="Opis, termin i miejsce").click()
    page.locator("#id_how_to").locator("..").locator("[contenteditable=true]").fill(
        "Wniosek składa się osobiście."
    )
    appointment = page.locator("#appointment-root")
    appointment.get_by_role("button", name="Nie dotyczy").click()
    page.locator("input[name='appointment-0-type'][value='not_applicable']").wait_for(
        state="attached"
    )
    screenshot(page, "form-layout-second-tab")

    page.get_by_role("tab", name="Opłaty i dokumenty").click()
    fees = page.locator("#fees-root")
    assert fees.get_by_role("button", name="Dodaj opłatę").is_visible()
    fees.get_by_role("button", name="Brak opłat").click()  # one click, no menu
    page.locator("input[name='fees-0-type'][value='none']").wait_for(state="attached")
    assert not fees.get_by_role("button", name="Brak opłat").is_visible()
    page.locator("#submission_channels-root").get_by_role("button", name="Nie dotyczy").click()
    screenshot(page, "form-layout-fees-tab")

    page.get_by_role("tab", name="Podstawa prawna i realizator").click()
    page.locator("#appeal-root").get_by_role("button", name="Brak", exact=True).click()
    # The choosers' modals are Wagtail's; the test sets what they would.
    page.locator("#id_department").evaluate("(el, pk) => { el.value = pk }", str(department.pk))
    page.locator("#id_information_authors-0-employee").evaluate(
        "(el, pk) => { el.value = pk }", str(author.pk)
    )
    screenshot(page, "form-layout-last-tab")

    page.get_by_role("button", name="Zapisz szkic").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    screenshot(page, "form-layout-saved-draft")
    assert errors == []
    assert refused == []

    procedure = ProcedurePage.objects.get(code="KA-09901").get_latest_revision_as_object()
    assert [term.name for term in procedure.useful_info.all()] == ["sprawa załatwiana od ręki"]
    assert [step.value["name"] for step in procedure.steps] == ["Złóż wniosek"]
    assert [child.block_type for child in procedure.fees] == ["none"]
    assert [child.block_type for child in procedure.appointment] == ["not_applicable"]
