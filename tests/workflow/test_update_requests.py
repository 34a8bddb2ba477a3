"""Update requests (§ 11 of Order No. 734/2023): the model's rules, the admin, e-mail intake."""

import mailbox
from datetime import UTC, date, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from procedures import roles
from procedures.demo.requests import seed_update_requests
from procedures.models import UpdateRequest, UpdateRequestAttachment
from procedures.workflow.update_requests import (
    MailSourceError,
    file_message,
    ingest,
)
from tests.factories import ProcedurePageFactory, UserFactory

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
SENT = datetime(2025, 3, 4, 9, 15, tzinfo=UTC)


def login(client, group_name):
    user = UserFactory(groups=[Group.objects.get(name=group_name)])
    client.force_login(user)
    return user


def published_revision(page):
    revision = page.save_revision()
    revision.publish()
    page.refresh_from_db()
    return revision


# --- The model ----------------------------------------------------------------------------


def test_resolved_revision_must_be_a_version_of_the_requests_procedure(procedure_index):
    procedure = ProcedurePageFactory(parent=procedure_index)
    other = ProcedurePageFactory(parent=procedure_index)
    request = UpdateRequest(
        procedure=procedure,
        subject="Zmiana godzin pracy",
        description="Punkt jest czynny do 18:00.",
        resolved_revision=other.save_revision(),
    )
    with pytest.raises(ValidationError) as error:
        request.full_clean()
    assert "resolved_revision" in error.value.message_dict
    message = error.value.message_dict["resolved_revision"][0]
    assert "„Wersja realizująca wniosek”" in message
    assert procedure.code in message

    request.resolved_revision = procedure.save_revision()
    request.full_clean()


def test_a_resolving_revision_needs_a_procedure(procedure_index):
    procedure = ProcedurePageFactory(parent=procedure_index)
    request = UpdateRequest(
        subject="Zmiana godzin pracy",
        description="Punkt jest czynny do 18:00.",
        resolved_revision=procedure.save_revision(),
    )
    with pytest.raises(ValidationError) as error:
        request.full_clean()
    assert "Wskaż procedurę" in error.value.message_dict["procedure"][0]


def test_requests_read_newest_first_and_outlive_their_procedure(procedure_index):
    procedure = ProcedurePageFactory(parent=procedure_index, code="KA-01147")
    older = UpdateRequest.objects.create(
        procedure=procedure,
        subject="Starszy",
        description="…",
        created_at=timezone.now() - timedelta(days=3),
    )
    newer = UpdateRequest.objects.create(subject="Nowszy", description="…")
    assert list(UpdateRequest.objects.all()) == [newer, older]
    assert str(older) == "KA-01147: Starszy"
    assert str(newer) == "do przypisania: Nowszy"
    assert newer.status == UpdateRequest.Status.NEW
    assert newer.source == UpdateRequest.Source.SYSTEM

    procedure.delete()
    older.refresh_from_db()
    assert older.procedure is None


# --- Permissions and the admin --------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("group_name", "may_change"),
    [
        (roles.CALL_CENTER, False),
        (roles.CALL_CENTER_HEADS, False),
        (roles.EDITORS, False),
        (roles.MODERATORS, True),
        (roles.PROCEDURES_OFFICE_HEADS, True),
    ],
)
def test_roles_may_file_and_read_requests_and_the_office_handles_them(group_name, may_change):
    user = UserFactory(groups=[Group.objects.get(name=group_name)])
    assert user.has_perm("procedures.add_updaterequest")
    assert user.has_perm("procedures.view_updaterequest")
    assert user.has_perm("procedures.change_updaterequest") is may_change
    assert not user.has_perm("procedures.delete_updaterequest")


