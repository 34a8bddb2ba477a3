"""The procedure page: template sections, breadcrumb, documents, related procedures, markup."""

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile

from procedures.models import EFormPlatform, ProcedureDocument, RelatedProcedure
from tests.factories import ProcedurePageFactory, document, store_unchecked
from tests.procedures import files

from .conftest import assert_no_marker
from .headings import HEADINGS, STEPS


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.text, "html.parser")


def test_breadcrumb_leads_home_through_the_procedure_list(client, marked_procedure):
    soup = soup_of(client.get(marked_procedure.url))
    nav = soup.find("nav", attrs={"aria-label": "Ścieżka nawigacji"})
    items = [li.get_text(" ", strip=True).rstrip(" ›") for li in nav.find_all("li")]
    assert items == ["Strona główna", "Procedury", "Wydanie dowodu osobistego"]
    assert [a["href"] for a in nav.find_all("a")] == ["/", "/procedury/"]
    current = nav.find(attrs={"aria-current": "page"})
    assert current.get_text(strip=True) == "Wydanie dowodu osobistego"


def test_canonical_link_is_the_absolute_page_url(client, marked_procedure):
    soup = soup_of(client.get(marked_procedure.url))
    canonical = soup.find("link", rel="canonical")
    assert canonical["href"] == f"http://testserver{marked_procedure.url}"


def test_sections_follow_the_template_with_numbered_steps(client, marked_procedure):
    soup = soup_of(client.get(marked_procedure.url))
    assert [h.get_text(strip=True) for h in soup.find_all("h1")] == ["Wydanie dowodu osobistego"]
    sections = [h.get_text(strip=True) for h in soup.select("article > section > h2")]
    assert sections == [heading for heading in HEADINGS if heading != STEPS]
    steps = soup.select("ol.steps > li")
    assert len(steps) == 2
    online = steps[0].find(class_="online-mark")
    assert "bez wizyty w urzędzie" in online.get_text()
    assert steps[1].find(class_="online-mark") is None
    assert "etap możliwy do załatwienia bez wizyty w urzędzie" in soup.find(id="etapy-legenda").text
    fee = soup.find(class_="fee")
    assert "17,00\xa0zł" in fee.text and "50 1240 1037 1111 0011 0925 0073" in fee.text


def test_bip_metadata_and_authors_are_shown(client, procedure_index):
    from datetime import date

    page = ProcedurePageFactory(parent=procedure_index, information_date=date(2025, 2, 10))
    html = client.get(page.url).text
    assert "Data wytworzenia informacji" in html
    assert "10 lutego 2025" in html
    assert page.procedure_owner.name in html  # the default author is the owner
    assert page.department.name in html and page.department.unit.name in html


@pytest.fixture
def pdf_document(db):
    document_ = ProcedureDocument(title="Wniosek")
    content = files.PDF + b"0" * (120 * 1024 - len(files.PDF))
    document_.file.save("wniosek-o-odpis.pdf", ContentFile(content), save=False)
    document_._set_document_file_metadata()  # as an upload does
    document_.save()
    return document_


@pytest.fixture
def docx_form(db):
    form = ProcedureDocument(title="Formularz", is_fillable_form=True)
    form.file.save("formularz.docx", ContentFile(files.docx()), save=False)
    form._set_document_file_metadata()  # as an upload does
    form.save()
    return form


def test_documents_grouped_with_format_size_and_eforms(
    client, procedure_index, pdf_document, docx_form
):
    epuap = EFormPlatform.objects.get_or_create(name="ePUAP")[0]
    page = ProcedurePageFactory(
        parent=procedure_index,
        required_documents=[
            document(
                "Wniosek o wydanie odpisu",
                file=docx_form,
                sample_file=pdf_document,
                eforms=[(epuap, "https://epuap.gov.pl/wniosek")],
            ),
            document("Dowód osobisty", group="to_inspect"),
        ],
        other_documents=[
            {"type": "document", "value": {"name": "Klauzula RODO", "file": pdf_document.pk}}
        ],
    )
    soup = soup_of(client.get(page.url))
    headings = [h.get_text(strip=True) for h in soup.find_all("h4")]
    assert headings == ["Dokumenty do złożenia", "Dokumenty do wglądu"]
    to_submit = soup.find("h4", string="Dokumenty do złożenia").find_next("ul")
    download = to_submit.find("a", href=docx_form.url)
    assert "Pobierz formularz" in download.text
    assert "(DOCX, " in download.find_next(class_="download__meta").text
    sample = to_submit.find("a", href=pdf_document.url)
    assert sample.find_next(class_="download__meta").text == "(PDF, 120 kB)"
    assert pdf_document.url.startswith("/documents/")
    eform = to_submit.find("a", href="https://epuap.gov.pl/wniosek")
    assert "e-formularz na platformie ePUAP" in eform.text
    to_inspect = soup.find("h4", string="Dokumenty do wglądu").find_next("ul")
    assert "Dowód osobisty" in to_inspect.text
    assert "Klauzula RODO" in soup.find("h3", string="Pozostałe dokumenty").find_next("ul").text


def test_related_procedures_link_each_other_but_never_to_internal_ones(
    client, marked_procedure, hidden_procedures, procedure_index
):
    other = ProcedurePageFactory(parent=procedure_index, title="Zameldowanie na pobyt stały")
    RelatedProcedure.objects.create(page=marked_procedure, procedure=other, sort_order=0)
    RelatedProcedure.objects.create(
        page=marked_procedure, procedure=hidden_procedures["internal"], sort_order=1
    )
    RelatedProcedure.objects.create(page=other, procedure=marked_procedure, sort_order=0)

    html = client.get(marked_procedure.url).text
    assert f'<a href="{other.url}">Zameldowanie na pobyt stały</a>' in html
    assert hidden_procedures["internal"].title not in html
    assert (
        f'<a href="{marked_procedure.url}">Wydanie dowodu osobistego</a>'
        in client.get(other.url).text
    )


def test_procedure_page_shows_nothing_restricted(client, marked_procedure):
    html = client.get(marked_procedure.url).text
    assert "Anna Autorka" in html
    assert_no_marker(html)


def test_script_links_are_never_rendered(client, procedure_index):
    # The model refuses such a link now; this one was stored before it did.
    page = store_unchecked(
        ProcedurePageFactory(parent=procedure_index),
        appointment=[
            {
                "type": "booking",
                "value": {
                    "required": True,
                    "methods": [{"kind": "url", "value": "javascript:alert(1)", "note": ""}],
                },
            }
        ],
    )
    html = client.get(page.url).text
    assert 'href="javascript:' not in html
