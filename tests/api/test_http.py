"""Conditional requests, caching headers and CORS."""

from django.test import override_settings

from tests.api.conftest import publish

LISTING = "/api/v2/procedures/"


def test_detail_etag_and_last_modified(client, procedure):
    url = f"/api/v2/procedures/{procedure.pk}/"
    response = client.get(url)
    assert response["ETag"]
    assert response["Last-Modified"]
    assert "public" in response["Cache-Control"] and "max-age=60" in response["Cache-Control"]
    assert client.get(url, headers={"If-None-Match": response["ETag"]}).status_code == 304
    modified = client.get(url, headers={"If-Modified-Since": response["Last-Modified"]})
    assert modified.status_code == 304
    assert client.get(url, headers={"If-None-Match": '"other"'}).status_code == 200


def test_listing_etag_changes_with_content(client, procedure):
    first = client.get(LISTING)
    assert first["Last-Modified"]
    assert client.get(LISTING, headers={"If-None-Match": first["ETag"]}).status_code == 304
    procedure.title = "Dowód osobisty – nowa wersja"
    publish(procedure)
    again = client.get(LISTING, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 200
    assert again["ETag"] != first["ETag"]


@override_settings(API_CORS_ALLOWED_ORIGINS=["https://bip.uml.lodz.pl"])
def test_cors_for_allowed_origin_only(client, procedure):
    allowed = client.get(LISTING, headers={"Origin": "https://bip.uml.lodz.pl"})
    assert allowed["Access-Control-Allow-Origin"] == "https://bip.uml.lodz.pl"
    assert "Origin" in allowed["Vary"]
    other = client.get(LISTING, headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in other
    assert "Origin" in other["Vary"]
    error = client.get(LISTING, {"limit": "x"}, headers={"Origin": "https://bip.uml.lodz.pl"})
    assert error["Access-Control-Allow-Origin"] == "https://bip.uml.lodz.pl"


def test_no_cors_without_the_setting(client, procedure):
    response = client.get(LISTING, headers={"Origin": "https://bip.uml.lodz.pl"})
    assert "Access-Control-Allow-Origin" not in response
