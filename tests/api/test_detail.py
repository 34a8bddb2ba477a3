"""One procedure by id or code: public keys, BIP metadata, 404 for what is not public."""

from datetime import timedelta

import pytest
from django.utils import timezone

from procedures.interchange.files import DocumentDumper
from procedures.interchange.mapping import dump_procedure
from procedures.public import PublicProcedure
from tests.api.conftest import pdf, publish
from tests.factories import ProcedurePageFactory, document


def test_detail_by_id_has_every_public_key(client, procedure, editor):
    response = client.get(f"/api/v2/procedures/{procedure.pk}/")
    assert response.status_code == 200
    data = response.json()
    assert data["id"] == procedure.pk
    assert data["meta"]["type"] == "procedures.ProcedurePage"
    assert data["meta"]["first_published_at"]
    assert data["meta"]["last_published_at"]
    exported = dump_procedure(procedure, documents=DocumentDumper())
    assert set(data) - {"id", "meta", "bip"} == set(exported)
    assert data["code"] == "KA-01147"
    assert data["steps"] == exported["steps"]


def test_detail_by_code_is_the_same(client, procedure):
    by_id = client.get(f"/api/v2/procedures/{procedure.pk}/").json()
    assert client.get("/api/v2/procedures/code/KA-01147/").json() == by_id
    assert client.get("/api/v2/procedures/code/ka-01147/").json() == by_id


def test_bip_metadata(client, procedure, editor):
    bip = client.get(f"/api/v2/procedures/{procedure.pk}/").json()["bip"]
    author = procedure.information_authors.get().employee
    assert bip["publishing_entity"] == procedure.department.unit.name
    assert bip["information_authors"] == [{"name": author.name, "position": author.position}]
    assert bip["entered_by"] == "Anna Nowak"
    assert bip["published_at"] == timezone.localtime(procedure.first_published_at).isoformat()
    assert bip["last_published_at"]
    info_date = PublicProcedure(procedure).information_date
    assert bip["information_date"] == (info_date.isoformat() if info_date else None)
    assert bip["valid_from"] is None and bip["valid_to"] is None


def test_entered_by_is_never_an_email(client, procedure_index):
    from tests.factories import UserFactory

    user = UserFactory(username="jan@uml.lodz.pl", first_name="", last_name="")
    page = publish(ProcedurePageFactory(parent=procedure_index), user=user)
    response = client.get(f"/api/v2/procedures/{page.pk}/")
    assert response.json()["bip"]["entered_by"] is None
    assert "jan@uml.lodz.pl" not in response.text


def test_documents_have_absolute_urls_size_and_format(client, procedure_index):
    doc = pdf("wniosek")
    page = publish(
        ProcedurePageFactory(
            parent=procedure_index, required_documents=[document("Wniosek", file=doc)]
        )
    )
    entry = client.get(f"/api/v2/procedures/{page.pk}/").json()["required_documents"]["to_submit"][
        0
    ]
    assert entry["file"] == f"http://testserver{doc.url}"
    assert entry["file_size"] == doc.file_size > 0
    assert entry["file_format"] == "pdf"
    assert entry["sample_file"] is None


@pytest.mark.parametrize("kind", ["internal", "expired", "future", "draft"])
def test_non_public_procedures_are_404(client, procedure_index, kind):
    now = timezone.now()
    attrs = {
        "internal": {"is_internal": True},
        "expired": {"expire_at": now - timedelta(days=1)},
        "future": {"go_live_at": now + timedelta(days=1)},
        "draft": {"live": False},
    }[kind]
    page = ProcedurePageFactory(parent=procedure_index, code="KA-09001", **attrs)
    if kind != "draft":
        publish(page)
        page.refresh_from_db()
        # Publishing a scheduled page keeps it unpublished; keep the state under test.
        type(page).objects.filter(pk=page.pk).update(live=True, **attrs)
    for url in (f"/api/v2/procedures/{page.pk}/", "/api/v2/procedures/code/KA-09001/"):
        response = client.get(url)
        assert response.status_code == 404
        assert response.json()["message"]
    assert client.get("/api/v2/procedures/").json()["meta"]["total_count"] == 0


def test_unknown_id_and_parameters(client, procedure):
    assert client.get("/api/v2/procedures/999999/").status_code == 404
    response = client.get(f"/api/v2/procedures/{procedure.pk}/", {"fields": "faq"})
    assert response.status_code == 400
    assert "Unknown query parameter" in response.json()["message"]
