"""The API never answers 500 and always answers JSON: out-of-range values, unknown
addresses and other methods each get a status and a ``{"message": ...}`` body."""

import pytest
from django.test import Client

LISTING = "/api/v2/procedures/"


def assert_json_error(response, status):
    assert response.status_code == status, response.content[:200]
    assert response["Content-Type"] == "application/json"
    assert response.json()["message"]


@pytest.mark.parametrize("suffix", ["", "history/", "jsonld/"])
def test_an_id_beyond_64_bits_is_a_json_404(client, procedure, suffix):
    assert_json_error(client.get(f"{LISTING}{2**70}/{suffix}"), 404)
    assert_json_error(client.get(f"{LISTING}{2**63}/{suffix}"), 404)
    assert_json_error(client.get(f"{LISTING}{2**63 - 1}/{suffix}"), 404)


def test_a_huge_offset_is_a_400(client, procedure):
    assert_json_error(client.get(LISTING, {"offset": str(10**20)}), 400)
    assert "offset" in client.get(LISTING, {"offset": str(10**20)}).json()["message"]
    assert client.get(LISTING, {"offset": "1000"}).json()["items"] == []


@pytest.mark.parametrize(
    "moment",
    [
        "0001-01-01T00:00:00",
        "0001-01-01T00:00:00+05:00",
        "9999-12-31T23:59:59-05:00",
    ],
)
def test_a_moment_out_of_range_is_a_400(client, procedure, moment):
    assert_json_error(client.get(LISTING, {"updated_since": moment}), 400)
    history = f"{LISTING}{procedure.pk}/history/"
    assert_json_error(client.get(history, {"at": moment}), 400)


def test_the_first_and_last_moments_that_exist_are_answered(client, procedure):
    response = client.get(LISTING, {"updated_since": "0001-01-01T00:00:00+00:00"})
    assert response.status_code == 200
    assert [item["code"] for item in response.json()["items"]] == ["KA-01147"]
    response = client.get(LISTING, {"updated_since": "9999-12-31T23:59:59"})
    assert response.status_code == 200 and response.json()["items"] == []


@pytest.mark.parametrize(
    "path", ["/api/v2/nope/", "/api/v2/procedures/x/", "/api/", "/api/v1/procedures/", "/api/x"]
)
def test_an_unknown_address_is_a_json_404(client, db, path):
    assert_json_error(client.get(path), 404)
    assert_json_error(Client(enforce_csrf_checks=True).post(path), 404)


def test_an_address_without_its_final_slash_is_redirected(client, db):
    response = client.get("/api/v2/procedures?limit=1")
    assert response.status_code == 301
    assert response["Location"] == "/api/v2/procedures/?limit=1"
    assert response["Content-Type"] == "application/json"


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "options"])
@pytest.mark.parametrize(
    "path",
    [
        LISTING,
        "{listing}{pk}/",
        "{listing}{pk}/history/",
        "{listing}{pk}/jsonld/",
        "/api/v2/procedures/code/KA-01147/",
        "/api/v2/openapi.json",
        "/api/v2/docs/",
    ],
)
def test_other_methods_are_a_405_with_allow_not_a_csrf_403(procedure, method, path):
    client = Client(enforce_csrf_checks=True)
    response = getattr(client, method)(path.format(listing=LISTING, pk=procedure.pk))
    assert_json_error(response, 405)
    assert response["Allow"] == "GET, HEAD"


def test_a_nul_character_is_a_json_400(client, db):
    assert_json_error(client.get(LISTING, {"search": "a\x00b"}), 400)


def test_a_server_error_under_the_api_is_json(client, db, monkeypatch):
    from procedures.api import views

    def broken(*args, **kwargs):
        raise RuntimeError("broken on purpose")

    monkeypatch.setattr(views, "public_procedures", broken)
    client.raise_request_exception = False
    assert_json_error(client.get(LISTING), 500)


def test_any_utc_offset_python_reads_is_answered(client, procedure):
    # PostgreSQL refuses offsets beyond ±15:59; the moment is the same one in UTC.
    response = client.get(LISTING, {"updated_since": "2000-01-01T00:00:00+19:26"})
    assert response.status_code == 200
    assert [item["code"] for item in response.json()["items"]] == ["KA-01147"]
