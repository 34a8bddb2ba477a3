"""Rules by stage (procedures.stages): a draft saves with what it has, submitting checks
what an editor fills in, approving and publishing check everything, the restricted (*)
fields of the Procedures Office included. Every path answers with a message, never 500."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from procedures import roles
from procedures.models import ProcedurePage
from procedures.stages import Stage, required_fields
from tests.factories import DepartmentFactory, EmployeeFactory, ProcedurePageFactory
from tests.staff import member, session

from .admin_forms import EMPTY_FIELDS, edit_url


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=["procedures", "procedurepage", parent.pk])


def new_procedure(department, author=None, **overrides):
    """What an editor posts from the empty "new procedure" form after filling in every
    field they can see (no restricted tab: its keys are ignored in their form)."""
    data = {
        "title": "Wydanie karty parkingowej",
        "code": "KA-09001",
        "slug": "wydanie-karty-parkingowej",
        **EMPTY_FIELDS,
        "summary": "Kartę wydaje się osobie niepełnosprawnej na jej wniosek.",
        "how_to": rich_text("<p>Złóż wniosek w punkcie obsługi.</p>"),
        "additional_info": rich_text(""),
        "department": str(department.pk) if department else "",
        "steps": streamfield([]),
        "places": streamfield([]),
        "appointment": streamfield([("not_applicable", "")]),
        "fees": streamfield([("none", "")]),
        "submission_channels": streamfield([("not_applicable", "")]),
        "required_documents": streamfield([]),
        "other_documents": streamfield([]),
        "legal_basis": streamfield([]),
        "appeal": streamfield([("none", "")]),
        "cc_contacts": streamfield([]),
        "faq": streamfield([]),
        "cc_description": rich_text(""),
        "related_procedures": inline_formset([]),
        "information_authors": inline_formset(
            [{"employee": str(author.pk)}] if author else [{"employee": ""}]
        ),
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def messages_of(response):
    return [str(m) for m in response.context["messages"]]


def all_errors(response):
    """Every message of the re-rendered form: its fields' and its own."""
    form = response.context["form"]
    errors = {name: [str(m) for m in errors] for name, errors in form.errors.items()}
    for name, formset in form.formsets.items():
        if formset.errors and any(formset.errors) or formset.non_form_errors():
            errors[name] = [str(formset.errors), str(formset.non_form_errors())]
    return errors


def refused(user, url, data, action):
    """Every message of the form sent back unsaved when ``user`` posts ``data`` to ``url``
    with ``action`` (``action-submit``, ``action-publish``)."""
    response = session(user).post(url, {**data, action: action})
    assert response.status_code == 200
    return all_errors(response)


# --- The declaration ---------------------------------------------------------------------


def test_each_stage_requires_more_than_the_one_before():
    draft, submit, approve = (set(required_fields(s)) for s in Stage)
    assert draft == set()
    assert {"code", "summary", "how_to", "department", "information_authors"} <= submit
    assert not {"procedure_owner", "coordinator"} & submit  # the Office's, restricted
    assert submit | {"procedure_owner", "coordinator"} == approve


# --- 1. An editor submits a new procedure --------------------------------------------------


def test_editor_submits_a_new_procedure_without_the_restricted_fields(
    procedure_index, department, editor
):
    author = EmployeeFactory(department=department)
    data = new_procedure(department, author)
    data["action-submit"] = "action-submit"
    response = session(editor).post(add_url(procedure_index), data)
    assert response.status_code == 302, all_errors(response)
    page = ProcedurePage.objects.get(code="KA-09001")
    assert page.procedure_owner is None and page.coordinator is None
    assert page.workflow_in_progress


def test_editor_resubmits_an_existing_draft_without_the_restricted_fields(
    procedure_index, department, editor
):
    author = EmployeeFactory(department=department)
    client = session(editor)
    client.post(add_url(procedure_index), new_procedure(department, author))
    page = ProcedurePage.objects.get(code="KA-09001")
    data = new_procedure(
        department,
        author,
        slug=page.slug,
        information_authors=inline_formset(
            [{"employee": str(author.pk), "id": str(page.information_authors.get().pk)}],
            initial=1,
        ),
    )
    data["action-submit"] = "action-submit"
    response = client.post(edit_url(page), data)
    assert response.status_code == 302, all_errors(response)
    assert ProcedurePage.objects.get(pk=page.pk).workflow_in_progress


def test_submitting_checks_what_the_editor_fills_in_and_names_it(
    procedure_index, department, editor
):
    data = new_procedure(department, None, code="", summary="", how_to=rich_text(""))
    errors = refused(editor, add_url(procedure_index), data, "action-submit")
    assert "Kod procedury" in errors["code"][0]
    assert "Skrócony opis sprawy" in errors["summary"][0]
    assert "Sposób załatwienia sprawy" in errors["how_to"][0]
    assert "wysłać do akceptacji" in errors["summary"][0]
    assert any("Osoba, która wytworzyła informację" in m for m in errors["__all__"])
    assert not ProcedurePage.objects.filter(title="Wydanie karty parkingowej").exists()


