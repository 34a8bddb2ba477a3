"""Each role's daily task, end to end in Chromium, as a new member of staff would do it.

The tests find things by what a person reads (labels, button texts, headings), start where
the person starts (the login form, the dashboard) and end where they end (a submitted
procedure, an approval message, a filed request). Every screen must answer without 4xx/5xx,
console error or English word (:class:`~tests.browser.staff_tasks.StaffSession`). Each
test keeps its click count in ``artifacts/clicks.json`` and its screenshots in
``artifacts/screenshots/``.

Steps marked ``# needs: <helper>`` exercise a feature of issue #11 built on that helper's
branch; on a branch without it the test stops there.
"""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.formats import date_format
from playwright.sync_api import expect
from wagtail.models import WorkflowState

from procedures import roles
from procedures.models import ProcedurePage, UpdateRequest
from tests.factories import (
    DepartmentFactory,
    EmployeeFactory,
    OrganisationalUnitFactory,
    ProcedurePageFactory,
    faq_item,
    store_unchecked,
)
from tests.staff import member

from .staff_tasks import open_session, record_clicks

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SUBMIT = re.compile(r"^\s*Wyślij do akceptacji")  # "Wyślij do akceptacji (<workflow>)"
RESUBMIT = re.compile(r"^\s*Wyślij ponownie do etapu")  # after changes were requested
MORE_ACTIONS = "Więcej akcji"
# "Żądania zmian" in Wagtail's catalogue; "Poproś o zmiany" once it says it in Polish.
REQUEST_CHANGES = re.compile(r"^\s*(Żądania zmian|Poproś o zmiany|Zażądaj zmian)\s*$")
APPROVE = re.compile(r"^\s*(Akceptuj|Zatwierdź)( i opublikuj)?\s*$", re.IGNORECASE)


# --- the people and their department ---------------------------------------------------------


@pytest.fixture
def department(db):
    unit = OrganisationalUnitFactory(name="Urząd Miasta Łodzi")
    return DepartmentFactory(unit=unit, name="Wydział Spraw Obywatelskich i Komunikacji")


@pytest.fixture
def people(department):
    """The department's staff the choosers offer: the head (owner) and a coordinator."""
    return {
        "owner": EmployeeFactory(
            name="Anna Kowalska", position="kierownik oddziału", department=department
        ),
        "coordinator": EmployeeFactory(
            name="Piotr Wiśniewski", position="inspektor", department=department
        ),
    }


@pytest.fixture
def editor(department):
    return member(
        roles.EDITORS, department, username="redaktor", first_name="Ewa", last_name="Zielińska"
    )


@pytest.fixture
def moderator(db):
    return member(
        roles.MODERATORS, username="moderator", first_name="Marek", last_name="Lewandowski"
    )


@pytest.fixture
def agent(db):
    return member(roles.CALL_CENTER, username="agentka", first_name="Julia", last_name="Wójcik")


@pytest.fixture
def staff_session(browser, live_server, request):
    """``staff_session(task, user, via_form=False)``: a watched browser tab of ``user``. Its
    clicks go to artifacts/clicks.json and a summary line when the test ends."""
    opened = []

    def open_as(task, user, via_form=False):
        context, session = open_session(browser, live_server, task, user, via_form=via_form)
        opened.append((context, session))
        return session

    yield open_as
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    for context, session in opened:
        session.leave()
        record_clicks(session.task, session.clicks)
        if reporter is not None:
            reporter.write_line(f"staff task {session.task}: {session.clicks} clicks")
        context.close()


# --- small helpers a person would not notice ---------------------------------------------------


def field(page, name):
    """The form field of model field ``name`` (Wagtail marks each with its content path,
    whichever tab or section holds it)."""
    return page.locator(f"[data-contentpath='{name}']").first


def choose(session, chooser_button, item):
    """Open a chooser, find ``item`` in the dialog by its name and pick it: two clicks."""
    session.click(chooser_button)
    dialog = session.page.get_by_role("dialog")
    session.click(dialog.get_by_role("link", name=item).first)
    expect(dialog).to_be_hidden()


def message(page, text):
    """The admin's message area (role "status") showing ``text``."""
    return page.get_by_role("status").filter(has_text=text).first


def polish_date(moment):
    """ "15 marca 2027": how a Polish sentence gives a date."""
    return date_format(timezone.localtime(moment), "j E Y")


