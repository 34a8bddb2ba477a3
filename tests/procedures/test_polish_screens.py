"""Polish phrases Wagtail builds from parts: the login form, the page chooser's title,
the entries of an inline panel, a requested-changes status, and the explorer's
"Procedury" row, whose title opens the list of procedures."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.templatetags.wagtailadmin_tags import workflow_status_with_date

from procedures import roles
from tests.english_words import find_english
from tests.factories import ProcedurePageFactory
from tests.staff import member

pytestmark = pytest.mark.django_db


def test_login_form_labels_the_password_in_polish(client):
    response = client.get(reverse("wagtailadmin_login"))
    content = response.content.decode()
    assert re.search(r"<label[^>]*for=\"id_password\"[^>]*>\s*Hasło", content)
    assert "Password" not in content


def test_page_chooser_for_procedures_says_choose_a_procedure(superuser_client, procedure_index):
    ProcedurePageFactory(parent=procedure_index)
    response = superuser_client.get(
        reverse("wagtailadmin_choose_page"), {"page_type": "procedures.procedurepage"}
    )
    html = response.json()["html"]
    assert "Wybierz procedurę" in html
    assert "Procedura</span>" not in html


def test_page_chooser_for_any_page_says_choose_a_page(superuser_client, home_page):
    html = superuser_client.get(reverse("wagtailadmin_choose_page")).json()["html"]
    assert "Wybierz stronę" in html
    # The breadcrumb starts at Wagtail's root page, renamed by a migration.
    assert "Strony" in html and "Root" not in html


def test_inline_panel_entries_are_nominative_and_the_button_accusative(
    superuser_client, procedure_index
):
    procedure = ProcedurePageFactory(parent=procedure_index)
    response = superuser_client.get(reverse("wagtailadmin_pages:edit", args=[procedure.pk]))
    content = response.content.decode()
    assert "Dodaj osobę" in content
    assert re.search(r">\s*Osoba<span data-inline-panel-child-count>", content)
    assert not re.search(r">\s*Osobę<span data-inline-panel-child-count>", content)
    assert "Dodaj powiązaną procedurę" in content
    assert re.search(r">\s*Powiązana procedura<span data-inline-panel-child-count>", content)


def test_requested_changes_status_reads_as_one_polish_sentence(procedure_index):
    procedure = ProcedurePageFactory(parent=procedure_index)
    editor = member(roles.EDITORS, department=procedure.department)
    procedure.save_revision(user=editor)
    state = procedure.get_workflow().start(procedure, editor)
    task_state = state.current_task_state
    task_state.status = task_state.STATUS_REJECTED
    task_state.finished_at = timezone.now() - timedelta(seconds=3)
    task_state.save()
    state.status = state.STATUS_NEEDS_CHANGES
    state.save()
    # naturaltime keeps the number and its noun together with a no-break space.
    text = workflow_status_with_date(state).replace("\xa0", " ")
    assert text == "Poproszono o zmiany 3 sekundy temu"
    assert not find_english(text)


def test_explorer_title_of_the_procedures_page_opens_its_list(superuser_client, procedure_index):
    home = procedure_index.get_parent()
    response = superuser_client.get(reverse("wagtailadmin_explore", args=[home.pk]))
    content = response.content.decode()
    listing = reverse("wagtailadmin_explore", args=[procedure_index.pk])
    editor = reverse("wagtailadmin_pages:edit", args=[procedure_index.pk])
    title_link = re.search(
        rf'<a href="([^"]+)"[^>]*>\s*<span id="page_{procedure_index.pk}_title">', content
    )
    assert title_link is not None
    assert title_link.group(1) == listing
    assert title_link.group(1) != editor


def test_explorer_title_of_a_procedure_still_opens_its_editor(superuser_client, procedure_index):
    procedure = ProcedurePageFactory(parent=procedure_index)
    response = superuser_client.get(reverse("wagtailadmin_explore", args=[procedure_index.pk]))
    content = response.content.decode()
    title_link = re.search(
        rf'<a href="([^"]+)"[^>]*>\s*<span id="page_{procedure.pk}_title">', content
    )
    assert title_link is not None
    assert title_link.group(1) == reverse("wagtailadmin_pages:edit", args=[procedure.pk])


def test_chooser_search_field_is_labelled_in_polish(superuser_client):
    response = superuser_client.get(reverse("wagtailsnippetchoosers_procedures_employee:choose"))
    html = response.json()["html"]
    assert "Szukana fraza" in html
    assert "Wyszukiwania fraza" not in html
