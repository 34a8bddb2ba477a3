"""Absolute links in e-mails, the API and JSON-LD come from one setting,
``WAGTAILADMIN_BASE_URL``, which the demo derives from ``PORT``."""

import re

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from wagtail.models import Site

from procedures import roles
from procedures.links import agree_with_base_url
from tests.factories import ProcedurePageFactory
from tests.processes import run_python
from tests.staff import member

BASE = "http://127.0.0.1:8123"
URL = re.compile(r"https?://[^\s\"'<>]+")


@pytest.fixture
def demo_site(settings, home_page):
    """The site as ``make demo PORT=8123`` leaves it: the setting, and the Site seed_demo
    made agree with it."""
    settings.WAGTAILADMIN_BASE_URL = BASE
    site = Site.objects.get(is_default_site=True)
    assert agree_with_base_url(site)
    site.save()
    return site


def links_in(message):
    texts = [message.body] + [content for content, _type in message.alternatives]
    return [url for text in texts for url in URL.findall(text)]


def test_the_base_url_follows_port():
    result = run_python(
        "from django.conf import settings; print(settings.WAGTAILADMIN_BASE_URL)",
        {"DJANGO_SETTINGS_MODULE": "cms.settings.dev", "PORT": "8123"},
    )
    assert result.stdout.strip() == BASE, result.stderr


def test_the_makefile_hands_port_to_every_command():
    makefile = (settings.BASE_DIR / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^export PORT$", makefile, re.MULTILINE)


def test_workflow_emails_link_to_the_configured_site(demo_site, procedure_index):
    page = ProcedurePageFactory(parent=procedure_index)
    editor = member(roles.EDITORS, page.department, email="redaktor@uml.lodz.pl")
    moderator = member(roles.MODERATORS, email="moderator@uml.lodz.pl")
    page.save_revision(user=editor)
    state = page.get_workflow().start(page, editor)
    state.current_task_state.approve(user=moderator)

    links = [url for message in mail.outbox for url in links_in(message)]
    assert any("/admin/pages/" in url for url in links), links
    assert any(url.endswith(page.url) for url in links), links  # "You can view the page here"
    assert all(url.startswith(BASE + "/") for url in links), links


def test_api_and_jsonld_link_to_the_configured_site(client, demo_site, procedure_index):
    page = ProcedurePageFactory(parent=procedure_index, code="KA-01147")
    page.save_revision().publish()
    page.refresh_from_db()

    detail = client.get(reverse("procedures_api:detail", args=[page.pk])).json()
    assert detail["meta"]["html_url"] == BASE + page.url
    assert detail["meta"]["detail_url"].startswith(BASE + "/api/")

    service = client.get(reverse("procedures_api:jsonld", args=[page.pk])).json()["@graph"][0]
    assert service["url"] == BASE + page.url
    assert service["@id"].startswith(BASE + "/api/")
    sitemap = client.get(reverse("portal_sitemap")).content.decode()
    assert BASE + page.url in sitemap


@pytest.mark.parametrize(
    ("base", "address"),
    [
        ("http://127.0.0.1:8000", ("127.0.0.1", 8000)),
        ("https://procedury.lodz.pl/", ("procedury.lodz.pl", 443)),
        ("http://localhost", ("localhost", 80)),
    ],
)
def test_the_site_agrees_with_the_base_url(settings, base, address):
    settings.WAGTAILADMIN_BASE_URL = base
    site = Site(hostname="localhost", port=80)
    agree_with_base_url(site)
    assert (site.hostname, site.port) == address
