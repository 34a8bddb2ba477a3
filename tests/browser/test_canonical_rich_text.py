"""In Chromium: an imported procedure saved unchanged in the editor shows no changed field
in the comparison of its revisions (Draftail's own JavaScript posts the form)."""

import pytest
from wagtail.models import Revision

from procedures.interchange.importer import Importer
from procedures.models import ProcedurePage
from tests.factories import UserFactory
from tests.procedures.test_canonical_rich_text import demo_record

from .conftest import screenshot, settle

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_saving_an_imported_procedure_unchanged_shows_no_change(
    logged_in_page, live_server, procedure_index, tmp_path
):
    office = UserFactory(is_superuser=True, is_staff=True)
    record = demo_record()
    del record["additional_info"]  # an empty rich-text field too
    (outcome,) = Importer(tmp_path, publish=True, user=office).run([record])
    imported = ProcedurePage.objects.get(pk=outcome.page_id)
    first = imported.latest_revision

    page = logged_in_page(office)
    page.goto(f"{live_server.url}/admin/pages/{imported.pk}/edit/")
    page.locator(".Draftail-Editor").first.wait_for(state="attached")
    settle(page)
    with page.expect_navigation():
        # "Zapisz wersję roboczą", wherever the action menu puts it.
        page.locator("button.action-save").first.evaluate("button => button.click()")

    saved = Revision.page_revisions.filter(object_id=str(imported.pk)).latest("pk")
    assert saved.pk != first.pk
    compare = f"/admin/pages/{imported.pk}/revisions/compare/{first.pk}...{saved.pk}/"
    page.goto(live_server.url + compare)
    screenshot(page, "canonical-rich-text-compare")
    changed = page.locator("table.listing td.title").all_inner_texts()
    assert changed == [], changed
    assert page.locator("table.listing td.no-results-message").count() == 1
