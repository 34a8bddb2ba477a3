"""Documents under the Procedures Office's control (issue #12, finding 1).

A department editor manages only the files of their own departments, cannot change or
delete a file residents download from a live procedure (theirs or another department's),
and cannot open a file shown only by restricted fields or by an internal procedure.
"""

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from procedures import roles
from procedures.models import ProcedureDocument
from tests.callcenter.documents import document_link, publish
from tests.factories import (
    DepartmentFactory,
    ProcedurePageFactory,
    document,
    faq_item,
)
from tests.staff import member

from . import files

ORIGINAL = files.PDF
REPLACEMENT = files.PDF.replace(b"/Catalog", b"/Catalog /Podmieniony true")


@pytest.fixture
def department_b(db):
    """Another department than ``editor``'s."""
    return DepartmentFactory(name="Wydział Edukacji")


@pytest.fixture
def editor_b(department_b):
    return member(roles.EDITORS, department_b)


def make_document(title, department, content=ORIGINAL):
    doc = ProcedureDocument(title=title, collection=department.get_document_collection())
    doc.file.save(f"{title}.pdf", ContentFile(content), save=False)
    doc.save()
    return doc


@pytest.fixture
def published_document(procedure_index, department_b):
    """A form residents download from a live procedure of department B."""
    doc = make_document("wniosek-b", department_b)
    page = ProcedurePageFactory(parent=procedure_index, department=department_b)
    publish(page, required_documents=[document("Wniosek", file=doc)])
    return doc


def downloaded(client, doc):
    client.logout()
    response = client.get(ProcedureDocument.objects.get(pk=doc.pk).url)
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def replace_file(client, doc):
    return client.post(
        reverse("wagtaildocs:edit", args=[doc.pk]),
        {
            "title": doc.title,
            "file": SimpleUploadedFile("podmieniony.pdf", REPLACEMENT, "application/pdf"),
            "collection": str(doc.collection_id),
            "tags": "",
        },
        follow=True,
    )


# --- Published files are the Office's --------------------------------------------------


@pytest.mark.parametrize("who", ["editor", "editor_b"])
def test_editor_cannot_replace_the_file_of_a_published_document(
    request, client, who, published_document
):
    """Neither another department's editor nor the procedure's own can swap the file."""
    client.force_login(request.getfixturevalue(who))
    response = replace_file(client, published_document)

    assert response.status_code == 200
    assert "nie można zmienić ani usunąć" in response.text
    assert "wyślij ją do moderacji" in response.text
    assert downloaded(client, published_document) == ORIGINAL


@pytest.mark.parametrize("who", ["editor", "editor_b"])
def test_editor_cannot_delete_a_published_document(request, client, who, published_document):
    client.force_login(request.getfixturevalue(who))
    url = reverse("wagtaildocs:delete", args=[published_document.pk])

    assert "nie można zmienić ani usunąć" in client.get(url, follow=True).text
    response = client.post(url, follow=True)
    assert response.status_code == 200
    assert "nie można zmienić ani usunąć" in response.text
    assert ProcedureDocument.objects.filter(pk=published_document.pk).exists()
    assert downloaded(client, published_document) == ORIGINAL


def test_editor_cannot_replace_a_published_file_through_the_multiple_upload_view(
    client, editor_b, published_document
):
    client.force_login(editor_b)
    response = client.post(
        reverse("wagtaildocs:edit_multiple", args=[published_document.pk]),
        {
            f"doc-{published_document.pk}-title": "podmieniony",
            f"doc-{published_document.pk}-collection": str(published_document.collection_id),
            f"doc-{published_document.pk}-tags": "",
        },
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.status_code == 403
    assert ProcedureDocument.objects.get(pk=published_document.pk).title == "wniosek-b"


def test_the_office_replaces_the_file_of_a_published_document(
    client, moderator, published_document
):
    client.force_login(moderator)
    response = replace_file(client, published_document)
    assert response.status_code == 200
    assert "nie można zmienić" not in response.text
    assert downloaded(client, published_document) == REPLACEMENT


def test_editor_still_manages_the_unpublished_files_of_their_department(client, editor, department):
    doc = make_document("projekt-a", department)
    client.force_login(editor)
    replace_file(client, doc)
    doc.refresh_from_db()
    with doc.file.open("rb") as stored:
        assert stored.read() == REPLACEMENT


# --- Each department's files to its editors ----------------------------------------------


def test_editor_sees_and_chooses_only_their_departments_files(
    client, editor, department, department_b
):
    own = make_document("plik-komorki-a", department)
    other = make_document("plik-komorki-b", department_b)
    client.force_login(editor)

    listing = client.get(reverse("wagtaildocs:index")).text
    chooser = client.get(reverse("wagtaildocs_chooser:choose")).text
    assert own.title in listing and own.title in chooser
    assert other.title not in listing and other.title not in chooser
    assert client.get(reverse("wagtaildocs:edit", args=[other.pk])).status_code == 302
    client.logout()
    client.force_login(editor)
    assert client.get(other.url).status_code == 404


def test_editor_uploads_only_into_their_departments_collection(
    client, editor, department, department_b
):
    client.force_login(editor)
    form = client.get(reverse("wagtaildocs:add")).context["form"]
    assert "collection" not in form.fields  # one collection: Wagtail files it there

    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "do-cudzej-komorki",
            "file": SimpleUploadedFile("wniosek.pdf", files.PDF, "application/pdf"),
            "collection": str(department_b.get_document_collection().pk),
        },
    )
    assert response.status_code == 302
    uploaded = ProcedureDocument.objects.get(title="do-cudzej-komorki")
    assert uploaded.collection == department.get_document_collection()


