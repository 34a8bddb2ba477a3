"""The OpenAPI document is valid, describes only public keys, and real responses match it."""

import re

import pytest
from django.urls import reverse
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate as validate_spec
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from procedures.api.openapi import openapi_document
from procedures.api.serializers import CONTENT_FIELDS
from procedures.public import RESTRICTED_FIELDS
from tests.api.conftest import pdf, publish
from tests.factories import (
    EmployeeFactory,
    OfficeFactory,
    ProcedurePageFactory,
    document,
    legal_act,
)

DOCUMENT_URI = "urn:lckzm:openapi"
PREFIX = "/api/v2"


def _operation_for(path):
    """``(template, operation)`` of the documented GET that answers ``path``."""
    document = openapi_document()
    for template, item in document["paths"].items():
        pattern = re.sub(r"\{[^}]+\}", "[^/]+", template)
        if re.fullmatch(PREFIX + pattern, path):
            return template, item["get"]
    raise AssertionError(f"{path} is not described in the OpenAPI document")


def _response_schema(path, status, content_type):
    """The schema the document gives for ``status`` of ``path``, or None when it has no body."""
    document = openapi_document()
    _, operation = _operation_for(path)
    assert str(status) in operation["responses"], f"{status} of {path} is not documented"
    ref = operation["responses"][str(status)]["$ref"]
    response = document["components"]["responses"][ref.rsplit("/", 1)[-1]]
    content = response.get("content")
    if not content:
        return None
    media_type = content_type.split(";")[0].strip()
    assert media_type in content, f"{media_type} of {path} ({status}) is not documented"
    return {"$ref": DOCUMENT_URI + content[media_type]["schema"]["$ref"]}


def assert_matches_document(response, path):
    """Fail unless ``response`` (to a GET of ``path``) is what the OpenAPI document promises."""
    schema = _response_schema(path, response.status_code, response.get("Content-Type", ""))
    if schema is None:
        assert response.content == b""
        return
    registry = Registry().with_resource(
        DOCUMENT_URI, Resource(contents=openapi_document(), specification=DRAFT202012)
    )
    validator = Draft202012Validator(schema, registry=registry)
    errors = sorted(validator.iter_errors(response.json()), key=lambda e: list(e.path))
    assert not errors, f"{path}: " + "; ".join(
        f"{list(error.path)}: {error.message}" for error in errors[:5]
    )


@pytest.fixture
def full_procedure(procedure_index, editor):
    """A public procedure with every kind of public content the API can carry."""
    office = OfficeFactory(name="Wydział Spraw Obywatelskich", address="ul. Piotrkowska 110")
    page = ProcedurePageFactory(
        parent=procedure_index,
        code="KA-01147",
        authors=[EmployeeFactory(name="Anna Autorka", position="inspektor")],
        places=[{"type": "office", "value": office.pk}],
        required_documents=[
            document("Wniosek", file=pdf("wniosek")),
            document("Dowód", group="to_inspect"),
        ],
        other_documents=[
            {"type": "document", "value": {"name": "Ulotka", "file": pdf("ulotka").pk}}
        ],
        legal_basis=[legal_act("Ustawa o dowodach osobistych", url="https://isap.sejm.gov.pl/")],
        processing_time_value=30,
        processing_time_unit="dni",
    )
    return publish(page, user=editor)