def submitted_procedure(procedure_index, department, editor, **fields):
    """A new procedure as an editor submits it: the Office's fields (Właściciel*,
    Koordynator*) still empty, the approval workflow under way."""
    page = ProcedurePageFactory(parent=procedure_index, department=department, live=False, **fields)
    page = store_unchecked(page, procedure_owner=None, coordinator=None)
    page.save_revision(user=editor, clean=False)
    page.get_workflow().start(page, editor)
    return page


# --- 1. an editor creates a new procedure and submits it ---------------------------------------


def test_editor_creates_a_procedure_from_an_empty_form_saves_a_draft_and_submits_it(
    staff_session, procedure_index, department, people, editor
):
    session = staff_session("1-editor-creates-and-submits", editor, via_form=True)
    page = session.page
    session.shot("dashboard")

    # needs: role-homes ("Dodaj procedurę" on the editor's dashboard)
    session.click(page.get_by_role("link", name="Dodaj procedurę").first)
    expect(field(page, "title").get_by_role("textbox")).to_have_value("")
    session.shot("empty-form")

    title = "Rejestracja pojazdu sprowadzonego z zagranicy"
    session.fill(page.get_by_label("Nazwa procedury"), title)
    session.fill(page.get_by_label("Kod procedury"), "SOK-04211")
    # needs: stage-rules (a draft saves with what it has: no author, no summary yet)
    session.click(page.get_by_role("button", name="Zapisz szkic"))
    expect(message(page, title)).to_be_visible()
    draft = ProcedurePage.objects.get(code="SOK-04211")
    assert not draft.live
    session.shot("draft-saved")

    session.fill(
        page.get_by_label("Skrócony opis sprawy"),
        "Pojazd sprowadzony z zagranicy rejestruje się w ciągu 30 dni od przywozu.",
    )
    session.click(page.get_by_role("tab", name="Opis, termin i miejsce"))
    how_to = field(page, "how_to").get_by_role("textbox")
    session.click(how_to)
    how_to.press_sequentially("Złóż wniosek w Wydziale Spraw Obywatelskich i Komunikacji.")
    # The parts a submission needs filled in or marked as having nothing: one click each.
    session.click(field(page, "appointment").get_by_role("button", name="Nie dotyczy"))
    session.click(page.get_by_role("tab", name="Opłaty i dokumenty"))
    session.click(field(page, "fees").get_by_role("button", name="Brak opłat"))
    session.click(field(page, "submission_channels").get_by_role("button", name="Nie dotyczy"))
    session.click(page.get_by_role("tab", name="Podstawa prawna i realizator"))
    session.click(field(page, "appeal").get_by_role("button", name="Brak", exact=True))
    choose(
        session,
        field(page, "department").get_by_role("button", name=re.compile(r"^\s*Wybierz")),
        "Wydział Spraw Obywatelskich i Komunikacji",
    )
    # "Osoba, która wytworzyła informację…": the form starts with one row to fill in.
    realizator = page.get_by_role("region", name="Realizator")
    choose(session, realizator.get_by_role("button", name="Wybierz pracownika"), "Anna Kowalska")
    session.shot("form-filled")

    session.click(page.get_by_role("button", name=MORE_ACTIONS))
    # needs: stage-rules (no 500: Właściciel* and Koordynator* are the Office's to fill in)
    session.click(page.get_by_role("button", name=SUBMIT))
    session.shot("submitted")
    expect(message(page, title)).to_be_visible()

    submitted = ProcedurePage.objects.get(pk=draft.pk)
    assert submitted.workflow_in_progress
    assert submitted.current_workflow_state.requested_by == editor
    assert not submitted.live
    session.assert_clean()


# --- 2. the Office approves it with a future date ----------------------------------------------


