"""Files of internal procedures and of restricted sections are not downloadable anonymously."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import ReferenceIndex

from procedures.models import ProcedurePage
from tests.factories import (
    ProcedurePageFactory,
    UserFactory,
    document,
    faq_item,
    find_markers,
)

from .documents import document_link, make_document, publish, text_marker


@pytest.fixture
def public_document(procedure_index):
    doc = make_document("wniosek-publiczny")
    page = ProcedurePageFactory(parent=procedure_index)
    publish(page, required_documents=[document("Wniosek", file=doc)])
    return doc


@pytest.fixture
def internal_document(procedure_index):
    doc = make_document("wniosek-wewnetrzny")
    page = ProcedurePageFactory(parent=procedure_index, is_internal=True)
    publish(page, required_documents=[document("Wniosek", file=doc)])
    return doc


@pytest.fixture
def faq_document(procedure_index):
    doc = make_document("instrukcja-faq")
    page = ProcedurePageFactory(parent=procedure_index)
    publish(page, faq=[faq_item("Gdzie jest instrukcja?", document_link(doc))])
    return doc


@pytest.fixture
def cc_description_document(procedure_index):
    doc = make_document("instrukcja-opis")
    page = ProcedurePageFactory(parent=procedure_index)
    publish(page, cc_description=document_link(doc))
    return doc


def download(client, doc):
    """The response for ``doc``'s URL; ``response.body`` holds the bytes served."""
    response = client.get(doc.url)
    if hasattr(response, "streaming_content"):
        response.body = b"".join(response.streaming_content)
    else:
        response.body = response.content
    return response


def test_document_of_a_public_procedure_is_downloadable_anonymously(client, public_document):
    response = download(client, public_document)
    assert response.status_code == 200


def test_the_reference_index_knows_where_the_files_are(faq_document, cc_description_document):
    assert (
        ReferenceIndex.get_references_to(faq_document)
        .filter(content_path__startswith="faq.")
        .exists()
    )
    assert (
        ReferenceIndex.get_references_to(cc_description_document)
        .filter(content_path__startswith="cc_description")
        .exists()
    )


@pytest.mark.parametrize(
    "fixture", ["internal_document", "faq_document", "cc_description_document"]
)
def test_restricted_document_is_404_anonymously_and_200_for_an_agent(
    request, client, agent, fixture
):
    doc = request.getfixturevalue(fixture)
    refused = download(client, doc)
    assert refused.status_code == 404
    assert not find_markers(refused.body.decode("latin-1"), [text_marker(doc)])

    client.force_login(agent)
    served = download(client, doc)
    assert served.status_code == 200
    assert find_markers(served.body.decode("latin-1"), [text_marker(doc)])  # the file itself


# The two tests below run with the project's own MIDDLEWARE: a download of a restricted
# file must be private because the settings say so, not because the test added it.


def test_restricted_download_is_private(client, agent, internal_document):
    client.force_login(agent)
    response = download(client, internal_document)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]


def test_public_download_stays_cacheable(client, public_document):
    response = download(client, public_document)
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")


def test_restricted_document_is_404_for_staff_without_permission(client, internal_document):
    client.force_login(UserFactory())
    assert download(client, internal_document).status_code == 404


def test_editor_with_document_permissions_may_not_download_a_restricted_one(
    client, editor, internal_document
):
    """Document permissions are no licence to read restricted files (issue #12)."""
    client.force_login(editor)
    assert download(client, internal_document).status_code == 404


def test_unreferenced_document_is_404_anonymously(client, agent, db):
    doc = make_document("bez-procedury")
    assert download(client, doc).status_code == 404
    client.force_login(agent)
    assert download(client, doc).status_code == 200


def test_document_of_a_withdrawn_procedure_is_404_anonymously(client, procedure_index):
    doc = make_document("wycofany")
    page = ProcedurePageFactory(parent=procedure_index)
    publish(page, required_documents=[document("Wniosek", file=doc)])
    ProcedurePage.objects.filter(pk=page.pk).update(expire_at=timezone.now() - timedelta(minutes=1))
    assert download(client, doc).status_code == 404


def test_draft_only_document_is_404_anonymously(client, public_document, procedure_index):
    """A file added in a draft of a live procedure is not public until published."""
    doc = make_document("w-szkicu")
    page = ProcedurePage.objects.get(
        pk=ReferenceIndex.get_references_to(public_document).first().object_id
    )
    page.required_documents = [document("Nowy wniosek", file=doc)]
    page.save_revision()
    assert download(client, doc).status_code == 404
