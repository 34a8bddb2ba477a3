"""Content is made safe once, in the model, and rendered once, by the block templates.

Links in blocks and fields are only ``https``/``http`` (and ``mailto``/``tel``): the
editor reads a Polish message naming the field and keeps the text, the importer rejects
the record naming the path. A bad value stored before the rule existed is shown as text,
not a link, on the portal and in the Call Center, which render the public entries with
the same block templates. Imported rich text passes the editor's allow-list.
"""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.test.utils.form_data import streamfield

from procedures import roles
from procedures.blocks import iter_block_errors
from procedures.models import EFormPlatform, ProcedurePage
from tests.factories import (
    OfficeFactory,
    ProcedurePageFactory,
    UserFactory,
    booking,
    document,
    legal_act,
    store_unchecked,
)

from .admin_forms import procedure_form_data
from .records import rejected, run_import, valid_record
from .validation import errors_of

SCRIPT_URLS = ["javascript:alert(1)", " JaVa\tScript:alert(1)", "data:text/html,<b>x</b>"]


def moderator_client(client):
    client.force_login(UserFactory(groups=[Group.objects.get(name=roles.MODERATORS)]))
    return client


def agent_client(client):
    client.force_login(UserFactory(groups=[Group.objects.get(name=roles.CALL_CENTER)]))
    return client


# --- The model refuses them ---------------------------------------------------------------


@pytest.mark.parametrize("url", SCRIPT_URLS)
def test_a_booking_link_must_be_a_web_address(procedure_index, url):
    page = ProcedurePageFactory(parent=procedure_index)
    page.appointment = [booking(("url", url))]
    message = errors_of(page)["appointment"][0]
    assert "Pole „Numer, adres lub link”" in message
    assert "nie jest dozwolonym adresem" in message
    assert "https://" in message


def test_web_phone_and_e_mail_bookings_are_accepted(procedure_index):
    page = ProcedurePageFactory(parent=procedure_index)
    page.appointment = [
        booking(
            ("url", "https://wizyty.uml.lodz.pl/"),
            ("phone", "+48 (42) 638-44-44"),
            ("email", "wizyty@uml.lodz.pl"),
            ("other", "Zapisy: pokój 12"),
        )
    ]
    page.full_clean()


def test_legal_act_and_e_form_links_must_be_web_addresses(procedure_index):
    platform = EFormPlatform.objects.create(name="Platforma testowa")
    page = ProcedurePageFactory(parent=procedure_index)
    page.legal_basis = [legal_act("Ustawa", url="javascript:alert(1)")]
    page.required_documents = [document("Wniosek", eforms=[(platform, "ftp://x.pl/f")])]
    errors = errors_of(page)
    assert "Pole „Link do aktu”" in errors["legal_basis"][0]
    assert "Pole „Adres e-formularza”" in errors["required_documents"][0]


def test_a_platform_address_must_be_a_web_address(db):
    platform = EFormPlatform(name="Platforma", url="ftp://platforma.example/")
    with pytest.raises(ValidationError) as caught:
        platform.full_clean()
    assert "Pole „Adres platformy”" in caught.value.message_dict["url"][0]
    EFormPlatform(name="Platforma druga", url="https://epuap.gov.pl/").full_clean()


def test_the_editor_reads_the_message_and_keeps_the_text(client, procedure_index):
    page = ProcedurePageFactory(parent=procedure_index)
    data = procedure_form_data(
        page,
        appointment=streamfield(
            [
                (
                    "booking",
                    {
                        "required": "on",
                        "methods": {
                            "count": "1",
                            "0": {
                                "value": {"kind": "url", "value": "javascript:alert(1)"},
                                "deleted": "",
                                "order": "0",
                            },
                        },
                    },
                )
            ]
        ),
    )
    data["action-publish"] = "action-publish"
    response = moderator_client(client).post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), data
    )
    assert response.status_code == 200
    errors = response.context["form"].errors.as_data()["appointment"]
    [(path, message)] = [pair for error in errors for pair in iter_block_errors(error)]
    assert path == "[0].methods[0].value"
    assert message.startswith("Pole „Numer, adres lub link”: „javascript:alert(1)” nie jest")
    assert "javascript:alert(1)" in response.text  # what was typed, shown again to fix
    assert ProcedurePage.objects.get(pk=page.pk).appointment[0].block_type == "not_applicable"


def test_the_importer_rejects_the_record_naming_the_path(procedure_index, write):  # noqa: F811
    bad = {
        "KA-03001": {
            "appointment": {
                "required": True,
                "methods": [{"kind": "url", "value": "javascript:alert(1)", "note": None}],
            }
        },
        "KA-03002": {
            "legal_basis": [{"kind": None, "title": "Ustawa", "url": "javascript:alert(1)"}]
        },
    }
    records = [valid_record(code, **changes) for code, changes in bad.items()]
    status, report = run_import(write(records), "--publish")
    assert status == 1
    assert not ProcedurePage.objects.exists()
    errors = rejected(report)
    [(path, message)] = errors["KA-03001"]
    assert path == "appointment.methods[0].value"
    assert "Pole „Numer, adres lub link”" in message
    [(path, message)] = errors["KA-03002"]
    assert path == "legal_basis[0].url"
    assert "Pole „Link do aktu”" in message


# --- A bad value stored before the rule is never a live link ------------------------------