def test_office_finds_it_on_the_dashboard_fills_its_fields_and_approves_for_a_future_date(
    staff_session, procedure_index, department, people, editor, moderator
):
    procedure = submitted_procedure(
        procedure_index, department, editor, title="Wymiana dowodu rejestracyjnego"
    )
    session = staff_session("2-office-approves", moderator, via_form=True)
    page = session.page
    assert page.url.endswith("/admin/")
    # Wagtail's "Oczekujące na Twoją weryfikację" panel lists what awaits the Office.
    session.shot("dashboard")
    session.click(page.get_by_role("link", name="Wymiana dowodu rejestracyjnego").first)

    # The Office's own fields, wherever the form puts them (tab or section).
    owner = field(page, "procedure_owner")
    if not owner.is_visible():
        session.click(page.get_by_role("tab", name=re.compile("zastrzeżone")))
    choose(
        session,
        owner.get_by_role("button", name=re.compile(r"^\s*Wybierz")),
        "Anna Kowalska",
    )
    choose(
        session,
        field(page, "coordinator").get_by_role("button", name=re.compile(r"^\s*Wybierz")),
        "Piotr Wiśniewski",
    )
    session.shot("office-fields")

    go_live = timezone.localtime(timezone.now() + timedelta(days=30)).replace(
        hour=8, minute=0, second=0, microsecond=0
    )
    go_live_at = field(page, "go_live_at")
    if not go_live_at.is_visible():
        session.click(page.get_by_role("tab", name="Procedura", exact=True))
    session.fill(go_live_at.get_by_role("textbox"), go_live.strftime("%Y-%m-%d %H:%M"))
    page.keyboard.press("Escape")  # close the date picker

    session.click(page.get_by_role("button", name=MORE_ACTIONS))
    # needs: stage-rules (approval checks the * fields, no 500)
    session.click(page.get_by_role("button", name=APPROVE))
    # needs: review-loop (the approval message says when the procedure appears)
    expect(message(page, polish_date(go_live))).to_be_visible()
    expect(message(page, "pojawi się")).to_be_visible()
    session.shot("approved")

    procedure.refresh_from_db()
    approved = procedure.latest_revision
    assert approved.approved_go_live_at is not None
    assert timezone.localtime(approved.approved_go_live_at) == go_live
    assert approved.as_object().procedure_owner == people["owner"]
    assert approved.as_object().coordinator == people["coordinator"]
    assert not procedure.live  # it appears on the date, not now
    assert not procedure.workflow_in_progress
    session.assert_clean()


# --- 3. changes requested, seen and fixed -----------------------------------------------------


def test_editor_edits_a_live_procedure_gets_changes_requested_sees_the_comment_and_fixes_it(
    staff_session, procedure_index, department, people, editor, moderator
):
    procedure = ProcedurePageFactory(
        parent=procedure_index,
        department=department,
        title="Wydanie karty parkingowej",
        procedure_owner=people["owner"],
        coordinator=people["coordinator"],
    )
    writer = staff_session("3-editor-fixes-requested-changes", editor)
    page = writer.page
    writer.goto("/admin/")
    # needs: role-homes (the editor's own procedures on the dashboard)
    writer.click(page.get_by_role("link", name="Wydanie karty parkingowej").first)
    summary = page.get_by_label("Skrócony opis sprawy")
    writer.fill(summary, "Karta parkingowa dla osoby z niepełnosprawnością; wydawana od ręki.")
    writer.click(page.get_by_role("button", name=MORE_ACTIONS))
    writer.click(page.get_by_role("button", name=SUBMIT))
    expect(message(page, "Wydanie karty parkingowej")).to_be_visible()
    writer.shot("submitted")

    office = staff_session("3-office-requests-changes", moderator)
    desk = office.page
    office.goto("/admin/")
    office.shot("dashboard")
    # Wagtail's "Oczekujące na Twoją weryfikację" panel lists it; the editor has the actions.
    office.click(desk.get_by_role("link", name="Wydanie karty parkingowej").first)
    office.click(desk.get_by_role("button", name=MORE_ACTIONS))
    office.click(desk.get_by_role("button", name=REQUEST_CHANGES))
    dialog = desk.get_by_role("dialog")
    comment = "Proszę dopisać, jakie dokumenty trzeba przynieść."
    office.fill(dialog.get_by_label("Komentarz"), comment)
    office.shot("request-changes-dialog")
    office.click(dialog.get_by_role("button", name=REQUEST_CHANGES))
    # needs: review-loop (requesting changes is confirmed)
    # Today's only message is "Strona … została zaktualizowana.", which says nothing of it.
    expect(message(desk, re.compile("zmian"))).to_be_visible()
    office.shot("changes-requested")
    state = WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(procedure.pk))
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES

    writer.goto("/admin/")
    # needs: review-loop (the comment and its author on the editor's dashboard)
    expect(page.get_by_text(comment)).to_be_visible()
    expect(page.get_by_text("Marek Lewandowski").first).to_be_visible()
    writer.shot("dashboard-with-comment")
    writer.click(page.get_by_role("link", name="Wydanie karty parkingowej").first)
    # needs: review-loop (the banner in the editor, with the right author)
    banner = (
        page.get_by_role("status")
        .filter(has_text=comment)
        .or_(page.locator("[role=alert], .help-block, .w-banner").filter(has_text=comment))
    )
    expect(banner.first).to_be_visible()
    expect(banner.first).to_contain_text("Marek Lewandowski")
    writer.shot("editor-with-banner")

    writer.fill(
        summary,
        "Karta parkingowa dla osoby z niepełnosprawnością; wydawana od ręki. "
        "Przynieś orzeczenie o niepełnosprawności i zdjęcie.",
    )
    writer.click(page.get_by_role("button", name=MORE_ACTIONS))
    writer.click(page.get_by_role("button", name=RESUBMIT))
    expect(message(page, "Wydanie karty parkingowej")).to_be_visible()
    writer.shot("resubmitted")

    procedure.refresh_from_db()
    assert procedure.workflow_in_progress
    assert "orzeczenie" in procedure.latest_revision.content["summary"]
    writer.assert_clean()
    office.assert_clean()


