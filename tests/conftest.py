import pytest
from django.core.cache import cache
from wagtail.models import Page, Site

from tests.commits import production_commits
from tests.factories import HomePageFactory, ProcedureIndexPageFactory


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: cached portal pages never cross tests."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home_page(db):
    """The portal's home page as the root of the default site."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, slug="strona-glowna")
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    return home


@pytest.fixture
def procedure_index(home_page):
    """The "Procedury" index page under which every procedure lives."""
    return ProcedureIndexPageFactory(parent=home_page)


@pytest.fixture(autouse=True)
def commits_as_in_production():
    """``on_commit`` callbacks (cache purges) run when the code's own transaction commits,
    although the test's transaction never does (``tests/commits.py``)."""
    with production_commits():
        yield
