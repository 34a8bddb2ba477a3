"""The listing: Wagtail v2 shape, stable order, pagination, fields and bad parameters."""

import pytest

from procedures.interchange.mapping import KEYS
from tests.api.conftest import publish
from tests.factories import ProcedurePageFactory

URL = "/api/v2/procedures/"


@pytest.fixture
def procedures(procedure_index):
    return [
        publish(ProcedurePageFactory(parent=procedure_index, code=code))
        for code in ("KA-00003", "KA-00001", "KA-00002")
    ]


def test_listing_shape_and_order(client, procedures):
    response = client.get(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert data["meta"] == {"total_count": 3}
    assert [item["code"] for item in data["items"]] == ["KA-00001", "KA-00002", "KA-00003"]
    item = data["items"][0]
    assert set(item) == {"id", "meta", "title", "code"}
    assert item["meta"]["type"] == "procedures.ProcedurePage"
    assert item["meta"]["code"] == "KA-00001"
    assert item["meta"]["detail_url"] == f"http://testserver/api/v2/procedures/{item['id']}/"
    first = next(page for page in procedures if page.code == "KA-00001")
    assert item["meta"]["html_url"] == f"http://testserver{first.url}"


def test_limit_and_offset(client, procedures):
    data = client.get(URL, {"limit": 1, "offset": 1}).json()
    assert data["meta"]["total_count"] == 3
    assert [item["code"] for item in data["items"]] == ["KA-00002"]
    assert client.get(URL, {"offset": 10}).json()["items"] == []


def test_code_filter(client, procedures):
    data = client.get(URL, {"code": "ka-00002"}).json()
    assert data["meta"]["total_count"] == 1
    assert data["items"][0]["code"] == "KA-00002"


def test_fields_add_public_keys(client, procedures):
    item = client.get(URL, {"fields": "summary,steps,bip"}).json()["items"][0]
    assert set(item) == {"id", "meta", "title", "code", "summary", "steps", "bip"}
    assert item["steps"][0]["name"] == "Złóż wniosek"
    assert item["bip"]["published_at"]


def test_fields_star_gives_every_public_key(client, procedures):
    item = client.get(URL, {"fields": "*"}).json()["items"][0]
    public = {key.name for key in KEYS if key.public}
    restricted = {key.name for key in KEYS if not key.public}
    assert {"summary", "steps", "required_documents", "bip"} <= set(item)
    assert set(item) - {"id", "meta", "bip"} <= public
    assert not set(item) & restricted


@pytest.mark.parametrize(
    ("params", "fragment"),
    [
        ({"limit": "abc"}, "limit must be a whole number"),
        ({"limit": "101"}, "not be higher than 100"),
        ({"offset": "-1"}, "offset must not be negative"),
        ({"fields": "faq"}, "faq"),
        ({"fields": "cc_other"}, "cc_other"),
        ({"fields": "title,owner"}, "owner"),
        ({"page": "2"}, "Unknown query parameter"),
    ],
)
def test_bad_parameters_are_400_with_a_message(client, procedures, params, fragment):
    response = client.get(URL, params)
    assert response.status_code == 400
    message = response.json()["message"]
    assert fragment in message


def test_field_error_lists_the_allowed_fields(client, procedures):
    message = client.get(URL, {"fields": "faq"}).json()["message"]
    assert "Allowed fields:" in message
    assert "summary" in message
    assert "cc_description" not in message


def test_only_get_and_head(client, procedures):
    assert client.post(URL).status_code == 405
    assert client.head(URL).status_code == 200