# --- 4. an agent works from the Call Center view -------------------------------------------------


def test_agent_searches_by_callers_words_reads_edits_inne_goes_back_and_files_an_update_request(
    staff_session, procedure_index, department, people, agent
):
    procedure = ProcedurePageFactory(
        parent=procedure_index,
        department=department,
        title="Wydanie wtórnika prawa jazdy",
        summary="Gdy zgubisz prawo jazdy albo ktoś ci je ukradnie, złóż wniosek o wtórnik.",
        procedure_owner=people["owner"],
        coordinator=people["coordinator"],
    )
    procedure.faq = [faq_item("Zgubiłem prawo jazdy – czy mogę prowadzić?", "<p>Nie.</p>")]
    procedure.save_revision().publish()
    ProcedurePageFactory(parent=procedure_index, department=department, title="Wydanie dowodu")

    session = staff_session("4-agent-call-center", agent, via_form=True)
    page = session.page
    # needs: role-homes (agents land on the Call Center view after login)
    assert page.url.endswith("/call-center/")
    session.shot("call-center-home")

    session.fill(page.get_by_role("searchbox", name="Szukaj procedury"), "zgubiłem prawo jazdy")
    session.click(page.get_by_role("button", name="Szukaj"))
    session.shot("search-results")
    session.click(page.get_by_role("link", name=re.compile("Wydanie wtórnika prawa jazdy")))
    expect(page.get_by_role("heading", level=1)).to_have_text("Wydanie wtórnika prawa jazdy")
    expect(page.get_by_text("Zgubiłem prawo jazdy – czy mogę prowadzić?")).to_be_visible()
    reading_url = page.url
    session.shot("procedure")

    session.click(page.get_by_role("link", name="Edytuj „Inne*”"))
    note = "Dzwoniący często pytają o tymczasowe pozwolenie – odsyłać do KM-00077."
    session.fill(page.get_by_role("textbox", name=re.compile("^Inne")), note)
    session.shot("inne-form")
    session.click(page.get_by_role("button", name="Zapisz"))
    procedure.refresh_from_db()
    assert procedure.cc_other == note
    # needs: role-homes (a way back to the Call Center page of the procedure)
    if page.url != reading_url:
        session.click(page.get_by_role("link", name=re.compile("^\\s*Wróć")).first)
    assert page.url == reading_url
    expect(page.get_by_text(note)).to_be_visible()
    session.shot("back-on-procedure")

    # needs: role-homes ("Zgłoś potrzebę aktualizacji" opens the request form, prefilled)
    session.click(page.get_by_role("link", name="Zgłoś potrzebę aktualizacji"))
    expect(field(page, "procedure")).to_contain_text("Wydanie wtórnika prawa jazdy")
    session.fill(page.get_by_label("Temat"), "Nowa opłata za wtórnik od stycznia")
    session.fill(
        field(page, "description").get_by_role("textbox"),
        "Od 1 stycznia opłata za wtórnik wynosi 100,50 zł; opis podaje starą kwotę.",
    )
    session.shot("request-form")
    session.click(page.get_by_role("button", name=re.compile(r"^\s*(Zapisz|Wyślij|Zgłoś)")))
    request = UpdateRequest.objects.get()
    assert request.procedure_id == procedure.pk
    assert request.requested_by == agent
    assert request.subject == "Nowa opłata za wtórnik od stycznia"
    # Filed: the agent is back on the procedure they were reading, and told so.
    assert page.url == reading_url
    expect(page.get_by_text("Zgłoszono potrzebę aktualizacji")).to_be_visible()
    session.shot("request-filed")
    session.assert_clean()