# --- 2. A draft saves with what it has ---------------------------------------------------


def test_a_draft_with_only_a_title_and_a_code_saves(procedure_index, department, editor):
    data = new_procedure(
        department,
        None,
        summary="",
        how_to=rich_text(""),
        fees=streamfield([]),
        appeal=streamfield([]),
        appointment=streamfield([]),
        submission_channels=streamfield([]),
    )
    response = session(editor).post(add_url(procedure_index), data)
    assert response.status_code == 302, all_errors(response)
    page = ProcedurePage.objects.get(code="KA-09001")
    assert not page.live and not page.information_authors.exists()


def test_a_draft_with_only_a_title_saves_and_two_may_have_no_code(procedure_index, department):
    client = session(member(roles.EDITORS, department))
    for title, slug in (("Pierwszy szkic", "pierwszy"), ("Drugi szkic", "drugi")):
        data = new_procedure(department, None, title=title, slug=slug, code="", summary="")
        response = client.post(add_url(procedure_index), data)
        assert response.status_code == 302, all_errors(response)
    assert ProcedurePage.objects.filter(code__isnull=True).count() == 2


def test_a_form_sent_before_the_browser_filled_the_slug_gets_it_from_the_title(
    procedure_index, department, editor
):
    data = new_procedure(department, None, title="Wymiana prawa jazdy – Łódź", slug="")
    response = session(editor).post(add_url(procedure_index), data)
    assert response.status_code == 302, all_errors(response)
    assert ProcedurePage.objects.get(code="KA-09001").slug == "wymiana-prawa-jazdy-lodz"


def test_a_draft_still_needs_a_title(procedure_index, department, editor):
    response = session(editor).post(add_url(procedure_index), new_procedure(department, title=""))
    assert response.status_code == 200
    assert "title" in response.context["form"].errors


def test_a_drafts_code_keeps_its_format_and_uniqueness(procedure_index, department, editor):
    ProcedurePageFactory(parent=procedure_index, code="KA-09001")
    client = session(editor)
    response = client.post(add_url(procedure_index), new_procedure(department))
    assert response.status_code == 200
    assert "code" in response.context["form"].errors
    response = client.post(add_url(procedure_index), new_procedure(department, code="KA9001"))
    assert response.status_code == 200
    assert "Kod procedury" in all_errors(response)["code"][0]


# --- 3. A department the editor does not write for ----------------------------------------


def test_the_department_field_offers_only_the_editors_departments(
    procedure_index, department, editor
):
    other = DepartmentFactory(name="Wydział Finansowy")
    form = session(editor).get(add_url(procedure_index)).context["form"]
    offered = set(form.fields["department"].queryset)
    assert department in offered and other not in offered


def test_another_department_is_refused_with_a_message_naming_the_field(
    procedure_index, department, editor
):
    other = DepartmentFactory(name="Wydział Finansowy")
    response = session(editor).post(add_url(procedure_index), new_procedure(other))
    assert response.status_code == 200
    message = all_errors(response)["department"][0]
    assert "Komórka" in message and department.name in message
    assert "Wybierz poprawną wartość" not in message


# --- Approving and publishing check everything -------------------------------------------


@pytest.fixture
def submitted(procedure_index, department, editor):
    """A new procedure the editor submitted: the Office's restricted fields still empty."""
    data = new_procedure(department, EmployeeFactory(department=department))
    data["action-submit"] = "action-submit"
    response = session(editor).post(add_url(procedure_index), data)
    assert response.status_code == 302, all_errors(response)
    return ProcedurePage.objects.get(code="KA-09001")


def approve_url(page, action="approve"):
    state = WorkflowState.objects.get(object_id=str(page.pk), status="in_progress")
    return reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, action, state.current_task_state.pk]
    )


