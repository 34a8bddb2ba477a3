"""The procedure editor's layout: the template's sections on tabs, in the template's order."""

import json
import re

from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield

from procedures import roles
from procedures.models import UsefulInfo
from tests.factories import DepartmentFactory, ProcedurePageFactory
from tests.procedures.admin_forms import edit_url, procedure_form_data
from tests.staff import member, session

# (tab, [its sections]) as an editor meets them, in the order of the template.
EDITOR_LAYOUT = [
    ("Procedura", ["Procedura", "Skrócony opis procedury", "Informacja o zmianie"]),
    (
        "Opis, termin i miejsce",
        ["Szczegółowy opis procedury", "Termin i miejsce załatwienia sprawy"],
    ),
    ("Opłaty i dokumenty", ["Opłaty", "Dokumenty"]),
    ("Podstawa prawna i realizator", ["Podstawa prawna", "Realizator"]),
    ("Promocja", ["Adres i wyszukiwarki"]),
]
RESTRICTED_TAB = (
    "Call Center i pola zastrzeżone",
    ["Pola zastrzeżone", "Informacje dla pracownika Oddziału Call Center"],
)


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=["procedures", "procedurepage", parent.pk])


def layout(html):
    """[(tab, [section headings])] of the rendered editor, and the tabs' sections by tab."""
    soup = BeautifulSoup(html, "html.parser")
    tabs = soup.select("[role=tablist] [role=tab]")
    result, sections = [], {}
    for tab in tabs:
        title = tab.find(string=True, recursive=False).strip()
        if title == "Ustawienia":  # comments only, not a section of the template
            continue
        panel = soup.select_one(tab["href"])
        headings = [
            h.get_text(strip=True)
            for h in panel.select(".w-form-width > section.w-panel > .w-panel__header h2")
        ]
        result.append((title, headings))
        sections[title] = panel
    return result, sections


def section(panel, heading):
    for candidate in panel.select("section.w-panel"):
        h2 = candidate.select_one(":scope > .w-panel__header h2")
        if h2 and h2.get_text(strip=True) == heading:
            return candidate
    raise AssertionError(heading)


def test_an_editor_sees_the_templates_sections_on_tabs_in_order(procedure_index):
    client = session(member(roles.EDITORS))
    response = client.get(add_url(procedure_index))
    assert response.status_code == 200
    tabs, panels = layout(response.text)
    assert tabs == EDITOR_LAYOUT
    # The restricted tab and its fields are not in an editor's form at all.
    assert RESTRICTED_TAB[0] not in response.text
    for name in ["procedure_owner", "coordinator", "is_internal", "cc_description", "faq"]:
        assert f'name="{name}"' not in response.text
    # The title (with its counter) is on the first tab.
    assert panels["Procedura"].select_one("input#id_title[data-char-limit='160']")


def test_a_moderator_sees_the_restricted_tab_after_the_templates_sections(procedure_index):
    client = session(member(roles.MODERATORS))
    tabs, _ = layout(client.get(add_url(procedure_index)).text)
    assert tabs == [*EDITOR_LAYOUT[:4], RESTRICTED_TAB, *EDITOR_LAYOUT[4:]]


def test_fields_keep_the_templates_order_within_their_sections(procedure_index):
    client = session(member(roles.MODERATORS))
    html = client.get(add_url(procedure_index)).text
    order = [
        "title", "code", "related_procedures", "go_live_at", "expire_at", "information_date",
        "summary", "steps", "electronic_actions", "useful_info",
        "how_to", "additional_info",
        "processing_time_value", "processing_time_description", "places", "appointment",
        "fees",
        "submission_channels", "submission_deadline", "required_documents", "other_documents",
        "legal_basis", "appeal", "reuse_conditions",
        "department", "information_authors",
    ]  # fmt: skip
    # Fields are id_<name>, StreamFields <name> (Wagtail's w-block), inline panels id_<name>-….
    positions = [re.search(rf'id="(id_)?{name}["-]', html).start() for name in order]
    assert positions == sorted(positions)


def test_required_sections_open_and_an_empty_optional_section_collapsed(procedure_index):
    client = session(member(roles.MODERATORS))
    _, panels = layout(client.get(add_url(procedure_index)).text)
    for tab, headings in EDITOR_LAYOUT[:4]:
        for heading in headings:
            assert "collapsed" not in section(panels[tab], heading)["class"], heading
    cc = section(panels[RESTRICTED_TAB[0]], "Informacje dla pracownika Oddziału Call Center")
    assert "collapsed" in cc["class"]
    assert "collapsed" not in section(panels[RESTRICTED_TAB[0]], "Pola zastrzeżone")["class"]


def test_an_optional_section_with_content_opens(procedure_index):
    page = ProcedurePageFactory(parent=procedure_index, cc_other="Dzwonić po 10:00.")
    client = session(member(roles.MODERATORS))
    _, panels = layout(client.get(edit_url(page)).text)
    cc = section(panels[RESTRICTED_TAB[0]], "Informacje dla pracownika Oddziału Call Center")
    assert "collapsed" not in cc["class"]