def test_moderator_sees_the_listing_and_filters_it(client, procedure_index):
    procedure = ProcedurePageFactory(parent=procedure_index, code="KA-01147")
    other = ProcedurePageFactory(parent=procedure_index, code="KA-01305")
    UpdateRequest.objects.create(
        procedure=procedure, subject="Nowe godziny pracy", description="Do 18:00."
    )
    UpdateRequest.objects.create(
        procedure=other, subject="Nieaktualna opłata", description="Nowa stawka."
    )
    UpdateRequest.objects.create(
        subject="Błąd na stronie",
        description="Nieaktualny telefon.",
        source=UpdateRequest.Source.EMAIL,
    )
    login(client, roles.MODERATORS)
    url = reverse("wagtailsnippets_procedures_updaterequest:list")

    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    for text in ["Wnioski o aktualizację", "Nowe godziny pracy", "do przypisania", "nowy"]:
        assert text in html, text

    response = client.get(url, {"department": procedure.department_id})
    html = response.content.decode()
    assert "Nowe godziny pracy" in html
    assert "Nieaktualna opłata" not in html

    response = client.get(url, {"unassigned": "true"})
    html = response.content.decode()
    assert "Błąd na stronie" in html
    assert "Nowe godziny pracy" not in html

    response = client.get(url, {"q": "opłata"})
    assert "Nieaktualna opłata" in response.content.decode()


