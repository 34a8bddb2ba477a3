"""The demo shows the review cycle: procedures overdue for review and expiring soon, on the
demo editor's dashboard among others."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from procedures.demo import reviews as demo_reviews
from procedures.reviews import cycle
from tests.staff import session


@pytest.mark.django_db
def test_the_demo_has_overdue_and_expiring_procedures():
    call_command("seed_demo", stdout=StringIO())
    overdue = set(cycle.overdue_reviews().values_list("code", flat=True))
    assert overdue == {code for code, days in demo_reviews.REVIEW_DATES.items() if days < 0}
    expiring = set(cycle.expiring_soon().values_list("code", flat=True))
    assert expiring == set(demo_reviews.EXPIRING)

    editor = get_user_model().objects.get(username="redaktor")
    html = session(editor).get(reverse("wagtailadmin_home")).text
    assert "Przeglądy i terminy Twoich procedur" in html
    assert "KA-01907" in html  # overdue, the editor's department
    assert "KA-01734" in html  # expiring, the editor's department
    assert "KA-01373" not in html  # overdue, another department
