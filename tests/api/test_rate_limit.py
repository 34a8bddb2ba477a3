"""The anonymous rate limit of the API: 429 with Retry-After, exemptions, the portal free."""

from django.contrib.auth.models import Group
from django.test import override_settings

from procedures import roles
from tests.factories import UserFactory


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


@override_settings(API_RATE_LIMIT="2/60")
def test_a_made_up_session_cookie_is_limited_like_any_client(client, db):
    client.cookies["sessionid"] = "not-a-session-anyone-was-given"
    statuses = [client.get("/api/v2/procedures/").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]


@override_settings(API_RATE_LIMIT="2/60")
def test_an_anonymous_session_is_limited(client, db):
    session = client.session  # a real session in the store, but no one logged in
    session["seen"] = True
    session.save()
    statuses = [client.get("/api/v2/procedures/").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]


@override_settings(API_RATE_LIMIT="2/60")
def test_a_logged_in_staff_member_is_not_limited(client, db):
    moderator = UserFactory(groups=[Group.objects.get(name=roles.MODERATORS)])
    client.force_login(moderator)
    assert {client.get("/api/v2/procedures/").status_code for _ in range(4)} == {200}


@override_settings(API_RATE_LIMIT="2/60")
def test_a_logged_in_user_without_admin_access_is_limited(client, db):
    client.force_login(UserFactory())
    statuses = [client.get("/api/v2/procedures/").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]


@override_settings(
    API_RATE_LIMIT="2/60", API_CLIENT_IP_HEADER="HTTP_X_FORWARDED_FOR", API_TRUSTED_PROXY_COUNT=1
)
def test_a_rotating_left_most_forwarded_address_does_not_escape_the_limit(client, db):
    statuses = [
        client.get(
            "/api/v2/procedures/",
            headers={"X-Forwarded-For": f"10.9.{n}.1, 203.0.113.7"},
            REMOTE_ADDR="192.0.2.1",  # the city's proxy
        ).status_code
        for n in range(3)
    ]
    assert statuses == [200, 200, 429]
    other = client.get(
        "/api/v2/procedures/",
        headers={"X-Forwarded-For": "203.0.113.8"},
        REMOTE_ADDR="192.0.2.1",
    )
    assert other.status_code == 200  # another client behind the same proxy


@override_settings(API_RATE_LIMIT="2/60")
def test_without_trusted_proxies_forwarded_addresses_are_ignored(client, db):
    statuses = [
        client.get("/api/v2/procedures/", headers={"X-Forwarded-For": f"10.0.0.{n}"}).status_code
        for n in range(3)
    ]
    assert statuses == [200, 200, 429]
