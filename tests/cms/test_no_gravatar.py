"""Staff avatars never come from gravatar.com (``WAGTAIL_GRAVATAR_PROVIDER_URL = None``):
no staff e-mail hash leaves the site, and the CSP blocks nothing."""

import pytest
from django.urls import reverse
from wagtail.models import Comment

from procedures import roles
from tests.factories import ProcedurePageFactory
from tests.staff import member, session


@pytest.fixture
def moderator(db):
    return member(roles.MODERATORS, email="anna.nowak@uml.lodz.pl")


@pytest.fixture
def commented(procedure_index, moderator):
    """A procedure the moderator edited and commented on, so that the history, the
    dashboard and the editor's comments show the moderator's avatar."""
    page = ProcedurePageFactory(parent=procedure_index)
    page.save_revision(user=moderator, log_action=True).publish(user=moderator)
    Comment.objects.create(
        page=page, user=moderator, text="Proszę sprawdzić opłatę.", contentpath="summary"
    )
    return page


def test_admin_pages_name_no_gravatar(settings, commented, moderator):
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None
    client = session(moderator)
    urls = [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_account"),
        reverse("wagtailadmin_pages:edit", args=[commented.pk]),
        reverse("wagtailadmin_pages:history", args=[commented.pk]),
        reverse("wagtailadmin_explore", args=[commented.get_parent().pk]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert "gravatar.com" not in html, url
        assert "wagtailadmin/images/default-user-avatar" in html, url


def test_the_setting_is_what_keeps_gravatar_out(settings, commented, moderator):
    """The check above can fail: with Wagtail's default provider the same pages name it."""
    settings.WAGTAIL_GRAVATAR_PROVIDER_URL = "//www.gravatar.com/avatar"
    html = session(moderator).get(reverse("wagtailadmin_account")).content.decode()
    assert "gravatar.com" in html