@pytest.fixture
def stored_script_links(procedure_index):
    """A public procedure whose links were saved before the model refused script links."""
    platform = EFormPlatform.objects.create(name="Platforma testowa")
    EFormPlatform.objects.filter(pk=platform.pk).update(url="javascript:alert('platforma')")
    return store_unchecked(
        ProcedurePageFactory(parent=procedure_index),
        appointment=[booking(("url", "javascript:alert('wizyta')"), ("email", "x@uml.lodz.pl"))],
        legal_basis=[legal_act("Ustawa", url="javascript:alert('akt')")],
        required_documents=[document("Wniosek", eforms=[(platform, "javascript:alert('e')")])],
        submission_channels=[
            {
                "type": "channel",
                "value": {"kind": "electronic", "details": "", "platforms": [platform.pk]},
            }
        ],
    )


def live_links(html):
    return [a.get("href", "") for a in BeautifulSoup(html, "html.parser").find_all("a")]


def assert_no_script_link(html):
    hrefs = live_links(html)
    assert hrefs, "the page has links"
    for href in hrefs:
        assert "javascript" not in href.lower(), href
    assert "mailto:x@uml.lodz.pl" in hrefs


def test_the_portal_shows_a_stored_script_link_as_text(client, stored_script_links):
    response = client.get(stored_script_links.url)
    assert response.status_code == 200
    assert_no_script_link(response.text)
    assert "javascript:alert(&#x27;wizyta&#x27;)" in response.text  # shown, as text


def test_the_call_center_shows_a_stored_script_link_as_text(client, stored_script_links):
    url = reverse("callcenter:procedure", args=[stored_script_links.code])
    response = agent_client(client).get(url)
    assert response.status_code == 200
    assert_no_script_link(response.text)
    assert "javascript:alert(&#x27;wizyta&#x27;)" in response.text


SHARED_BLOCK_TEMPLATES = {
    "procedures/blocks/step.html",
    "procedures/blocks/office.html",
    "procedures/blocks/booking.html",
    "procedures/blocks/appointment_method.html",
    "procedures/blocks/fee.html",
    "procedures/blocks/submission_channel.html",
    "procedures/blocks/document.html",
    "procedures/blocks/other_document.html",
    "procedures/blocks/legal_act.html",
}


def test_the_portal_and_the_call_center_render_entries_with_the_same_templates(
    client, procedure_index
):
    page = store_unchecked(
        ProcedurePageFactory(parent=procedure_index),
        places=[{"type": "office", "value": OfficeFactory().pk}],
        appointment=[booking(("url", "https://wizyty.uml.lodz.pl/"))],
        legal_basis=[legal_act("Ustawa", url="https://isap.sejm.gov.pl/")],
        required_documents=[document("Wniosek")],
        other_documents=[{"type": "document", "value": {"name": "Ulotka", "file": None}}],
    )
    portal = client.get(page.url)
    call_center = agent_client(client).get(reverse("callcenter:procedure", args=[page.code]))
    used_by_portal = {t.name for t in portal.templates}
    used_by_call_center = {t.name for t in call_center.templates}
    assert SHARED_BLOCK_TEMPLATES <= used_by_portal
    assert SHARED_BLOCK_TEMPLATES <= used_by_call_center


# --- Imported rich text passes the editor's allow-list ------------------------------------

HOSTILE_HTML = (
    "<p>Złóż wniosek<script>alert('skrypt')</script>"
    ' <img src="x" onerror="alert(\'obrazek\')">'
    " <a href=\"javascript:alert('link')\">tutaj</a>"
    ' <a href="https://wizyty.uml.lodz.pl/" onclick="alert(\'klik\')">wizyty</a>'
    " <b onmouseover=\"alert('b')\">ważne</b></p>"
)


def assert_harmless(html):
    lowered = html.lower()
    for needle in ["<script", "alert(", "onerror", "onclick", "onmouseover", "javascript:", "<img"]:
        assert needle not in lowered, needle


@pytest.mark.parametrize("publish", [True, False])
def test_imported_rich_text_is_stored_without_script(
    procedure_index,
    write,  # noqa: F811
    publish,
):
    record = valid_record(
        "KA-03101",
        how_to=HOSTILE_HTML,
        additional_info=HOSTILE_HTML,
        appeal=HOSTILE_HTML,
        cc_description=HOSTILE_HTML,
        faq=[{"question": "Jak?", "answer": HOSTILE_HTML}],
    )
    status, report = run_import(write([record]), *(["--publish"] if publish else []))
    assert status == 0, report
    page = ProcedurePage.objects.get(code="KA-03101").get_latest_revision_as_object()
    stored = [
        page.how_to,
        page.additional_info,
        page.cc_description,
        page.appeal[0].value.source,
        page.faq[0].value["answer"].source,
    ]
    for html in stored:
        assert_harmless(html)
        # What the editor allows stays: text, emphasis and the web link.
        assert "Złóż wniosek" in html
        assert "<b>ważne</b>" in html
        assert '<a href="https://wizyty.uml.lodz.pl/">wizyty</a>' in html


def test_imported_script_is_not_rendered(client, procedure_index, write):
    record = valid_record("KA-03102", how_to=HOSTILE_HTML, appeal=HOSTILE_HTML)
    status, report = run_import(write([record]), "--publish")
    assert status == 0, report
    page = ProcedurePage.objects.get(code="KA-03102")
    portal = client.get(page.url).text
    call_center = agent_client(client).get(reverse("callcenter:procedure", args=[page.code]))
    for html in (portal, call_center.text):
        soup = BeautifulSoup(html, "html.parser")
        for tag in soup.find_all(True):
            assert not any(name.startswith("on") for name in tag.attrs), tag
        assert not soup.find("img")
        assert "alert(&#x27;skrypt&#x27;)" not in html
        assert "alert('skrypt')" not in html
        assert 'href="javascript:' not in html
