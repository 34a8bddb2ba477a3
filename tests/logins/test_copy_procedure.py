"""Copying a procedure in the admin asks for the copy's code instead of failing (issue #12)."""

import pytest
from django.urls import reverse

from procedures.models import ProcedurePage
from tests.factories import ProcedurePageFactory


@pytest.fixture
def original(procedure_index):
    return ProcedurePageFactory(parent=procedure_index, code="KA-01147", title="Dowód osobisty")


def copy_url(page):
    return reverse("wagtailadmin_pages:copy", args=[page.pk])


def post_copy(client, page, **fields):
    data = {
        "new_title": "Dowód osobisty – kopia",
        "new_slug": "dowod-osobisty-kopia",
        "new_parent_page": page.get_parent().pk,
        **fields,
    }
    return client.post(copy_url(page), data)


def test_copy_form_asks_for_the_code(client, original, moderator):
    client.force_login(moderator)
    response = client.get(copy_url(original))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kod procedury" in html
    assert 'name="new_code"' in html
    assert 'name="alias"' not in html


def test_copy_without_a_code_is_refused_in_polish(client, original, moderator):
    client.force_login(moderator)
    response = post_copy(client, original)
    assert response.status_code == 200
    assert "new_code" in response.context["form"].errors
    assert ProcedurePage.objects.count() == 1


def test_copy_with_the_same_code_is_refused_in_polish(client, original, moderator):
    client.force_login(moderator)
    response = post_copy(client, original, new_code="KA-01147")
    assert response.status_code == 200
    errors = response.context["form"].errors["new_code"]
    assert errors == [
        "Kod procedury „KA-01147” ma już inna procedura. Wpisz kod, którego nie ma jeszcze "
        "żadna procedura."
    ]
    assert ProcedurePage.objects.count() == 1


def test_copy_with_a_malformed_code_is_refused(client, original, moderator):
    client.force_login(moderator)
    response = post_copy(client, original, new_code="kopia")
    assert response.status_code == 200
    assert "ma zły format" in response.context["form"].errors["new_code"][0]


def test_copy_with_a_new_code_is_a_draft_of_a_new_procedure(client, original, moderator):
    client.force_login(moderator)
    response = post_copy(client, original, new_code="ka-01148")
    assert response.status_code == 302
    copy = ProcedurePage.objects.get(code="KA-01148")
    assert copy.title == "Dowód osobisty – kopia"
    assert not copy.live
    assert copy.get_latest_revision_as_object().code == "KA-01148"
    assert ProcedurePage.objects.get(pk=original.pk).code == "KA-01147"
