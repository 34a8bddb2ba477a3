"""The procedure editor as editors meet it: Polish labels, counters, drafts, publishing."""

import json
import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from procedures import roles
from procedures.blocks import iter_block_errors
from procedures.models import ProcedurePage
from tests.factories import DepartmentFactory, EmployeeFactory, UserFactory


def login(client, group_name):
    user = UserFactory(groups=[Group.objects.get(name=group_name)])
    client.force_login(user)
    return user


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=["procedures", "procedurepage", parent.pk])


def test_editor_form_speaks_the_templates_language(client, procedure_index):
    login(client, roles.MODERATORS)
    response = client.get(add_url(procedure_index))
    assert response.status_code == 200
    for label in [
        "Nazwa procedury",
        "Skrócony opis sprawy",
        "Najważniejsze etapy realizacji procedury",
        "Przydatne informacje",
        "Szczegółowy opis procedury",
        "Termin i miejsce załatwienia sprawy",
        "Opłaty",
        "Wymagane dokumenty",
        "Podstawa prawna",
        "Tryb odwoławczy",
        "Realizator",
        "Obowiązuje od",
        "Obowiązuje do",
        "Informacje dla pracownika Oddziału Call Center",
        "Najczęściej zadawane pytania",
        "Procedura wewnętrzna",
    ]:
        assert label in response.text, label
    assert 'lang="pl"' in response.text


def test_limited_fields_carry_live_counters(client, procedure_index):
    login(client, roles.EDITORS)
    response = client.get(add_url(procedure_index))
    html = response.text
    assert "procedures/js/char-counter.js" in html
    assert 'data-char-limit="160"' in html  # title
    assert 'data-char-limit="650"' in html  # summary
    # Step blocks are defined for the StreamField widget in JSON; their limits travel too.
    assert block_char_limits(html, "step") == {"name": "40", "comment": "75"}
    assert 'maxlength="160"' not in html  # the browser never cuts pasted text


def telepath_nodes(value):
    """Every dict in a telepath-packed block definition, depth first."""
    if isinstance(value, dict):
        yield value
        value = list(value.values())
    if isinstance(value, list):
        for item in value:
            yield from telepath_nodes(item)


def block_char_limits(html, block_name):
    """``{child name: data-char-limit}`` of the widgets of StructBlock ``block_name``, read
    from the block definitions the admin page hands to Wagtail's StreamField widget."""
    limits = {}
    for element in BeautifulSoup(html, "html.parser").find_all(attrs={"data-controller": True}):
        for attribute, raw in element.attrs.items():
            if not attribute.startswith("data-w-block") or f'"{block_name}"' not in raw:
                continue
            for node in telepath_nodes(json.loads(raw)):
                args = node.get("_args") or []
                if node.get("_type", "").endswith("StructBlock") and args[:1] == [block_name]:
                    for child in args[1]:
                        name, widget = child["_args"][0], child["_args"][1]
                        found = re.search(r'data-char-limit="(\d+)"', widget["_args"][0])
                        if found:
                            limits[name] = found.group(1)
    return limits


def minimal_draft(department, title="Nowa procedura w przygotowaniu"):
    return nested_form_data(
        {
            "title": title,
            "code": "KA-09001",
            "slug": "nowa-procedura",
            "summary": "",
            "how_to": rich_text(""),
            "additional_info": rich_text(""),
            "department": str(department.pk),
            "steps": streamfield([]),
            "places": streamfield([]),
            "appointment": streamfield([]),
            "fees": streamfield([]),
            "submission_channels": streamfield([]),
            "required_documents": streamfield([]),
            "other_documents": streamfield([]),
            "legal_basis": streamfield([]),
            "appeal": streamfield([]),
            # Only in the moderator's form; an editor's form ignores them.
            "cc_contacts": streamfield([]),
            "faq": streamfield([]),
            "related_procedures": inline_formset([]),
            "information_authors": inline_formset([]),
            "comments": inline_formset([]),
        }
    )


def test_editor_can_save_an_incomplete_draft(client, procedure_index):
    editor = login(client, roles.EDITORS)
    department = DepartmentFactory()
    department.editors.add(editor)
    response = client.post(add_url(procedure_index), minimal_draft(department))
    assert response.status_code == 302
    page = ProcedurePage.objects.get(code="KA-09001")
    assert not page.live


def test_publishing_an_incomplete_procedure_says_what_is_missing(client, procedure_index):
    login(client, roles.MODERATORS)
    department = DepartmentFactory()
    data = minimal_draft(department)
    data["action-publish"] = "action-publish"
    response = client.post(add_url(procedure_index), data)
    assert response.status_code == 200
    assert not ProcedurePage.objects.filter(code="KA-09001").exists()
    errors = response.context["form"].errors.as_data()

    def messages(field):
        return [m for error in errors[field] for _, m in iter_block_errors(error)]

    assert messages("fees") == [
        "Pole „Opłaty” nie może zostać puste: uzupełnij je albo wybierz „Brak opłat”."
    ]
    assert "Pole „Tryb odwoławczy” nie może zostać puste" in messages("appeal")[0]
    for field, label in [
        ("summary", "Skrócony opis sprawy"),
        ("procedure_owner", "Właściciel"),
        ("coordinator", "Koordynator"),
    ]:
        assert messages(field) == [
            f"Uzupełnij pole „{label}” – bez niego Oddział ds. Procedur nie może zatwierdzić "
            "ani opublikować procedury."
        ]
    assert "Nowa procedura w przygotowaniu" in response.text  # nothing typed is lost


def test_moderator_publishes_a_complete_procedure(client, procedure_index):
    login(client, roles.MODERATORS)
    department = DepartmentFactory()
    owner = EmployeeFactory(department=department)
    data = minimal_draft(department)
    data.update(
        nested_form_data(
            {
                "summary": "Krótki opis.",
                "how_to": rich_text("<p>Złóż wniosek.</p>"),
                "procedure_owner": str(owner.pk),
                "coordinator": str(owner.pk),
                "fees": streamfield([("none", "")]),
                "appointment": streamfield([("not_applicable", "")]),
                "submission_channels": streamfield([("not_applicable", "")]),
                "appeal": streamfield([("none", "")]),
                "information_authors": inline_formset([{"employee": str(owner.pk)}]),
                "action-publish": "action-publish",
            }
        )
    )
    response = client.post(add_url(procedure_index), data)
    assert response.status_code == 302, response.context["form"].errors
    page = ProcedurePage.objects.get(code="KA-09001")
    assert page.live
    assert page in ProcedurePage.objects.public()


@pytest.mark.parametrize("group_name", [roles.EDITORS, roles.CALL_CENTER])
def test_only_the_procedures_office_publishes(client, procedure_index, group_name):
    from tests.factories import ProcedurePageFactory

    page = ProcedurePageFactory(parent=procedure_index)
    user = login(client, group_name)
    assert not page.permissions_for_user(user).can_publish()