def test_agent_files_a_request_through_the_admin(client, procedure_index):
    procedure = ProcedurePageFactory(parent=procedure_index, code="KA-01147")
    agent = login(client, roles.CALL_CENTER)
    url = reverse("wagtailsnippets_procedures_updaterequest:add")

    form = client.get(url)
    assert form.status_code == 200
    html = form.content.decode()
    assert "Co należy zmienić" in html
    assert "Załączniki" in html
    assert "Wersja realizująca wniosek" not in html  # handling is the Procedures Office's

    data = nested_form_data(
        {
            "procedure": str(procedure.pk),
            "subject": "Brak informacji o pełnomocnictwie",
            "description": "Mieszkańcy pytają, jakie pełnomocnictwo jest potrzebne.",
            "requester_name": "Jan Agent",
            "requester_email": "jan.agent@uml.lodz.pl",
            "attachments": inline_formset(
                [
                    {
                        "file": SimpleUploadedFile("notatka.pdf", PDF, "application/pdf"),
                        "name": "",
                    }
                ]
            ),
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]

    request = UpdateRequest.objects.get()
    assert request.procedure == procedure
    assert request.requested_by == agent
    assert request.status == UpdateRequest.Status.NEW
    assert request.source == UpdateRequest.Source.SYSTEM
    attachment = request.attachments.get()
    assert attachment.name == "notatka.pdf"
    assert attachment.file.read() == PDF

    edit = reverse("wagtailsnippets_procedures_updaterequest:edit", args=[request.pk])
    assert client.get(edit).status_code in (302, 403)  # agents file, they do not handle


def test_moderator_closes_a_request_with_the_revision_that_resolved_it(client, procedure_index):
    procedure = ProcedurePageFactory(parent=procedure_index, code="KA-01147")
    revision = published_revision(procedure)
    request = UpdateRequest.objects.create(
        procedure=procedure, subject="Nowe godziny", description="Do 18:00."
    )
    moderator = login(client, roles.MODERATORS)
    data = nested_form_data(
        {
            "procedure": str(procedure.pk),
            "subject": request.subject,
            "description": request.description,
            "requester_name": "",
            "requester_email": "",
            "source": "system",
            "created_at": timezone.localtime(request.created_at).strftime("%Y-%m-%d %H:%M"),
            "status": "done",
            "handled_by": "",
            "resolved_revision": str(revision.pk),
            "response_note": "Zmieniono godziny.",
            "attachments": inline_formset([]),
        }
    )
    edit = reverse("wagtailsnippets_procedures_updaterequest:edit", args=[request.pk])
    response = client.post(edit, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    request.refresh_from_db()
    assert request.status == UpdateRequest.Status.DONE
    assert request.resolved_revision == revision
    assert request.handled_by == moderator


# --- E-mail intake ----------------------------------------------------------------------


def mail(subject, body, *, message_id, sender="Jan Kowalski <jan.kowalski@example.com>"):
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "monitoring@uml.lodz.pl"
    message["Subject"] = subject
    message["Date"] = format_datetime(SENT)
    message["Message-ID"] = message_id
    message.set_content(body)
    return message


@pytest.fixture
def inbox(procedure_index):
    """Five messages as the monitoring mailbox receives them, and the procedures they name."""
    pages = {
        code: ProcedurePageFactory(parent=procedure_index, code=code)
        for code in ["KA-01147", "KA-01305", "KA-01180"]
    }
    with_attachment = mail(
        "Prośba o zmianę opłaty – żółć gęślą jaźń",
        "Dzień dobry,\nw procedurze KA-01180 podano nieaktualną stawkę. Załączam uchwałę.\n",
        message_id="<trzy@example.com>",
        sender="Zażółć Gęślą <zazolc@example.com>",
    )
    with_attachment.add_attachment(
        PDF, maintype="application", subtype="pdf", filename="uchwała źródłowa.pdf"
    )
    messages = {
        "1-temat.eml": mail(
            "Aktualizacja KA-01147: odbiór przez pełnomocnika",
            "Proszę dopisać wymagania dotyczące pełnomocnictwa.",
            message_id="<jeden@example.com>",
        ),
        "2-tresc.eml": mail(
            "Godziny pracy punktu",
            "Dotyczy procedury KA-01305 (zameldowanie). Punkt jest czynny do 18:00.",
            message_id="<dwa@example.com>",
        ),
        "3-zalacznik.eml": with_attachment,
        "4-nieznana.eml": mail(
            "Błąd na stronie o karcie parkingowej",
            "Numer KA-99999 nie działa, a telefon jest nieaktualny.",
            message_id="<cztery@example.com>",
        ),
        "5-duplikat.eml": mail(
            "Aktualizacja KA-01147: odbiór przez pełnomocnika",
            "Proszę dopisać wymagania dotyczące pełnomocnictwa.",
            message_id="<jeden@example.com>",
        ),
    }
    return pages, messages


def assert_filed(pages):
    requests = {r.message_id: r for r in UpdateRequest.objects.all()}
    assert set(requests) == {
        "<jeden@example.com>",
        "<dwa@example.com>",
        "<trzy@example.com>",
        "<cztery@example.com>",
    }
    assert requests["<jeden@example.com>"].procedure == pages["KA-01147"]
    assert requests["<dwa@example.com>"].procedure == pages["KA-01305"]
    assert requests["<trzy@example.com>"].procedure == pages["KA-01180"]
    assert requests["<cztery@example.com>"].procedure is None
    assert all(r.source == UpdateRequest.Source.EMAIL for r in requests.values())

    polish = requests["<trzy@example.com>"]
    assert polish.subject == "Prośba o zmianę opłaty – żółć gęślą jaźń"
    assert polish.requester_name == "Zażółć Gęślą"
    assert polish.requester_email == "zazolc@example.com"
    assert "nieaktualną stawkę" in polish.description
    assert polish.created_at == SENT
    attachment = polish.attachments.get()
    assert attachment.name == "uchwała źródłowa.pdf"
    assert attachment.file.read() == PDF
    assert UpdateRequestAttachment.objects.count() == 1


def test_ingest_files_every_message_of_a_folder_once(tmp_path, inbox):
    pages, messages = inbox
    for name, message in messages.items():
        (tmp_path / name).write_bytes(message.as_bytes())
    (tmp_path / "notatki.txt").write_text("nie wiadomość")

    outcomes = {result.source: result.outcome for result in ingest(tmp_path)}
    assert outcomes == {
        "1-temat.eml": "filed",
        "2-tresc.eml": "filed",
        "3-zalacznik.eml": "filed",
        "4-nieznana.eml": "unassigned",
        "5-duplikat.eml": "duplicate",
    }
    assert_filed(pages)

    again = [result.outcome for result in ingest(tmp_path)]
    assert again == ["duplicate"] * 5
    assert UpdateRequest.objects.count() == 4


def test_ingest_reads_a_maildir(tmp_path, inbox):
    pages, messages = inbox
    box = mailbox.Maildir(tmp_path / "Maildir", create=True)
    for message in messages.values():
        box.add(message.as_bytes())

    results = list(ingest(tmp_path / "Maildir"))
    assert sorted(r.outcome for r in results) == [
        "duplicate",
        "filed",
        "filed",
        "filed",
        "unassigned",
    ]
    assert_filed(pages)


def test_the_command_reports_each_message_in_polish(tmp_path, inbox):
    _pages, messages = inbox
    for name, message in messages.items():
        (tmp_path / name).write_bytes(message.as_bytes())

    out = StringIO()
    call_command("ingest_update_requests", str(tmp_path), "--dry-run", stdout=out)
    assert UpdateRequest.objects.count() == 0
    assert "Próba (--dry-run): niczego nie zapisano." in out.getvalue()

    out = StringIO()
    call_command("ingest_update_requests", str(tmp_path), stdout=out)
    lines = out.getvalue().splitlines()
    assert len(lines) == 6
    assert "KA-01147, zarejestrowany" in lines[0]
    assert "„Prośba o zmianę opłaty – żółć gęślą jaźń” → KA-01180" in lines[2]
    assert "bez znanej procedury, zarejestrowany do przypisania" in lines[3]
    assert "już zarejestrowany" in lines[4]
    assert "Wiadomości: 5. Zarejestrowane wnioski: 4 (w tym do przypisania: 1)" in lines[5]


def test_ingest_refuses_a_path_that_holds_no_mail(tmp_path):
    with pytest.raises(MailSourceError, match="maildir"):
        list(ingest(tmp_path / "nie-ma"))


@pytest.mark.django_db
def test_an_html_only_mail_without_message_id_is_kept_once():
    message = EmailMessage()
    message["From"] = "mieszkaniec@example.com"
    message["Subject"] = "Uwaga do strony"
    message.set_content(
        "<html><head><style>p {color: red}</style></head><body><p>Telefon&nbsp;jest "
        "nieaktualny.</p><p>Proszę o poprawkę.</p></body></html>",
        subtype="html",
    )
    raw = message.as_bytes()

    result = file_message(raw, "uwaga.eml")
    assert result.outcome == "unassigned"
    request = UpdateRequest.objects.get()
    assert request.description == "Telefon jest nieaktualny.\nProszę o poprawkę."
    assert request.requester_email == "mieszkaniec@example.com"
    assert file_message(raw, "uwaga.eml").outcome == "duplicate"


# --- "Data wytworzenia informacji" ------------------------------------------------------


def test_information_date_is_the_date_of_the_request_the_live_version_resolved(
    procedure_index,
):
    page = ProcedurePageFactory(parent=procedure_index)
    assert page.requested_information_date() is None
    revision = published_revision(page)
    assert page.requested_information_date() is None

    moment = datetime(2025, 5, 6, 23, 30, tzinfo=UTC)  # already 7 May in Łódź
    for subject, status, created_at in [
        ("Nowa opłata", UpdateRequest.Status.DONE, moment),
        ("Odrzucony", UpdateRequest.Status.REJECTED, moment + timedelta(days=10)),
    ]:
        UpdateRequest.objects.create(
            procedure=page,
            subject=subject,
            description="…",
            status=status,
            resolved_revision=revision,
            created_at=created_at,
        )
    assert page.requested_information_date() == date(2025, 5, 7)

    published_revision(page)  # a later version that no request produced
    assert page.requested_information_date() is None


# --- Demo data ------------------------------------------------------------------------


def test_demo_requests_are_created_once(procedure_index):
    ProcedurePageFactory(parent=procedure_index, code="KA-01147")
    cleanup = ProcedurePageFactory(parent=procedure_index, code="KA-01180")
    published_revision(cleanup)

    assert seed_update_requests(StringIO()) == 3  # KA-01305 is absent: skipped
    assert seed_update_requests(StringIO()) == 0
    assert UpdateRequest.objects.count() == 3
    assert UpdateRequest.objects.filter(procedure=None, source="email").count() == 1
    done = UpdateRequest.objects.get(status=UpdateRequest.Status.DONE)
    assert done.resolved_revision == cleanup.live_revision
    assert cleanup.requested_information_date() == timezone.localdate(done.created_at)
