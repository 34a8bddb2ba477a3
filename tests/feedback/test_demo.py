"""The demo shows residents' feedback: a resident's report in the Office's queue and
answers to "Czy ta informacja była pomocna?" in the report."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from procedures import roles
from procedures.demo.feedback import VOTES
from procedures.feedback.models import HelpfulnessVote
from procedures.models import UpdateRequest
from tests.staff import member, session

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_residents_report_and_answers_once():
    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())  # idempotent

    report = UpdateRequest.objects.get(source=UpdateRequest.Source.RESIDENT)
    assert report.procedure.code == "KA-01137"
    assert report.status == UpdateRequest.Status.NEW
    assert HelpfulnessVote.objects.count() == sum(yes + no for yes, no in VOTES.values())

    html = session(member(roles.MODERATORS)).get(reverse("feedback_report")).content.decode()
    assert report.procedure.title in html
    assert "Wydanie dowodu osobistego osobie pełnoletniej" in html
