"""Every response carries a Content-Security-Policy: strict on the portal, the Call Center
and the API, relaxed only as far as Wagtail's admin needs on /admin/. The CSRF cookie is
out of reach of scripts."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.urls import reverse

from procedures import roles
from tests.factories import UserFactory


def policy(response):
    """The enforced policy as ``{directive: [values]}``."""
    header = response.headers.get("Content-Security-Policy")
    assert header, f"no Content-Security-Policy on {response.request['PATH_INFO']}"
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def assert_strict(response):
    directives = policy(response)
    for source in ("script-src", "style-src"):
        values = directives[source]
        assert "'unsafe-inline'" not in values, source
        assert "'unsafe-eval'" not in values, source
        assert all(v == "'self'" or v.startswith("'nonce-") for v in values), values
    assert directives["default-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]


def staff(client, group_name):
    client.force_login(UserFactory(groups=[Group.objects.get(name=group_name)]))
    return client


def test_portal_pages_have_the_strict_policy(client, procedure):
    urls = [
        "/",
        procedure.url,
        procedure.url,  # the second one comes from the page cache
        "/procedury/",
        reverse("search") + "?q=zaświadczenie",
        reverse("accessibility_statement"),
        "/nie-ma-takiej-strony/",
        "/robots.txt",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        assert_strict(response)
    assert response.status_code == 200
    assert client.get(procedure.url).headers.get("X-Cache") == "HIT"
    assert_strict(client.get(procedure.url))


def test_api_responses_have_the_strict_policy(client, procedure):
    for url in ["/api/v2/procedures/", f"/api/v2/procedures/{procedure.code}/", "/api/v2/docs/"]:
        assert_strict(client.get(url))


def test_the_call_center_has_the_strict_policy(client, procedure):
    staff(client, roles.CALL_CENTER)
    for url in [
        reverse("callcenter:search"),
        reverse("callcenter:procedure", args=[procedure.code]),
    ]:
        response = client.get(url)
        assert response.status_code == 200
        assert_strict(response)


def test_the_admin_allows_inline_code_of_its_own_and_nothing_from_elsewhere(client, procedure):
    staff(client, roles.MODERATORS)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[procedure.pk]))
    assert response.status_code == 200
    directives = policy(response)
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'", "'unsafe-inline'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    # The preview panel frames the admin's own preview, and nothing else may frame it.
    assert directives["frame-ancestors"] == ["'self'"]
    assert all("http" not in value for values in directives.values() for value in values)


def test_the_admin_login_page_has_a_policy(client, db):
    response = client.get(reverse("wagtailadmin_login"))
    assert response.status_code == 200
    assert policy(response)["object-src"] == ["'none'"]


def test_the_csrf_cookie_is_not_readable_by_scripts(client, db):
    assert settings.CSRF_COOKIE_HTTPONLY
    response = client.get(reverse("wagtailadmin_login"))
    cookie = response.cookies[settings.CSRF_COOKIE_NAME]
    assert cookie["httponly"]
