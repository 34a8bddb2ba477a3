""" "Obowiązuje od/do" are stored to the minute, as the editor's form shows them: a date
with seconds from an import or a script no longer blocks later publishing in the admin."""

import importlib
import json
from datetime import UTC, datetime

from django.apps import apps
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, Revision

from procedures import roles
from procedures.models import ProcedurePage
from tests.factories import ProcedurePageFactory, UserFactory

from .admin_forms import procedure_form_data
from .records import run_import, valid_record

WITH_SECONDS = datetime(2025, 1, 15, 7, 30, 45, 123456, tzinfo=UTC)
TO_THE_MINUTE = datetime(2025, 1, 15, 7, 30, tzinfo=UTC)
LATER_WITH_SECONDS = datetime(2031, 6, 30, 21, 59, 59, 999999, tzinfo=UTC)
LATER_TO_THE_MINUTE = datetime(2031, 6, 30, 21, 59, tzinfo=UTC)

migration = importlib.import_module("procedures.migrations.0010_dates_to_the_minute")


def as_the_form_shows(value):
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")


def test_imported_dates_are_stored_to_the_minute(procedure_index, tmp_path):
    record = valid_record(
        "KA-01901",
        valid_from="2025-01-15T08:30:45.123456+01:00",
        valid_to=LATER_WITH_SECONDS.isoformat(),
    )
    path = tmp_path / "procedury.json"
    path.write_text(json.dumps([record], ensure_ascii=False), encoding="utf-8")
    status, report = run_import(path, "--publish")
    assert status == 0, report

    page = ProcedurePage.objects.get(code="KA-01901")
    assert (page.go_live_at, page.expire_at) == (TO_THE_MINUTE, LATER_TO_THE_MINUTE)
    content = page.get_latest_revision().content
    assert content["go_live_at"] == "2025-01-15T07:30:00Z"
    assert content["expire_at"] == "2031-06-30T21:59:00Z"


def test_after_an_import_with_seconds_the_admin_publishes(client, procedure_index, tmp_path):
    record = valid_record("KA-01902", valid_from=WITH_SECONDS.isoformat())
    path = tmp_path / "procedury.json"
    path.write_text(json.dumps([record], ensure_ascii=False), encoding="utf-8")
    assert run_import(path, "--publish")[0] == 0
    page = ProcedurePage.objects.get(code="KA-01902")
    assert page.live

    client.force_login(UserFactory(groups=[Group.objects.get(name=roles.MODERATORS)]))
    data = procedure_form_data(
        page,
        summary="Zmieniony skrócony opis.",
        go_live_at=as_the_form_shows(page.go_live_at),
        **{"action-publish": "action-publish"},
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)

    assert response.status_code == 302, response.context["form"].errors
    page.refresh_from_db()
    assert page.summary == "Zmieniony skrócony opis."
    assert page.go_live_at == TO_THE_MINUTE


def test_scripts_store_dates_to_the_minute(procedure_index):
    page = ProcedurePageFactory(parent=procedure_index)
    page.go_live_at, page.expire_at = WITH_SECONDS, LATER_WITH_SECONDS
    revision = page.save_revision()
    stored = Revision.objects.get(pk=revision.pk).content
    assert stored["go_live_at"] == "2025-01-15T07:30:00Z"
    revision.publish()
    page.refresh_from_db()
    assert (page.go_live_at, page.expire_at) == (TO_THE_MINUTE, LATER_TO_THE_MINUTE)

    page.expire_at = LATER_WITH_SECONDS
    page.save()
    page.refresh_from_db()
    assert page.expire_at == LATER_TO_THE_MINUTE


def test_the_migration_normalises_pages_and_revisions(procedure_index):
    page = ProcedurePageFactory(parent=procedure_index)
    revision = page.save_revision()
    revision.publish()
    untouched = ProcedurePageFactory(parent=procedure_index, go_live_at=TO_THE_MINUTE)
    # Rows as an older import left them, written around the model's own rounding.
    Page.objects.filter(pk=page.pk).update(go_live_at=WITH_SECONDS, expire_at=LATER_WITH_SECONDS)
    content = {
        **revision.content,
        "go_live_at": "2025-01-15T07:30:45.123Z",
        "expire_at": "2031-06-30T21:59:59.999Z",
    }
    Revision.objects.filter(pk=revision.pk).update(
        content=content, approved_go_live_at=WITH_SECONDS
    )

    assert migration.dates_to_the_minute(apps, None) == (1, 1)

    page.refresh_from_db()
    revision.refresh_from_db()
    assert (page.go_live_at, page.expire_at) == (TO_THE_MINUTE, LATER_TO_THE_MINUTE)
    assert revision.approved_go_live_at == TO_THE_MINUTE
    assert revision.content["go_live_at"] == "2025-01-15T07:30:00Z"
    assert revision.content["expire_at"] == "2031-06-30T21:59:00Z"
    assert revision.content["title"] == page.title  # the rest of the content as it was
    untouched.refresh_from_db()
    assert untouched.go_live_at == TO_THE_MINUTE
    assert migration.dates_to_the_minute(apps, None) == (0, 0)  # nothing left to do
