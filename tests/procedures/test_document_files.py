"""The file rule (§ 9 ust. 3): PDF; DOC/DOCX/RTF only for forms; judged by content."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from procedures import roles
from procedures.models import ProcedureDocument
from procedures.validators import detect_format, validate_document_file
from tests.factories import DepartmentFactory, UserFactory

from . import files


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (files.PDF, "pdf"),
        (files.RTF, "rtf"),
        (files.DOC, "doc"),
        (files.docx(), "docx"),
        (files.plain_zip(), None),
        (files.WINDOWS_EXECUTABLE, None),
    ],
)
def test_format_is_detected_from_content(content, expected):
    assert detect_format(io.BytesIO(content)) == expected


def test_pdf_is_accepted():
    validate_document_file(io.BytesIO(files.PDF), "wniosek.pdf")


@pytest.mark.parametrize("executable", [files.WINDOWS_EXECUTABLE, files.ELF_EXECUTABLE])
def test_renamed_executable_is_rejected(executable):
    with pytest.raises(ValidationError) as caught:
        validate_document_file(io.BytesIO(executable), "wniosek.pdf")
    assert caught.value.code == "file_content"
    assert "„wniosek.pdf” nie jest plikiem PDF" in caught.value.messages[0]


@pytest.mark.parametrize(
    ("content", "name"), [(files.DOC, "wniosek.doc"), (files.RTF, "wniosek.rtf")]
)
def test_word_formats_only_for_forms(content, name):
    validate_document_file(io.BytesIO(content), name, is_form=True)
    with pytest.raises(ValidationError) as caught:
        validate_document_file(io.BytesIO(content), name, is_form=False)
    assert caught.value.code == "file_not_form"
    validate_document_file(io.BytesIO(files.docx()), "wniosek.docx", is_form=True)


def test_other_formats_need_the_procedures_office_consent():
    with pytest.raises(ValidationError) as caught:
        validate_document_file(io.BytesIO(b"a;b\n1;2\n"), "wykaz.csv")
    assert caught.value.code == "file_format"
    validate_document_file(io.BytesIO(b"a;b\n1;2\n"), "wykaz.csv", allow_other_format=True)


def upload(client, name, content, is_form=False):
    data = {
        "title": name,
        "file": SimpleUploadedFile(name, content),
        "collection": "1",
    }
    if is_form:
        data["is_fillable_form"] = "on"
    return client.post(reverse("wagtaildocs:add"), data)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("group", "name", "content", "is_form", "accepted"),
    [
        (roles.EDITORS, "wniosek.pdf", files.PDF, False, True),
        (roles.EDITORS, "wniosek.pdf", files.WINDOWS_EXECUTABLE, False, False),
        (roles.EDITORS, "wniosek.docx", files.docx(), True, True),
        (roles.EDITORS, "wniosek.docx", files.docx(), False, False),
        (roles.EDITORS, "wykaz.csv", b"a;b\n", False, False),
        (roles.MODERATORS, "wykaz.csv", b"a;b\n", False, True),
        (roles.MODERATORS, "program.pdf", files.ELF_EXECUTABLE, False, False),
    ],
)
def test_admin_upload_applies_the_file_rule(client, group, name, content, is_form, accepted):
    user = UserFactory(groups=[Group.objects.get(name=group)])
    DepartmentFactory().editors.add(user)  # editors upload into their department's files
    client.force_login(user)
    response = upload(client, name, content, is_form)
    assert ProcedureDocument.objects.filter(title=name).exists() is accepted
    if accepted:
        assert response.status_code == 302
    else:
        assert response.status_code == 200
        assert "Plik" in response.text or "Zawartość pliku" in response.text