def test_document_is_valid_openapi(client, db):
    response = client.get("/api/v2/openapi.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    document = response.json()
    assert document == openapi_document()
    validate_spec(document)
    for schema in document["components"]["schemas"].values():
        Draft202012Validator.check_schema(schema)


def test_item_schema_describes_public_keys_only():
    schemas = openapi_document()["components"]["schemas"]
    content = schemas["ProcedureContent"]["properties"]
    assert set(content) == set(CONTENT_FIELDS)
    assert not set(content) & set(RESTRICTED_FIELDS)
    assert set(schemas["Procedure"]["properties"]) == {"id", "meta", "bip"}
    # The item schemas are closed: a restricted key in a response would fail validation.
    registry = Registry().with_resource(
        DOCUMENT_URI, Resource(contents=openapi_document(), specification=DRAFT202012)
    )
    item_schema = {"$ref": DOCUMENT_URI + "#/components/schemas/ListingItem"}
    item = {"id": 1, "meta": {}, "title": "T", "code": "KA-01147", "faq": []}
    errors = list(Draft202012Validator(item_schema, registry=registry).iter_errors(item))
    assert any("faq" in error.message for error in errors)


def test_documented_routes_exist():
    """Every documented path but the history (served by its own module) resolves."""
    for name, kwargs in [
        ("listing", {}),
        ("detail", {"pk": 1}),
        ("by_code", {"code": "KA-01147"}),
        ("jsonld", {"pk": 1}),
    ]:
        _operation_for(reverse(f"procedures_api:{name}", kwargs=kwargs))


def test_real_responses_match_the_document(client, full_procedure):
    other = publish(ProcedurePageFactory(parent=full_procedure.get_parent(), code="KA-01148"))
    pk = full_procedure.pk
    paths = [
        "/api/v2/procedures/",
        "/api/v2/procedures/?fields=*",
        "/api/v2/procedures/?fields=summary,fees,bip&limit=1&offset=1",
        "/api/v2/procedures/?code=ka-01147&fields=required_documents,other_documents",
        "/api/v2/procedures/?limit=101",
        "/api/v2/procedures/?limit=x",
        "/api/v2/procedures/?fields=faq",
        "/api/v2/procedures/?unknown=1",
        f"/api/v2/procedures/{pk}/",
        f"/api/v2/procedures/{other.pk}/",
        f"/api/v2/procedures/{pk}/?fields=title",
        "/api/v2/procedures/999999/",
        "/api/v2/procedures/code/KA-01147/",
        "/api/v2/procedures/code/ZZ-00000/",
        f"/api/v2/procedures/{pk}/jsonld/",
        "/api/v2/procedures/999999/jsonld/",
    ]
    statuses = set()
    for path in paths:
        response = client.get(path)
        statuses.add(response.status_code)
        assert_matches_document(response, path.split("?")[0])
    assert statuses == {200, 400, 404}


def test_not_modified_matches_the_document(client, full_procedure):
    path = f"/api/v2/procedures/{full_procedure.pk}/"
    etag = client.get(path)["ETag"]
    response = client.get(path, headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert_matches_document(response, path)


def test_history_matches_the_document(client, full_procedure):
    path = reverse("procedures_api:history", args=[full_procedure.pk])
    register = client.get(path)
    assert register.status_code == 200
    assert_matches_document(register, path)
    published_at = register.json()["items"][-1]["published_at"]
    version = client.get(path, {"at": published_at})
    assert version.status_code == 200 and version.json()["revision_id"]
    assert_matches_document(version, path)
    for query in ({"at": "x"}, {"at": "2000-01-01T00:00:00"}, {"other": "1"}):
        response = client.get(path, query)
        assert response.status_code in (400, 404)
        assert_matches_document(response, path)
    not_modified = client.get(path, headers={"If-None-Match": register["ETag"]})
    assert not_modified.status_code == 304
    assert_matches_document(not_modified, path)


def test_every_operation_documents_the_rate_limit_and_its_errors():
    document = openapi_document()
    for template, item in document["paths"].items():
        responses = item["get"]["responses"]
        assert {"200", "304", "400", "429"} <= set(responses), template
    assert "Allow" in document["components"]["responses"]["MethodNotAllowed"]["headers"]


def test_docs_page_lists_endpoints_and_schemas(client, db):
    response = client.get("/api/v2/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="pl">' in html
    for path in openapi_document()["paths"]:
        assert f"GET /api/v2{path}" in html
    assert 'id="schemat-ProcedureContent"' in html
    assert "<caption>" in html and 'scope="col"' in html
    # Nothing is fetched from other hosts: no CDN scripts or stylesheets.
    assert not re.search(r'<(script|link)[^>]+(src|href)="(https?:)?//(?!testserver/)', html)
