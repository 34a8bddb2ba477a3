"""The anonymous rate limit of the API: 429 with Retry-After, exemptions, the portal free."""

from django.test import override_settings


@override_settings(API_RATE_LIMIT="3/60")
def test_anonymous_clients_are_limited_per_address(client, db):
    statuses = [client.get("/api/v2/procedures/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    response = client.get("/api/v2/procedures/")
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 60
    assert "Too many requests" in response.json()["message"]
    other = client.get("/api/v2/procedures/", REMOTE_ADDR="10.1.2.3")
    assert other.status_code == 200  # another client has its own count


@override_settings(API_RATE_LIMIT="1/60", API_RATE_LIMIT_EXEMPT=["127.0.0.1"])
def test_exempt_address_is_not_limited(client, db):
    assert {client.get("/api/v2/procedures/").status_code for _ in range(3)} == {200}


@override_settings(API_RATE_LIMIT="1/60")
def test_portal_is_not_limited(client, procedure_index):
    assert {client.get("/").status_code for _ in range(3)} == {200}