def test_a_department_gets_its_collection_and_keeps_its_name(db):
    department = DepartmentFactory(name="Wydział Kultury")
    collection = department.document_collection
    assert collection.get_parent().name == "Dokumenty"
    assert collection.name == str(department)
    department.name = "Wydział Kultury i Sportu"
    department.save()
    collection.refresh_from_db()
    assert collection.name == str(department)


# --- Restricted files to their readers ---------------------------------------------------


@pytest.fixture
def cc_description_document(procedure_index, department):
    """A file linked only from "Opis*" of a live procedure of the editor's own department."""
    doc = make_document("instrukcja-dla-cc", department)
    page = ProcedurePageFactory(parent=procedure_index, department=department)
    publish(page, cc_description=document_link(doc))
    return doc


@pytest.fixture
def faq_document(procedure_index, department):
    doc = make_document("odpowiedz-faq", department)
    page = ProcedurePageFactory(parent=procedure_index, department=department)
    publish(page, faq=[faq_item("Gdzie jest instrukcja?", document_link(doc))])
    return doc


@pytest.fixture
def internal_document(procedure_index, department):
    """A file of an internal procedure of the editor's own department."""
    doc = make_document("wniosek-wewnetrzny", department)
    page = ProcedurePageFactory(parent=procedure_index, department=department, is_internal=True)
    publish(page, required_documents=[document("Wniosek", file=doc)])
    return doc


RESTRICTED = ["cc_description_document", "faq_document", "internal_document"]


@pytest.mark.parametrize("fixture", RESTRICTED)
def test_editor_cannot_open_a_restricted_document(request, client, editor, fixture):
    doc = request.getfixturevalue(fixture)
    client.force_login(editor)

    edit = client.get(reverse("wagtaildocs:edit", args=[doc.pk]))
    assert edit.status_code == 302  # Wagtail's refusal, back to the dashboard
    assert client.get(reverse("wagtaildocs:document_usage", args=[doc.pk])).status_code == 302
    assert doc.title not in client.get(reverse("wagtaildocs:index")).text
    assert doc.title not in client.get(reverse("wagtaildocs_chooser:choose")).text
    search = client.get(reverse("wagtaildocs:index"), {"q": doc.title}).text
    assert reverse("wagtaildocs:edit", args=[doc.pk]) not in search  # the query is echoed
    chooser_search = client.get(reverse("wagtaildocs_chooser:choose"), {"q": doc.title}).text
    assert reverse("wagtaildocs_chooser:chosen", args=[doc.pk]) not in chooser_search
    assert client.get(reverse("wagtaildocs_chooser:chosen", args=[doc.pk])).status_code == 302
    assert doc.title not in client.get("/admin/api/main/documents/").text
    assert client.get(doc.url).status_code == 404


@pytest.mark.parametrize("fixture", RESTRICTED)
def test_agent_and_office_open_a_restricted_document(request, client, agent, moderator, fixture):
    doc = request.getfixturevalue(fixture)
    client.force_login(agent)
    assert client.get(doc.url).status_code == 200

    client.force_login(moderator)
    assert client.get(reverse("wagtaildocs:edit", args=[doc.pk])).status_code == 200
    assert doc.title in client.get(reverse("wagtaildocs:index")).text
    search = client.get(reverse("wagtaildocs:index"), {"q": doc.title}).text
    assert reverse("wagtaildocs:edit", args=[doc.pk]) in search
    chooser_search = client.get(reverse("wagtaildocs_chooser:choose"), {"q": doc.title}).text
    assert reverse("wagtaildocs_chooser:chosen", args=[doc.pk]) in chooser_search
    assert doc.title in client.get("/admin/api/main/documents/").text
    assert client.get(doc.url).status_code == 200


def test_a_restricted_document_that_is_also_public_is_public(
    client, editor, faq_document, procedure_index
):
    page = ProcedurePageFactory(parent=procedure_index)
    publish(page, required_documents=[document("Instrukcja", file=faq_document)])
    assert downloaded(client, faq_document) == ORIGINAL
