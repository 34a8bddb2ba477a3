"""The Call Center's dashboard: procedures changed in the last 7 days with their notes."""

from datetime import timedelta

import time_machine
from django.utils import timezone

from procedures.models import ProcedurePage
from tests.staff import session

from .conftest import NOTE

PANEL = "Zmiany w procedurach z ostatnich 7 dni"


def change(page, user, **values):
    draft = ProcedurePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    for name, value in values.items():
        setattr(draft, name, value)
    draft.save_revision(user=user).publish(user=user)


def test_agents_see_this_weeks_changes_with_their_notes(published, moderator, agent):
    with time_machine.travel(timezone.now() - timedelta(days=8)):
        change(published, moderator, summary="Stary opis.", change_note="Zmiana sprzed tygodnia")
    change(published, moderator, summary="Nowy opis.", change_note=NOTE)
    html = session(agent).get("/admin/").content.decode()
    assert PANEL in html
    assert NOTE in html and "Zmiana sprzed tygodnia" not in html
    assert f'href="/call-center/procedura/{published.code}/"' in html


def test_the_panel_says_when_nothing_changed(agent, db):
    html = session(agent).get("/admin/").content.decode()
    assert "W ostatnich 7 dniach nie zmieniono żadnej procedury." in html


def test_editors_have_no_such_panel(published, editor):
    assert PANEL not in session(editor).get("/admin/").content.decode()