def test_approving_from_the_dashboard_names_the_missing_restricted_fields(submitted, moderator):
    client = session(moderator)
    response = client.post(
        approve_url(submitted),
        {"comment": "Zatwierdzam."},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.status_code == 200
    html = response.json()["html"]
    assert "Właściciel" in html and "Koordynator" in html
    assert "Zatwierdzam." in html  # the comment typed survives
    assert not ProcedurePage.objects.get(pk=submitted.pk).live
    assert ProcedurePage.objects.get(pk=submitted.pk).workflow_in_progress


def test_approving_without_the_modal_says_what_is_missing(submitted, moderator):
    response = session(moderator).post(approve_url(submitted), {"comment": ""}, follow=True)
    assert response.status_code == 200
    text = " ".join(messages_of(response))
    assert "Właściciel" in text and "Koordynator" in text
    assert not ProcedurePage.objects.get(pk=submitted.pk).live


def test_the_approval_modal_says_what_is_missing_before_asking_for_a_comment(submitted, moderator):
    response = session(moderator).get(
        approve_url(submitted), headers={"x-requested-with": "XMLHttpRequest"}
    )
    assert response.status_code == 200
    html = response.json()["html"]
    assert "Właściciel" in html and "Koordynator" in html


def office_form(page, **overrides):
    author = page.information_authors.get()
    values = {
        "slug": page.slug,
        "information_authors": inline_formset(
            [{"employee": str(author.employee_id), "id": str(author.pk)}], initial=1
        ),
        "procedure_owner": "",
        "coordinator": "",
        **overrides,
    }
    return new_procedure(page.department, author.employee, **values)


def approving(data, comment=""):
    """``data`` posted with the editor's "approve" action and the moderator's ``comment``."""
    return {
        **data,
        "action-workflow-action": "true",
        "workflow-action-name": "approve",
        "workflow-action-extra-data": f'{{"comment": "{comment}"}}',
    }


def test_approving_in_the_editor_names_the_missing_restricted_fields(submitted, moderator):
    data = approving(office_form(submitted), "Zatwierdzam po poprawkach.")
    response = session(moderator).post(edit_url(submitted), data)
    assert response.status_code == 200
    errors = all_errors(response)
    assert "Właściciel" in errors["procedure_owner"][0]
    assert "Koordynator" in errors["coordinator"][0]
    assert "Zatwierdzam po poprawkach." in response.text  # the comment survives
    assert not ProcedurePage.objects.get(pk=submitted.pk).live


def test_the_office_fills_in_its_fields_and_approves_in_the_editor(
    submitted, moderator, department
):
    owner = EmployeeFactory(department=department)
    data = approving(
        office_form(submitted, procedure_owner=str(owner.pk), coordinator=str(owner.pk))
    )
    response = session(moderator).post(edit_url(submitted), data)
    assert response.status_code == 302, all_errors(response)
    page = ProcedurePage.objects.get(pk=submitted.pk)
    assert page.live and page.procedure_owner == owner


def test_the_office_fills_in_its_fields_then_approves_from_the_dashboard(
    submitted, moderator, department
):
    owner = EmployeeFactory(department=department)
    client = session(moderator)
    data = office_form(submitted, procedure_owner=str(owner.pk), coordinator=str(owner.pk))
    assert client.post(edit_url(submitted), data).status_code == 302
    response = client.post(approve_url(submitted), {"comment": ""})
    assert response.status_code == 302
    assert ProcedurePage.objects.get(pk=submitted.pk).live


def test_requesting_changes_needs_no_restricted_field(submitted, moderator):
    response = session(moderator).post(
        approve_url(submitted, "reject"), {"comment": "Proszę poprawić opis."}
    )
    assert response.status_code == 302
    state = WorkflowState.objects.get(object_id=str(submitted.pk))
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES


def test_publishing_names_every_missing_field(submitted, moderator):
    errors = refused(moderator, edit_url(submitted), office_form(submitted), "action-publish")
    assert "opublikować" in errors["procedure_owner"][0]
    assert "Koordynator" in errors["coordinator"][0]
    assert not ProcedurePage.objects.get(pk=submitted.pk).live


def test_a_past_date_in_approval_keeps_the_comment(submitted, moderator, department):
    owner = EmployeeFactory(department=department)
    past = (timezone.localtime() - timedelta(days=3)).strftime("%Y-%m-%d %H:%M")
    data = office_form(
        submitted, procedure_owner=str(owner.pk), coordinator=str(owner.pk), go_live_at=past
    )
    data = approving(data, "Data do poprawy, poza tym dobrze.")
    response = session(moderator).post(edit_url(submitted), data)
    assert response.status_code == 200
    assert "jest już w przeszłości" in all_errors(response)["go_live_at"][0]
    assert "Data do poprawy, poza tym dobrze." in response.text


def test_a_past_date_is_reported_before_the_dashboard_approval_asks_for_a_comment(
    submitted, moderator, department
):
    """A date that was in the future when submitted but has passed by approval."""
    owner = EmployeeFactory(department=department)
    revision = submitted.get_latest_revision()
    revision.content.update(
        procedure_owner=owner.pk,
        coordinator=owner.pk,
        go_live_at=(timezone.now() - timedelta(days=1)).isoformat(),
    )
    revision.save(update_fields=["content"])
    response = session(moderator).get(
        approve_url(submitted), headers={"x-requested-with": "XMLHttpRequest"}
    )
    assert "Obowiązuje od" in response.json()["html"]


# --- The model's own check, outside the admin ---------------------------------------------


def test_full_clean_checks_everything_unless_told_the_stage(procedure_index):
    page = ProcedurePageFactory(parent=procedure_index)
    page.procedure_owner = page.coordinator = None
    with pytest.raises(ValidationError) as caught:
        page.full_clean()
    assert {"procedure_owner", "coordinator"} <= set(caught.value.message_dict)
    page.validation_stage = Stage.SUBMIT
    page.full_clean()
