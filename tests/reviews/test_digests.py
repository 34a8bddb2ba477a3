"""E-mail digests and alerts: who gets which, what each says, each sent once, and no
restricted text to department editors."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import call_command
from wagtail import hooks

from procedures.models import UpdateRequest
from procedures.reviews import digests
from procedures.reviews.models import SentNotice
from tests.factories import RESTRICTED_MARKERS, fill_restricted_fields, find_markers

from .conftest import expiring_in, review_on

pytestmark = pytest.mark.django_db

WARSAW = ZoneInfo("Europe/Warsaw")
#: A Monday at 8:00 in Łódź, after the digest hour (7).
MONDAY_MORNING = datetime.datetime(2026, 11, 30, 8, 0, tzinfo=WARSAW)


def mails_to(address):
    return [message for message in mail.outbox if address in message.to]


@pytest.fixture
def due(own_procedure, other_procedure, dept_editor, other_editor, office, office_head):
    review_on(own_procedure, -3)
    expiring_in(own_procedure, 10)
    review_on(other_procedure, 300)  # nothing due in the other department
    UpdateRequest.objects.create(
        procedure=own_procedure, subject="Zmiana godzin otwarcia", description="Od 8:00."
    )
    mail.outbox.clear()  # the request's alert to the Office


def test_the_weekly_digest_goes_to_editors_with_something_due(due, dept_editor, other_editor):
    assert digests.send_weekly_digests(MONDAY_MORNING) == 1
    [message] = mails_to(dept_editor.email)
    assert message.subject == "Procedury Twojej komórki: przeglądy, terminy i wnioski"
    assert "Przeglądy zaległe lub przypadające w najbliższym czasie (1)" in message.body
    assert "KM-00001 Rejestracja pojazdu (Wydział Komunikacji)" in message.body
    assert "ZALEGŁY" in message.body
    assert "przestaną obowiązywać w ciągu 30 dni" in message.body
    assert "Zmiana godzin otwarcia" in message.body
    request = UpdateRequest.objects.get(subject="Zmiana godzin otwarcia")
    # Editors may read requests, not change them: the link opens the request to read.
    assert f"/admin/snippets/procedures/updaterequest/inspect/{request.pk}/" in message.body
    own = dept_editor.edited_departments.get().procedures.get()
    assert f"http://testserver/admin/pages/{own.pk}/edit/" in message.body
    assert "http://testserver/admin/przeglady/" in message.body
    assert "ED-00001" not in message.body
    assert mails_to(other_editor.email) == []


def test_the_weekly_digest_is_sent_once_a_week(due, dept_editor):
    digests.send_weekly_digests(MONDAY_MORNING)
    digests.send_weekly_digests(MONDAY_MORNING + datetime.timedelta(hours=3))
    digests.send_weekly_digests(MONDAY_MORNING + datetime.timedelta(days=4))
    assert len(mails_to(dept_editor.email)) == 1
    digests.send_weekly_digests(MONDAY_MORNING + datetime.timedelta(days=7))
    assert len(mails_to(dept_editor.email)) == 2


def test_no_digest_before_its_hour(due):
    assert digests.send_weekly_digests(MONDAY_MORNING.replace(hour=6)) == 0
    assert digests.send_daily_digests(MONDAY_MORNING.replace(hour=6)) == 0
    assert mail.outbox == []


def test_the_daily_digest_goes_to_the_office_once_a_day(due, office, office_head, dept_editor):
    assert digests.send_daily_digests(MONDAY_MORNING) == 2
    for user in (office, office_head):
        [message] = mails_to(user.email)
        assert message.subject == "Oddział ds. Procedur: podsumowanie dnia"
        assert "Zaległe przeglądy według komórek:" in message.body
        assert "Wydział Komunikacji (1):" in message.body
        assert "KM-00001 Rejestracja pojazdu" in message.body
        assert "Otwarte wnioski o aktualizację, od najstarszego (1)" in message.body
    assert mails_to(dept_editor.email) == []
    assert digests.send_daily_digests(MONDAY_MORNING + datetime.timedelta(hours=5)) == 0
    assert digests.send_daily_digests(MONDAY_MORNING + datetime.timedelta(days=1)) == 2


def test_a_failed_send_is_retried_next_round(due, office, office_head, monkeypatch):
    calls = []

    def failing_send(self, *args, **kwargs):
        calls.append(self.to)
        raise OSError("SMTP unavailable")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", failing_send)
    assert digests.send_daily_digests(MONDAY_MORNING) == 0
    assert not SentNotice.objects.filter(kind=SentNotice.Kind.DAILY).exists()
    monkeypatch.undo()
    assert digests.send_daily_digests(MONDAY_MORNING) == 2


def test_the_office_is_alerted_at_once_of_a_new_request(own_procedure, office, office_head):
    request = UpdateRequest.objects.create(
        procedure=own_procedure, subject="Nieaktualny numer konta", description="Nowe konto."
    )
    [message] = mails_to(office.email)
    assert message.subject == "Nowy wniosek o aktualizację: Nieaktualny numer konta"
    assert "KM-00001 Rejestracja pojazdu" in message.body
    assert "Nowe konto." in message.body
    assert f"http://testserver/admin/snippets/procedures/updaterequest/edit/{request.pk}/" in (
        message.body
    )
    assert len(mails_to(office_head.email)) == 1
    request.status = UpdateRequest.Status.IN_PROGRESS
    request.save()
    digests.alert_office(request.pk)
    assert len(mail.outbox) == 2


def test_a_residents_report_says_so(own_procedure, office, dept_editor):
    UpdateRequest.objects.create(
        procedure=own_procedure,
        subject="Zły adres",
        description="Urząd przeniesiono.",
        source=UpdateRequest.Source.RESIDENT,
    )
    [message] = mails_to(office.email)
    assert message.subject == "Nowe zgłoszenie mieszkańca: Zły adres"
    assert "mieszkaniec zgłosił błąd w opisie procedury" in message.body
    assert mails_to(dept_editor.email) == []


def test_no_restricted_text_reaches_department_editors(own_procedure, dept_editor):
    markers = fill_restricted_fields(own_procedure)
    own_procedure.save_revision().publish()
    review_on(own_procedure, -3)
    expiring_in(own_procedure, 10)
    digests.send_weekly_digests(MONDAY_MORNING)
    [message] = mails_to(dept_editor.email)
    assert "KM-00001" in message.body
    assert find_markers(message.subject + message.body, markers.values()) == []
    assert set(markers) == set(RESTRICTED_MARKERS)


def test_the_scheduler_sends_the_digests_each_round(due, dept_editor, office, time_machine):
    time_machine.move_to(MONDAY_MORNING, tick=False)
    call_command("run_scheduler", "--once")
    assert len(mails_to(dept_editor.email)) == 1
    assert len(mails_to(office.email)) == 1
    call_command("run_scheduler", "--once")
    assert len(mails_to(dept_editor.email)) == 1


def test_a_failing_hook_never_breaks_the_round_nor_the_digests(due, dept_editor, time_machine):
    def broken():
        raise RuntimeError("another app's digest broken")

    time_machine.move_to(MONDAY_MORNING, tick=False)
    with hooks.register_temporarily("lckzm_scheduler_round", broken, order=-1):
        call_command("run_scheduler", "--once")  # no CommandError: the round succeeded
    assert len(mails_to(dept_editor.email)) == 1


def test_no_alert_for_a_request_dated_long_ago(own_procedure, office):
    UpdateRequest.objects.create(
        procedure=own_procedure,
        subject="Wniosek z archiwum",
        description="Zaimportowany.",
        created_at=MONDAY_MORNING - datetime.timedelta(days=3),
    )
    assert mails_to(office.email) == []
