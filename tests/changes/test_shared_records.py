"""A shared record (office, person, department, vocabulary entry) changed once shows in
every procedure using it: its edit view names those procedures before saving, and saving
a change residents see leaves a public note on each live procedure showing it and
refreshes their pages."""

import pytest
from django.urls import reverse

from procedures.changes.models import ChangeNote
from procedures.changes.records import note_for_change
from procedures.models import ProcedurePage
from tests.factories import EmployeeFactory, OfficeFactory, ProcedurePageFactory

from .conftest import publish


def snippet_edit_url(record):
    meta = record._meta
    return reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", args=[record.pk])


@pytest.fixture
def office_in_use(procedure_index, office, moderator):
    """An office shown by two public procedures, an internal one and a draft."""
    places = [{"type": "office", "value": office.pk}]
    pages = {
        "dowod": ProcedurePageFactory(
            parent=procedure_index, code="KA-01147", title="Dowód osobisty", places=places
        ),
        "paszport": ProcedurePageFactory(
            parent=procedure_index, code="KA-01148", title="Paszport", places=places
        ),
        "wewnetrzna": ProcedurePageFactory(
            parent=procedure_index,
            code="ZG-09001",
            title="Procedura wewnętrzna",
            places=places,
            is_internal=True,
        ),
    }
    pages = {key: publish(page, moderator) for key, page in pages.items()}
    draft = ProcedurePageFactory(
        parent=procedure_index, code="KA-01149", title="Szkic", places=places, live=False
    )
    draft.save_revision()
    pages["szkic"] = draft
    return pages


def test_the_edit_view_names_the_procedures_using_the_record(
    office, office_in_use, superuser_client
):
    html = superuser_client.get(snippet_edit_url(office)).content.decode()
    assert "Ten rekord jest używany w 4 procedurach, w tym w 2 opublikowanych na portalu" in html
    for code in ("KA-01147", "KA-01148", "ZG-09001", "KA-01149"):
        assert code in html
    assert "„Historii zmian”" in html
    assert '<ul class="impact-notice__list">' in html  # markup, not escaped text


def test_the_edit_view_of_a_record_nobody_uses_says_so(superuser_client):
    html = superuser_client.get(snippet_edit_url(OfficeFactory())).content.decode()
    assert "Żadna procedura nie używa jeszcze tego rekordu." in html


def test_a_new_address_leaves_a_note_on_each_public_procedure_and_refreshes_it(
    client, office, office_in_use, superuser_client
):
    dowod = office_in_use["dowod"]
    assert "ul. Piotrkowska 110" in client.get(dowod.url).content.decode()  # now cached
    data = {
        "name": office.name,
        "address": "ul. Zachodnia 47, 90-001 Łódź",
        "details": "",
        "phones": office.phones,
        "department": "",
    }
    response = superuser_client.post(snippet_edit_url(office), data)
    assert response.status_code == 302, response.context["form"].errors
    notes = ChangeNote.objects.order_by("page__code")
    assert [note.page.code for note in notes] == ["KA-01147", "KA-01148"]
    assert {note.text for note in notes} == {"Zmiana adresu: ul. Zachodnia 47, 90-001 Łódź"}
    assert {note.source for note in notes} == {ChangeNote.Source.RECORD}
    html = client.get(dowod.url).content.decode()
    assert "ul. Zachodnia 47" in html
    assert "Zmiana adresu: ul. Zachodnia 47, 90-001 Łódź" in html
    feed = client.get("/zmiany/atom/").content.decode()
    assert "Paszport: Zmiana adresu" in feed and "Procedura wewnętrzna" not in feed


def test_a_change_residents_do_not_see_leaves_no_note(procedure_index, moderator):
    """A person's phone and e-mail are for staff; an owner (restricted) who is not an
    author is not shown at all."""
    author = EmployeeFactory(name="Anna Autorka", phone="42 111 11 11")
    page = publish(ProcedurePageFactory(parent=procedure_index, authors=[author]), moderator)
    author.phone, author.email = "42 222 22 22", "nowy@example.invalid"
    author.save()
    owner = ProcedurePage.objects.get(pk=page.pk).procedure_owner
    owner.name = "MARKER-OWNER po zmianie"
    owner.save()
    assert not ChangeNote.objects.exists()
    author.position = "Kierownik referatu"
    author.save()
    (note,) = ChangeNote.objects.all()
    assert note.text == (
        "Zmiana stanowiska osoby odpowiedzialnej za treść informacji: Anna Autorka"
    )


def test_a_department_renamed_leaves_a_note_on_its_procedures(procedure_index, moderator):
    page = publish(ProcedurePageFactory(parent=procedure_index), moderator)
    department = page.department
    department.name = "Wydział Obsługi Mieszkańców"
    department.save()
    (note,) = ChangeNote.objects.all()
    assert (note.page_id, note.text) == (
        page.pk,
        "Zmiana nazwy komórki: Wydział Obsługi Mieszkańców",
    )


def test_a_category_renamed_leaves_a_note(published, category):
    category.name = "Dokumenty tożsamości"
    category.save()
    assert list(ChangeNote.objects.values_list("text", flat=True)) == [
        "Zmiana nazwy kategorii: Dokumenty tożsamości"
    ]


def test_several_fields_make_one_short_note(office):
    before = {"name": office.name, "address": office.address, "phones": office.phones}
    office.address, office.phones = "ul. Zachodnia 47", "42 000 00 00"
    assert note_for_change(office, {**before, "details": ""}) == (
        "Zmiana adresu: ul. Zachodnia 47; zmiana numeru telefonu: 42 000 00 00"
    )
    office.address = "ul. " + "bardzo długa " * 40
    shortened = note_for_change(office, {**before, "details": ""})
    assert len(shortened) <= 300 and shortened.endswith("…")
