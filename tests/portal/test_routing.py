"""The portal routes a public procedure in one query (home.routing) and answers every
other address exactly as Wagtail's own routing does."""

from datetime import timedelta

import pytest
from django.test import RequestFactory
from django.utils import timezone
from wagtail.models import PageViewRestriction, Site

from home import routing
from tests.factories import ProcedurePageFactory


def test_a_public_procedure_is_routed_in_one_query_after_the_site(
    rf, procedure, django_assert_num_queries
):
    request, default = rf.get(procedure.url), Site.objects.get(is_default_site=True)
    with django_assert_num_queries(1):
        assert routing.site_for(request) == default
    with django_assert_num_queries(1):
        page = routing.public_procedure_at(request, procedure.url.lstrip("/"))
    assert page.pk == procedure.pk and page.public_now and page.open_to_all
    assert request._wagtail_site == default


@pytest.mark.parametrize(
    "host",
    [
        "localhost",
        "localhost:8000",
        "procedury.example.org",
        "procedury.example.org:8080",
        "bip.example.org",
        "bip.example.org:443",
        "inny.example.org",
        "inny.example.org:81",
        "nieznany.example.org",
    ],
)
def test_the_site_is_the_one_wagtail_chooses(rf, home_page, host):
    Site.objects.create(hostname="procedury.example.org", port=80, root_page=home_page)
    Site.objects.create(hostname="procedury.example.org", port=8080, root_page=home_page)
    Site.objects.create(hostname="bip.example.org", port=443, root_page=home_page)
    Site.objects.create(hostname="inny.example.org", port=80, root_page=home_page)
    Site.objects.create(hostname="inny.example.org", port=81, root_page=home_page)
    request = _at(rf, host)
    found = routing.site_for(request)
    expected = Site._find_for_request(_at(rf, host))
    assert (found and found.pk) == (expected and expected.pk)
    if found is not None:
        assert found.root_url_path == home_page.url_path and found.root_path == home_page.path


def test_another_port_of_the_default_sites_host_is_the_default_site(rf, home_page):
    Site.objects.filter(is_default_site=True).update(hostname="procedury.example.org", port=80)
    Site.objects.create(hostname="procedury.example.org", port=8080, root_page=home_page)
    for host in ("procedury.example.org:9000", "procedury.example.org:8080"):
        expected = Site._find_for_request(_at(rf, host))
        found = routing.site_for(_at(rf, host))
        assert found is not None and found.pk == expected.pk


def test_without_a_default_site_an_unknown_host_has_none(rf, home_page):
    Site.objects.update(is_default_site=False)
    Site.objects.create(hostname="inny.example.org", port=80, root_page=home_page)
    Site.objects.create(hostname="inny.example.org", port=81, root_page=home_page)
    for host in ("nieznany.example.org", "inny.example.org:82"):
        expected = Site._find_for_request(_at(rf, host))
        found = routing.site_for(_at(rf, host))
        assert (found and found.pk) == (expected and expected.pk)


@pytest.mark.parametrize(
    "restriction_type", [PageViewRestriction.LOGIN, PageViewRestriction.PASSWORD]
)
def test_a_view_restriction_of_the_procedure_list_still_applies(
    client, procedure_index, procedure, restriction_type
):
    PageViewRestriction.objects.create(
        page=procedure_index, restriction_type=restriction_type, password="tajne"
    )
    response = client.get(procedure.url)
    assert response.status_code in (200, 302)
    assert procedure.title not in response.text
    assert (
        routing.public_procedure_at(_request_for(procedure), procedure.url.lstrip("/")).open_to_all
        is False
    )


def test_a_view_restriction_of_the_procedure_itself_still_applies(client, procedure):
    PageViewRestriction.objects.create(page=procedure, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(procedure.url)
    assert response.status_code == 302 and "login" in response["Location"]


def test_procedures_that_are_not_public_are_answered_by_wagtail_as_before(client, procedure_index):
    now = timezone.now()
    internal = ProcedurePageFactory(parent=procedure_index, is_internal=True)
    future = ProcedurePageFactory(parent=procedure_index, go_live_at=now + timedelta(days=1))
    withdrawn = ProcedurePageFactory(parent=procedure_index, expire_at=now - timedelta(days=1))
    for page in (internal, future, withdrawn):
        assert routing.public_procedure_at(_request_for(page), page.url.lstrip("/")) is None
    assert client.get(internal.url).status_code == 404
    assert client.get(future.url).status_code == 404
    assert client.get(withdrawn.url).status_code == 410


def test_an_address_that_is_not_a_procedures_costs_no_extra_query(
    client, home_page, django_assert_num_queries
):
    request = _request_for(home_page)
    with django_assert_num_queries(0):
        assert routing.public_procedure_at(request, "informacje/") is None


def _at(rf, host):
    """A request to ``host`` (``name:port``), its port as the server's (``get_port()``)."""
    return rf.get("/", HTTP_HOST=host, SERVER_PORT=host.partition(":")[2] or "80")


def _request_for(page):
    return RequestFactory().get(page.url, HTTP_HOST="localhost")