def test_long_checkbox_lists_get_a_filter_box_and_a_count(procedure_index):
    client = session(member(roles.EDITORS))
    response = client.get(add_url(procedure_index))
    soup = BeautifulSoup(response.text, "html.parser")
    assert "procedures/js/choice-filter.js" in response.text
    for name in ["useful_info", "electronic_actions", "categories"]:
        box = soup.select_one(f"#id_{name}").find_parent(attrs={"data-controller": "choice-filter"})
        assert box is not None, name
        # Without JavaScript it is the plain checkbox list; the filter waits hidden.
        assert box.select_one("[data-choice-filter-target=bar]").has_attr("hidden")
        checkboxes = box.select(f"input[type=checkbox][name={name}]")
        assert all(c["data-action"] == "change->choice-filter#count" for c in checkboxes)
    useful = soup.select_one("#id_useful_info").select("input[type=checkbox]")
    assert len(useful) == UsefulInfo.objects.count() > 10


def test_ticked_options_are_saved_through_the_filterable_list(procedure_index):
    department = DepartmentFactory()
    page = ProcedurePageFactory(parent=procedure_index, department=department)
    chosen = list(UsefulInfo.objects.order_by("pk")[:2])
    client = session(member(roles.EDITORS, department=department))
    data = procedure_form_data(page)
    data["useful_info"] = [str(term.pk) for term in chosen]
    response = client.post(edit_url(page), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page.refresh_from_db()
    saved = page.get_latest_revision_as_object().useful_info.all()
    assert {term.pk for term in saved} == {term.pk for term in chosen}
    html = client.get(edit_url(page)).text
    soup = BeautifulSoup(html, "html.parser")
    ticked = soup.select("#id_useful_info input[checked]")
    assert {int(c["value"]) for c in ticked} == {term.pk for term in chosen}


def test_stream_fields_say_what_their_add_button_adds(procedure_index):
    client = session(member(roles.MODERATORS))
    html = client.get(add_url(procedure_index)).text
    assert "procedures/js/stream-buttons.js" in html
    # The block definitions reach the browser in the w-block controller's data.
    expected = {
        "steps": ("Dodaj etap", []),
        "fees": ("Dodaj opłatę", [{"type": "none", "label": "Brak opłat"}]),
        "appointment": (
            "Dodaj sposób umawiania wizyty",
            [{"type": "not_applicable", "label": "Nie dotyczy"}],
        ),
        "submission_channels": (
            "Dodaj formę składania dokumentów",
            [{"type": "not_applicable", "label": "Nie dotyczy"}],
        ),
        "appeal": ("Dodaj tryb odwoławczy", [{"type": "none", "label": "Brak"}]),
        "legal_basis": ("Dodaj akt prawny", []),
        "faq": ("Dodaj pytanie", []),
    }
    soup = BeautifulSoup(html, "html.parser")
    for name, (label, choices) in expected.items():
        data = soup.select_one(f"#{name}[data-controller=w-block]")["data-w-block-data-value"]
        attrs = _stream_attrs(json.loads(data))
        assert attrs["data-controller"] == "procedure-stream", name
        assert attrs["data-procedure-stream-add-label-value"] == label, name
        assert json.loads(attrs["data-procedure-stream-choices-value"]) == choices, name


def _stream_attrs(packed):
    """The root StreamBlock's ``attrs`` meta from a telepath-packed block definition."""

    def find(node):
        if isinstance(node, dict):
            if "data-procedure-stream-add-label-value" in node:
                return node
            for value in node.values():
                found = find(value)
                if found:
                    return found
        elif isinstance(node, list):
            for value in node:
                found = find(value)
                if found:
                    return found
        return None

    return find(packed)


def test_an_error_in_a_later_tab_is_rendered_inside_that_tab(procedure_index):
    department = DepartmentFactory()
    page = ProcedurePageFactory(parent=procedure_index, department=department)
    client = session(member(roles.EDITORS, department=department))
    data = procedure_form_data(page)
    data.update(
        nested_form_data(
            {
                "fees": streamfield(
                    [("fee", {"type": "opłata", "amount": "10", "account": "123", "remarks": ""})]
                )
            }
        )
    )
    response = client.post(edit_url(page), data)
    assert response.status_code == 200
    _, panels = layout(response.text)

    def stream_errors(tab, name):
        element = panels[tab].select_one(f"#{name}[data-controller=w-block]")
        return json.loads(element["data-w-block-arguments-value"])[1]

    # Wagtail's tab marker counts the errors inside its tab: the error is in "Opłaty i
    # dokumenty", and the first tab holds none.
    assert "26 cyfr" in json.dumps(stream_errors("Opłaty i dokumenty", "fees"), ensure_ascii=False)
    assert stream_errors("Procedura", "steps") is None
    tabs = BeautifulSoup(response.text, "html.parser").select("[role=tab]")
    assert all(tab.select_one(".w-tabs__errors[data-controller=w-count]") for tab in tabs)
