"""Upload limits per kind, and update-request attachments under the documents' file rule
(issue #12, finding 10)."""

import io
import random
from email.message import EmailMessage

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from PIL import Image
from wagtail.images import get_image_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from procedures import roles
from procedures.models import ProcedureDocument, UpdateRequest, UpdateRequestAttachment
from procedures.validators import validate_document_file
from procedures.workflow.update_requests import file_message
from tests.factories import DepartmentFactory, ProcedurePageFactory, UserFactory

from . import files

MB = 1024 * 1024
#: A PDF of about 3 kB: over the limits the tests set, valid in every other way.
BIG_PDF = files.PDF + b"%" + b"x" * 3000 + b"\n"
LIMIT = 2048


def noise_png():
    """A real PNG that does not compress below the limit."""
    image = Image.frombytes("L", (64, 64), random.Random(12).randbytes(64 * 64))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    assert len(buffer.getvalue()) > LIMIT
    return buffer.getvalue()


def login(client, group_name):
    user = UserFactory(groups=[Group.objects.get(name=group_name)])
    DepartmentFactory().editors.add(user)
    client.force_login(user)
    return user


def test_limits_have_documented_defaults():
    assert settings.WAGTAILDOCS_MAX_UPLOAD_SIZE == 20 * MB
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 10 * MB
    assert settings.UPDATE_REQUEST_ATTACHMENT_MAX_UPLOAD_SIZE == 20 * MB


@pytest.mark.django_db
@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=LIMIT)
def test_oversized_document_is_refused_in_the_admin(client):
    login(client, roles.EDITORS)
    response = client.post(
        reverse("wagtaildocs:add"),
        {"title": "skan", "file": SimpleUploadedFile("skan.pdf", BIG_PDF, "application/pdf")},
    )
    assert response.status_code == 200
    assert "Plik w polu „Plik” ma 3,0\xa0KB, a może mieć najwyżej 2,0\xa0KB" in response.text
    assert not ProcedureDocument.objects.exists()


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=LIMIT)
def test_oversized_document_is_refused_by_the_file_rule():
    """The importer and the model's own check use the same rule as the admin."""
    with pytest.raises(ValidationError) as caught:
        validate_document_file(io.BytesIO(BIG_PDF), "skan.pdf")
    assert caught.value.code == "file_too_large"
    assert caught.value.messages[0].startswith(
        "Plik „skan.pdf” w polu „Plik” ma 3,0 kB, a może mieć najwyżej 2,0 kB."
    )
    validate_document_file(io.BytesIO(files.PDF), "wniosek.pdf")


@pytest.mark.django_db
@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=LIMIT)
def test_oversized_image_is_refused_with_the_field_named(client):
    client.force_login(UserFactory(is_superuser=True))  # no role manages images
    response = client.post(
        reverse("wagtailimages:add"),
        {"title": "zdjęcie", "file": SimpleUploadedFile("zdjecie.png", noise_png())},
    )
    assert response.status_code == 200
    assert "Plik w polu „Plik” ma " in response.text
    assert "a może mieć najwyżej 2,0\xa0KB" in response.text
    assert not get_image_model().objects.exists()


# --- Update-request attachments ------------------------------------------------------------


def file_request(client, procedure, upload):
    data = nested_form_data(
        {
            "procedure": str(procedure.pk),
            "subject": "Nowy wzór wniosku",
            "description": "W załączniku aktualny wzór.",
            "requester_name": "Jan Agent",
            "requester_email": "jan.agent@uml.lodz.pl",
            "attachments": inline_formset([{"file": upload, "name": ""}]),
        }
    )
    return client.post(reverse("wagtailsnippets_procedures_updaterequest:add"), data)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("wzor.pdf", files.WINDOWS_EXECUTABLE, "Zawartość pliku „wzor.pdf” nie jest plikiem PDF"),
        ("program.exe", files.WINDOWS_EXECUTABLE, "Plik „program.exe” ma niedozwolony format"),
        ("wzor.pdf", BIG_PDF, "Plik „wzor.pdf” w polu „Plik” ma 3,0 kB"),
    ],
)
@override_settings(UPDATE_REQUEST_ATTACHMENT_MAX_UPLOAD_SIZE=LIMIT)
def test_attachment_in_the_admin_passes_the_file_rule(
    client, procedure_index, name, content, message
):
    procedure = ProcedurePageFactory(parent=procedure_index)
    login(client, roles.CALL_CENTER)
    response = file_request(client, procedure, SimpleUploadedFile(name, content))
    assert response.status_code == 200
    assert message in response.text
    assert not UpdateRequest.objects.exists()
    assert not UpdateRequestAttachment.objects.exists()


def test_attachment_forms_are_accepted(client, procedure_index):
    procedure = ProcedurePageFactory(parent=procedure_index)
    login(client, roles.CALL_CENTER)
    response = file_request(client, procedure, SimpleUploadedFile("wzor.docx", files.docx()))
    assert response.status_code == 302
    assert UpdateRequestAttachment.objects.get().name == "wzor.docx"


@override_settings(UPDATE_REQUEST_ATTACHMENT_MAX_UPLOAD_SIZE=LIMIT)
def test_mailed_attachments_pass_the_file_rule(procedure_index):
    """The request is filed; refused files are named in it instead of stored."""
    ProcedurePageFactory(parent=procedure_index, code="KA-01147")
    message = EmailMessage()
    message["From"] = "mieszkaniec@example.com"
    message["Subject"] = "KA-01147: nowy wzór"
    message["Message-ID"] = "<zalaczniki@example.com>"
    message.set_content("W załącznikach nowy wzór.")
    for name, content in [
        ("wzor.pdf", files.PDF),
        ("faktura.pdf", files.WINDOWS_EXECUTABLE),
        ("skan.pdf", BIG_PDF),
    ]:
        message.add_attachment(content, maintype="application", subtype="pdf", filename=name)

    assert file_message(message.as_bytes(), "zalaczniki.eml").outcome == "filed"
    request = UpdateRequest.objects.get()
    assert [a.name for a in request.attachments.all()] == ["wzor.pdf"]
    assert "Pominięto załącznik: Zawartość pliku „faktura.pdf”" in request.description
    assert "Pominięto załącznik: Plik „skan.pdf” w polu „Plik” ma 3,0 kB" in request.description
