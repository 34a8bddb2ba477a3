"""schema.org GovernmentService on procedure pages: public fields only, safely embedded."""

import json

from bs4 import BeautifulSoup
from django.test import RequestFactory

from procedures.linked_data import government_service, postal_address
from procedures.public import PublicProcedure
from tests.factories import CategoryFactory, OfficeFactory, ProcedurePageFactory, fee, marker

from .conftest import MARKERS, assert_no_marker


def jsonld_of(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    scripts = BeautifulSoup(response.text, "html.parser").find_all(
        "script", type="application/ld+json"
    )
    assert len(scripts) == 1
    return json.loads(scripts[0].string), response.text


def test_procedure_page_describes_a_government_service(client, marked_procedure):
    data, html = jsonld_of(client, marked_procedure)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "GovernmentService"
    assert data["name"] == "Wydanie dowodu osobistego"
    assert data["identifier"] == "KA-01147"
    assert data["description"] == marked_procedure.summary
    assert data["url"] == f"http://testserver{marked_procedure.url}"
    assert data["areaServed"] == {"@type": "City", "name": "Łódź"}
    assert data["serviceType"] == ["Sprawy obywatelskie"]
    provider = data["provider"]
    assert provider["@type"] == "GovernmentOrganization"
    assert provider["name"] == marked_procedure.department.name
    assert provider["parentOrganization"]["name"] == marked_procedure.department.unit.name
    assert data["offers"] == [
        {"@type": "Offer", "name": "opłata skarbowa", "price": "17.00", "priceCurrency": "PLN"}
    ]


def test_jsonld_holds_no_restricted_value(client, marked_procedure):
    data, html = jsonld_of(client, marked_procedure)
    assert_no_marker(json.dumps(data, ensure_ascii=False))
    assert_no_marker(html)


def test_places_with_an_address_become_channels(client, procedure_index):
    office = OfficeFactory(
        name="Sala obsługi", address="ul. Piotrkowska 110, 90-447 Łódź", phones="+48 42 638 44 44"
    )
    phone_only = OfficeFactory(name="Infolinia", address="")
    page = ProcedurePageFactory(
        parent=procedure_index,
        places=[{"type": "office", "value": office.pk}, {"type": "office", "value": phone_only.pk}],
        fees=[marker("none")],
    )
    data, _ = jsonld_of(client, page)
    assert "offers" not in data  # "brak opłat"
    assert len(data["availableChannel"]) == 1
    channel = data["availableChannel"][0]
    assert channel["@type"] == "ServiceChannel"
    assert channel["serviceLocation"]["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "ul. Piotrkowska 110",
        "postalCode": "90-447",
        "addressLocality": "Łódź",
        "addressCountry": "PL",
    }
    assert channel["servicePhone"]["telephone"] == "+48 42 638 44 44"


def test_script_end_tag_in_content_cannot_break_out(client, procedure_index):
    hostile = "</script><script>alert('x')</script> & <!-- "
    page = ProcedurePageFactory(
        parent=procedure_index,
        summary=hostile,
        fees=[fee("opłata </script>", "10.50")],
        categories=[CategoryFactory(name="Kategoria </SCRIPT>")],
    )
    data, html = jsonld_of(client, page)
    assert data["description"] == hostile
    assert data["offers"][0]["price"] == "10.50"
    opening = '<script type="application/ld+json">'
    start = html.index(opening) + len(opening)
    embedded = html[start : html.index("</script>", start)]
    assert "<" not in embedded  # no "</script>", no "<!--": the element ends where we end it
    assert json.loads(embedded) == data


def test_builder_reads_only_public_fields(marked_procedure):
    request = RequestFactory().get("/")
    data = government_service(PublicProcedure(marked_procedure), request)
    assert data["url"] == f"http://testserver{marked_procedure.url}"
    assert marked_procedure.cc_other == MARKERS["cc_other"]  # the markers are there to leak
    assert_no_marker(json.dumps(data, ensure_ascii=False))


def test_postal_address_without_postal_code():
    assert postal_address("ul. Piotrkowska 110 (wejście od al. Schillera), Łódź") == {
        "@type": "PostalAddress",
        "streetAddress": "ul. Piotrkowska 110 (wejście od al. Schillera)",
        "addressLocality": "Łódź",
        "addressCountry": "PL",
    }
