""" "Czy ta informacja była pomocna? Tak / Nie": counted per procedure with nothing about the
person, and shown to the Procedures Office in the report "Opinie o procedurach"."""

import re
from datetime import timedelta

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from procedures import roles
from procedures.feedback.models import HelpfulnessVote
from procedures.models import UpdateRequest
from tests.factories import ProcedurePageFactory
from tests.staff import member, session

pytestmark = pytest.mark.django_db


def vote(procedure, answer, client=None, **data):
    client = client or Client(enforce_csrf_checks=True)
    return client.post(f"/opinie/{procedure.code}/ocena/", {"pomocna": answer, **data})


def test_yes_and_no_are_counted_per_procedure(public_procedure, procedure_index):
    other = ProcedurePageFactory(parent=procedure_index)

    first = vote(public_procedure, "tak")
    vote(public_procedure, "tak")
    vote(public_procedure, "nie")
    vote(other, "nie")

    assert first.status_code == 303
    assert first["Location"] == f"/opinie/{public_procedure.code}/ocena/dziekujemy/"
    votes = HelpfulnessVote.objects
    assert votes.filter(procedure=public_procedure, helpful=True).count() == 2
    assert votes.filter(procedure=public_procedure, helpful=False).count() == 1
    assert votes.filter(procedure=other).count() == 1
    thanks = Client().get(first["Location"])
    assert "Dziękujemy za opinię" in thanks.content.decode()
    assert f"/opinie/{public_procedure.code}/zgloszenie/" in thanks.content.decode()


def test_a_vote_stores_nothing_about_the_person():
    fields = {field.name for field in HelpfulnessVote._meta.get_fields()}
    assert fields == {"id", "procedure", "helpful", "created_at"}


def test_a_vote_without_an_answer_is_400_with_a_polish_message(public_procedure):
    response = vote(public_procedure, "może")

    assert response.status_code == 400
    assert "Wybierz „Tak” albo „Nie”" in response.content.decode()
    assert not HelpfulnessVote.objects.exists()


def test_a_vote_with_the_honeypot_filled_is_not_counted(public_procedure):
    response = vote(public_procedure, "nie", strona_www="http://spam.example")

    assert response.status_code == 303
    assert not HelpfulnessVote.objects.exists()


@override_settings(FEEDBACK_VOTE_RATE_LIMIT="3/3600")
def test_votes_over_the_limit_are_429(public_procedure):
    client = Client(enforce_csrf_checks=True)
    statuses = [vote(public_procedure, "nie", client).status_code for _ in range(4)]

    assert statuses == [303, 303, 303, 429]
    assert HelpfulnessVote.objects.count() == 3


def test_a_vote_from_another_site_is_refused(public_procedure):
    client = Client(enforce_csrf_checks=True, HTTP_ORIGIN="https://inna.example")

    assert vote(public_procedure, "nie", client).status_code == 403
    assert not HelpfulnessVote.objects.exists()


def test_the_report_shows_counts_per_procedure_to_the_office(public_procedure, procedure_index):
    quiet = ProcedurePageFactory(parent=procedure_index, title="Procedura bez opinii")
    for answer in ("tak", "tak", "tak", "nie"):
        vote(public_procedure, answer)
    Client().post(
        f"/opinie/{public_procedure.code}/zgloszenie/", {"description": "Zła kwota opłaty."}
    )
    UpdateRequest.objects.create(procedure=quiet, subject="Wniosek agenta", description="x")

    response = session(member(roles.MODERATORS)).get(reverse("feedback_report"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Opinie o procedurach" in html
    assert public_procedure.title in html
    assert quiet.title not in html  # no votes, and only a staff member's request
    row = html[html.index(public_procedure.title) :]
    cells = [cell.strip() for cell in _cells(row)[:5]]
    assert cells == [public_procedure.code, "3", "1", "75%", "1"]


def test_the_report_counts_within_the_chosen_period(public_procedure, procedure_index):
    older = ProcedurePageFactory(parent=procedure_index, title="Procedura oceniona dawno")
    vote(public_procedure, "nie")
    vote(older, "nie")
    HelpfulnessVote.objects.filter(procedure=older).update(
        created_at=timezone.now() - timedelta(days=40)
    )
    office = session(member(roles.MODERATORS))

    everything = office.get(reverse("feedback_report")).content.decode()
    last_month = office.get(reverse("feedback_report") + "?okres=30").content.decode()
    nonsense = office.get(reverse("feedback_report") + "?okres=abc")

    assert older.title in everything and public_procedure.title in everything
    assert older.title not in last_month and public_procedure.title in last_month
    assert "ostatnie 30 dni" in last_month
    assert nonsense.status_code == 200


def test_the_report_exports_its_counts(public_procedure):
    vote(public_procedure, "nie")

    response = session(member(roles.PROCEDURES_OFFICE_HEADS)).get(
        reverse("feedback_report") + "?export=csv"
    )

    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode()
    assert "Procedura,Kod procedury,Tak (pomocna),Nie (niepomocna),Zgłoszenia błędów" in content
    assert f"{public_procedure.code},0,1,0" in content


def test_only_the_office_reads_the_report_and_sees_it_in_the_menu(public_procedure):
    office = session(member(roles.MODERATORS))
    agent = session(member(roles.CALL_CENTER))

    assert agent.get(reverse("feedback_report")).status_code in (302, 403)
    assert reverse("feedback_report") not in agent.get("/admin/").content.decode()
    assert reverse("feedback_report") in office.get("/admin/").content.decode()
    assert Client().get(reverse("feedback_report")).status_code == 302  # to the login


def _cells(html):
    """The text of the ``<td>`` cells after the start of ``html``."""
    return [re.sub(r"<[^>]+>", "", cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", html, re.S)]
