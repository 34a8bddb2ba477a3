"""One declared list of public fields; restricted values never reach public output."""

import pytest

from procedures.models import ProcedurePage, RelatedProcedure
from procedures.public import PUBLIC_FIELDS, RESTRICTED_FIELDS, PublicProcedure
from tests.factories import (
    RESTRICTED_MARKERS,
    EmployeeFactory,
    ProcedurePageFactory,
    fill_restricted_fields,
    find_markers,
)
from tests.portal.headings import HEADINGS

from .template_spec import template_fields

MARKERS = RESTRICTED_MARKERS


def test_every_template_field_is_declared_public_or_restricted():
    template = template_fields()
    assert len(template) == 33
    declared = set(PUBLIC_FIELDS) | set(RESTRICTED_FIELDS)
    assert set(template) <= declared
    assert declared - set(template) == {"code", "categories"}
    assert not set(PUBLIC_FIELDS) & set(RESTRICTED_FIELDS)
    # The template's * decides: no restricted field is public, no public one restricted.
    assert {key for key, restricted in template.items() if restricted} == set(RESTRICTED_FIELDS)


def test_public_view_refuses_restricted_keys(procedure_index):
    view = PublicProcedure(ProcedurePageFactory(parent=procedure_index))
    assert view.title
    for key in RESTRICTED_FIELDS:
        with pytest.raises(AttributeError):
            getattr(view, key)
    with pytest.raises(AttributeError):
        view.procedure_owner  # noqa: B018 — model attribute names are refused too


@pytest.fixture
def marked_procedure(procedure_index):
    # The author is someone else: an owner who is also an author is public as the author.
    page = ProcedurePageFactory(parent=procedure_index, authors=[EmployeeFactory()])
    fill_restricted_fields(page)
    page.save_revision().publish()
    return ProcedurePage.objects.get(pk=page.pk)


def test_portal_page_shows_public_fields_and_no_restricted_marker(client, marked_procedure):
    response = client.get(marked_procedure.url)
    assert response.status_code == 200
    assert marked_procedure.title in response.text
    assert marked_procedure.summary in response.text
    assert not find_markers(response.text, MARKERS.values())


def test_search_does_not_find_restricted_text(client, marked_procedure):
    for marker in MARKERS.values():
        assert not ProcedurePage.objects.public().search(marker)
        response = client.get("/szukaj/", {"q": marker})
        assert response.status_code == 200
        assert marked_procedure.title not in response.text
    # The same search does find the procedure by its public text.
    response = client.get("/szukaj/", {"q": "zaświadczenia testowego"})
    assert marked_procedure.title in response.text


def test_internal_procedure_is_hidden_everywhere(client, procedure_index):
    internal = ProcedurePageFactory(parent=procedure_index, is_internal=True, title="Wewnętrzna X")
    public = ProcedurePageFactory(parent=procedure_index)
    RelatedProcedure.objects.create(page=public, procedure=internal)

    assert internal not in ProcedurePage.objects.public()
    assert client.get(internal.url).status_code == 404
    assert "Wewnętrzna X" not in client.get(procedure_index.url).text
    assert "Wewnętrzna X" not in client.get(public.url).text
    assert PublicProcedure(public).related_procedures == []


def test_public_queryset_honours_valid_from_and_to(procedure_index):
    from datetime import timedelta

    from django.utils import timezone

    now = timezone.now()
    future = ProcedurePageFactory(parent=procedure_index, go_live_at=now + timedelta(hours=1))
    expired = ProcedurePageFactory(parent=procedure_index, expire_at=now - timedelta(seconds=1))
    current = ProcedurePageFactory(parent=procedure_index)
    public = set(ProcedurePage.objects.public(at=now))
    assert current in public
    assert future not in public and expired not in public
    assert future in set(ProcedurePage.objects.public(at=now + timedelta(hours=2)))


def test_portal_page_renders_sections_in_the_templates_words(client, procedure_index):
    page = ProcedurePageFactory(parent=procedure_index)
    html = client.get(page.url).text
    positions = [html.index(heading) for heading in HEADINGS]
    assert positions == sorted(positions)  # the template's order
    assert "Osobiście: ul. Piotrkowska 110" in html  # channel kinds read as words
    assert "in_person" not in html
    assert "50 1240 1037 1111 0011 0925 0073" in html
