"""The "Zgłoś błąd w opisie" form: a plain HTML post, without JavaScript, files exactly one
update request from a resident; spam, floods, oversized and bad input are refused with a
Polish message naming the field, keeping what the resident typed."""

import pytest
from django.test import Client, override_settings

from procedures.models import UpdateRequest
from tests.factories import ProcedurePageFactory, fill_restricted_fields, find_markers

pytestmark = pytest.mark.django_db

TEXT = "Godziny pracy punktu przy ul. Piotrkowskiej 110 są nieaktualne: od grudnia do 18:00."


def report_url(procedure):
    return f"/opinie/{procedure.code}/zgloszenie/"


def browser():
    """A client like a browser without JavaScript: CSRF enforced, no token in the form."""
    return Client(enforce_csrf_checks=True)


def post(client, procedure, **data):
    values = {"description": TEXT, "section": "termin-i-miejsce", "email": "", "strona_www": ""}
    values.update(data)
    return client.post(report_url(procedure), values)


def test_the_procedure_page_ends_with_both_questions_and_holds_no_token(public_procedure):
    client = browser()
    first = client.get(public_procedure.url)
    again = client.get(public_procedure.url)

    assert again["X-Cache"] == "HIT"  # the whole page, form included, comes from the cache
    html = again.content.decode()
    assert html == first.content.decode()
    assert "Czy ta informacja była pomocna?" in html
    assert ">Tak</button>" in html and ">Nie</button>" in html
    assert "<summary>Zgłoś błąd w opisie</summary>" in html
    assert f'action="/opinie/{public_procedure.code}/zgloszenie/"' in html
    assert f'action="/opinie/{public_procedure.code}/ocena/"' in html
    assert "csrfmiddlewaretoken" not in html
    assert "Set-Cookie" not in again.headers
    # The form comes after the description's last section.
    assert html.index('id="realizator"') < html.index("Czy ta informacja była pomocna?")


def test_a_valid_report_from_a_cached_page_files_exactly_one_resident_request(public_procedure):
    client = browser()
    client.get(public_procedure.url)  # the page now in the cache, as a resident gets it

    response = post(client, public_procedure, email="mieszkanka@example.pl")

    assert response.status_code == 303
    assert response["Location"] == f"/opinie/{public_procedure.code}/zgloszenie/dziekujemy/"
    request = UpdateRequest.objects.get()
    assert request.source == UpdateRequest.Source.RESIDENT
    assert request.procedure_id == public_procedure.pk
    assert request.description == TEXT
    assert request.subject == (
        "Zgłoszenie mieszkańca – błąd w części „Termin i miejsce załatwienia sprawy”"
    )
    assert request.requester_email == "mieszkanka@example.pl"
    assert request.requester_name == "" and request.requested_by is None
    assert request.status == UpdateRequest.Status.NEW

    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert "Dziękujemy za zgłoszenie" in thanks.content.decode()
    assert public_procedure.url in thanks.content.decode()


def test_the_report_needs_no_email_nor_a_section(public_procedure):
    response = post(browser(), public_procedure, email="", section="")

    assert response.status_code == 303
    request = UpdateRequest.objects.get()
    assert request.requester_email == ""
    assert request.subject == "Zgłoszenie mieszkańca – błąd w opisie procedury"


def test_the_form_has_a_page_of_its_own_for_a_link_or_a_second_try(public_procedure):
    response = browser().get(report_url(public_procedure))

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Zgłoś błąd w opisie</h1>" in html
    assert '<label for="zgloszenie-description">Co jest nieaktualne lub błędne?</label>' in html
    assert "<legend>Której części opisu dotyczy błąd? (nieobowiązkowe)</legend>" in html
    assert 'aria-describedby="zgloszenie-email_helptext"' in html
    assert 'name="robots" content="noindex"' in html
    assert "X-Cache" not in response.headers


def test_a_filled_honeypot_is_thanked_and_files_nothing(public_procedure):
    response = post(browser(), public_procedure, strona_www="https://tanie-kredyty.example")

    assert response.status_code == 303
    assert not UpdateRequest.objects.exists()


def test_a_missing_description_comes_back_400_naming_the_field_with_the_rest_kept(
    public_procedure,
):
    response = post(browser(), public_procedure, description="  ", email="ola@example.pl")

    assert response.status_code == 400
    html = response.content.decode()
    assert "Pole „Co jest nieaktualne lub błędne?” jest wymagane" in html
    assert 'value="ola@example.pl"' in html
    assert 'value="termin-i-miejsce" id="zgloszenie-section_2" checked' in html
    assert 'aria-describedby="zgloszenie-description_error"' in html
    assert 'id="zgloszenie-description_error"' in html
    assert 'aria-invalid="true"' in html
    assert '<a href="#zgloszenie-description">' in html  # the summary leads to the field
    assert not UpdateRequest.objects.exists()


def test_a_bad_email_names_the_field_and_keeps_the_description(public_procedure):
    response = post(browser(), public_procedure, email="ola(at)example")

    assert response.status_code == 400
    html = response.content.decode()
    assert "Pole „Adres e-mail (nieobowiązkowy)”: wpisz poprawny adres" in html
    assert TEXT in html
    assert 'aria-describedby="zgloszenie-email_helptext zgloszenie-email_error"' in html
    assert not UpdateRequest.objects.exists()


def test_an_unknown_section_names_the_field(public_procedure):
    response = post(browser(), public_procedure, section="<script>")

    assert response.status_code == 400
    assert "Pole „Której części opisu dotyczy błąd? (nieobowiązkowe)”" in response.content.decode()
    assert not UpdateRequest.objects.exists()


