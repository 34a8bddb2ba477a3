"""Who gets into the Call Center reading view, and that no answer of it is ever cached."""

import pytest
from django.urls import reverse

from procedures import roles
from tests.factories import UserFactory
from tests.staff import member


def urls(procedure):
    return [
        reverse("callcenter:search"),
        reverse("callcenter:search") + "?q=zaświadczenie",
        reverse("callcenter:procedure", args=[procedure.code]),
    ]


def assert_private(response):
    cache_control = response["Cache-Control"]
    assert "private" in cache_control
    assert "no-store" in cache_control
    assert "Cookie" in response["Vary"]


def test_anonymous_user_is_sent_to_the_admin_login(client, procedure):
    for url in urls(procedure):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/?next=")
        assert_private(response)


def test_login_redirect_keeps_the_address(client, procedure):
    url = reverse("callcenter:procedure", args=[procedure.code])
    response = client.get(url)
    assert response["Location"] == f"/admin/login/?next={url}"


def test_editor_is_refused(client, editor, procedure):
    client.force_login(editor)
    for url in urls(procedure):
        response = client.get(url)
        assert response.status_code == 403
        assert "Brak dostępu" in response.text
        assert procedure.title not in response.text
        assert_private(response)


@pytest.mark.parametrize(
    "group",
    [roles.CALL_CENTER, roles.CALL_CENTER_HEADS, roles.MODERATORS, roles.PROCEDURES_OFFICE_HEADS],
)
def test_call_center_and_procedures_office_get_in(client, procedure, group):
    client.force_login(member(group))
    for url in urls(procedure):
        response = client.get(url)
        assert response.status_code == 200
        assert_private(response)


def test_superuser_gets_in(client, procedure):
    client.force_login(UserFactory(is_superuser=True))
    assert client.get(reverse("callcenter:search")).status_code == 200


def test_inactive_agent_is_not_let_in(client, procedure):
    agent = member(roles.CALL_CENTER)
    agent.is_active = False
    agent.save()
    client.force_login(agent)
    response = client.get(reverse("callcenter:search"))
    assert response.status_code == 302  # an inactive account is not logged in at all
    assert_private(response)


def test_the_search_page_is_private(agent_client, procedure):
    response = agent_client.get(reverse("callcenter:search"), {"q": procedure.code})
    assert response.status_code == 200
    assert procedure.title in response.text
    assert_private(response)


def test_unknown_code_is_a_private_404(agent_client, procedure_index):
    response = agent_client.get(reverse("callcenter:procedure", args=["XX-00000"]))
    assert response.status_code == 404
    assert "Żadna procedura nie ma kodu „XX-00000”" in response.text
    assert_private(response)
