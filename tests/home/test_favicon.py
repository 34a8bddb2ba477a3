"""The site's icon: ``/favicon.ico`` leads to it and every kind of page links to it."""

import pytest
from django.contrib.staticfiles import finders
from django.test import Client
from django.urls import reverse

from tests.factories import UserFactory

ICON = "/static/img/favicon.svg"


def test_favicon_ico_leads_to_the_icon(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"] == ICON
    assert "max-age=86400" in response["Cache-Control"]
    icon = finders.find("img/favicon.svg")
    with open(icon, encoding="utf-8") as svg:
        assert svg.read().startswith("<svg")


@pytest.mark.parametrize(
    ("who", "url"),
    [
        ("anonymous", "/"),
        ("anonymous", "/nie-ma-takiej-strony/"),
        ("anonymous", "/admin/login/"),
        ("staff", "/admin/"),
        ("staff", "/call-center/"),
    ],
)
def test_pages_link_to_the_icon(home_page, who, url):
    client = Client()
    if who == "staff":
        client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.get(url, follow=True)
    assert f'<link rel="icon" href="{ICON}" type="image/svg+xml">' in response.content.decode()


def test_the_admin_names_no_other_icon(admin_client):
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "wagtailadmin/images/favicon.ico" not in html