@override_settings(FEEDBACK_MAX_CHARS=100)
def test_an_oversized_description_is_refused_naming_the_limit_and_kept(public_procedure):
    text = "Ł" * 101

    response = post(browser(), public_procedure, description=text)

    assert response.status_code == 400
    html = response.content.decode()
    assert (
        "Pole „Co jest nieaktualne lub błędne?” może mieć najwyżej 100 znaków (ze spacjami), "
        "a ma 101."
    ) in html
    assert text in html
    assert not UpdateRequest.objects.exists()

    assert post(browser(), public_procedure, description="Ł" * 100).status_code == 303
    assert UpdateRequest.objects.count() == 1


@override_settings(FEEDBACK_MAX_CHARS=100)
def test_a_body_bigger_than_any_form_is_refused_before_it_is_read(public_procedure):
    response = post(browser(), public_procedure, description="x" * 10_000)

    assert response.status_code == 413
    assert "Zgłoszenie jest za duże" in response.content.decode()
    assert not UpdateRequest.objects.exists()


@override_settings(FEEDBACK_REPORT_RATE_LIMIT="2/3600")
def test_a_client_over_the_limit_gets_429_with_its_text_kept(public_procedure):
    client = browser()
    assert post(client, public_procedure).status_code == 303
    assert post(client, public_procedure).status_code == 303

    response = post(client, public_procedure, description="Trzecie zgłoszenie tej osoby.")

    assert response.status_code == 429
    html = response.content.decode()
    assert "zbyt wiele zgłoszeń" in html
    assert "Trzecie zgłoszenie tej osoby." in html
    assert UpdateRequest.objects.count() == 2
    # Another client is not affected.
    other = Client(enforce_csrf_checks=True, REMOTE_ADDR="198.51.100.7")
    assert post(other, public_procedure).status_code == 303
    assert UpdateRequest.objects.count() == 3


@override_settings(FEEDBACK_REPORT_RATE_LIMIT="1/3600", API_TRUSTED_PROXY_COUNT=1)
def test_behind_a_proxy_the_limit_counts_the_address_the_proxy_saw(public_procedure):
    def from_address(address, spoofed="203.0.113.99"):
        client = browser()
        return client.post(
            report_url(public_procedure),
            {"description": TEXT},
            HTTP_X_FORWARDED_FOR=f"{spoofed}, {address}",
        )

    assert from_address("192.0.2.10").status_code == 303
    # A client writing another address to the left of the proxy's is the same client.
    assert from_address("192.0.2.10", spoofed="203.0.113.1").status_code == 429
    assert from_address("192.0.2.11").status_code == 303
    assert UpdateRequest.objects.count() == 2


def test_a_honeypot_catch_counts_against_the_limit(public_procedure):
    with override_settings(FEEDBACK_REPORT_RATE_LIMIT="1/3600"):
        client = browser()
        post(client, public_procedure, strona_www="spam")
        assert post(client, public_procedure).status_code == 429
    assert not UpdateRequest.objects.exists()


def test_a_post_from_another_site_is_refused(public_procedure):
    response = browser().post(
        report_url(public_procedure),
        {"description": TEXT},
        HTTP_ORIGIN="https://zlosliwa.example",
    )

    assert response.status_code == 403
    assert "z innej strony" in response.content.decode()
    assert not UpdateRequest.objects.exists()

    same_site = browser().post(
        report_url(public_procedure), {"description": TEXT}, HTTP_ORIGIN="http://testserver"
    )
    assert same_site.status_code == 303
    assert UpdateRequest.objects.count() == 1


def test_internal_withdrawn_and_unknown_procedures_are_404(procedure_index):
    internal = ProcedurePageFactory(parent=procedure_index, code="ZG-09001", is_internal=True)
    client = browser()

    for code in (internal.code, "KA-99999"):
        assert client.get(f"/opinie/{code}/zgloszenie/").status_code == 404
        assert client.post(f"/opinie/{code}/zgloszenie/", {"description": TEXT}).status_code == 404
        assert client.post(f"/opinie/{code}/ocena/", {"pomocna": "tak"}).status_code == 404
        assert client.get(f"/opinie/{code}/zgloszenie/dziekujemy/").status_code == 404
    assert not UpdateRequest.objects.exists()
    assert "Czy ta informacja" not in client.get(internal.url).content.decode()


def test_a_preview_shows_no_feedback_form(public_procedure):
    response = public_procedure.make_preview_request()

    assert response.status_code == 200
    html = response.content.decode()
    assert public_procedure.title in html
    assert "Zgłoś błąd w opisie" not in html


def test_no_restricted_value_reaches_the_feedback_pages(procedure):
    markers = fill_restricted_fields(procedure)
    procedure.save_revision().publish()
    client = browser()
    code = procedure.code

    pages = [
        client.get(procedure.url),
        client.get(f"/opinie/{code}/zgloszenie/"),
        client.post(f"/opinie/{code}/zgloszenie/", {"description": ""}),
        client.post(f"/opinie/{code}/ocena/", {"pomocna": "?"}),
        client.get(f"/opinie/{code}/zgloszenie/dziekujemy/"),
        client.get(f"/opinie/{code}/ocena/dziekujemy/"),
    ]

    assert [page.status_code for page in pages] == [200, 200, 400, 400, 200, 200]
    for page in pages:
        assert not find_markers(page.content.decode(), markers.values())
