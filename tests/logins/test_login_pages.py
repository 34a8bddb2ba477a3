"""One login page (the Wagtail admin's), and passwords of at least 12 characters."""

import pytest
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.urls import reverse

from procedures import roles
from tests.factories import UserFactory


@pytest.mark.parametrize("path", ["/django-admin/", "/django-admin/login/"])
def test_django_admin_is_not_served(client, db, path):
    assert client.get(path).status_code == 404


def test_a_superuser_has_no_second_way_in(client, db):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    assert client.get("/django-admin/").status_code == 404


def test_an_eleven_character_password_is_refused_in_polish(db):
    user = UserFactory(username="anna.nowak")
    with pytest.raises(ValidationError) as refused:
        password_validation.validate_password("Xq7#vLp2!mZ", user)
    assert any("co najmniej 12 znaków" in message for message in refused.value.messages)


def test_a_twelve_character_password_is_accepted(db):
    password_validation.validate_password("Xq7#vLp2!mZa", UserFactory(username="anna.nowak"))


def test_a_common_password_is_refused(db):
    with pytest.raises(ValidationError) as refused:
        password_validation.validate_password("password1234", UserFactory())
    assert any("zbyt powszechne" in message for message in refused.value.messages)


def test_the_admin_refuses_a_short_new_password(client, member):
    """The account page (Wagtail's password change) applies the same rules."""
    user = member(roles.EDITORS)
    client.force_login(user)
    response = client.post(
        reverse("wagtailadmin_account"),
        {
            "password-old_password": "haslo-testowe-123",
            "password-new_password1": "Xq7#vLp2!mZ",
            "password-new_password2": "Xq7#vLp2!mZ",
        },
    )
    user.refresh_from_db()
    assert user.check_password("haslo-testowe-123")
    assert "co najmniej 12 znaków" in response.text
