import functools
import gc
from collections import Counter

import pytest
from django.core.cache import cache
from django.db import connection
from wagtail.models import Page, Site

from procedures import purges, roles
from tests.commits import production_commits
from tests.factories import (
    DepartmentFactory,
    HomePageFactory,
    ProcedureIndexPageFactory,
    ProcedurePageFactory,
)
from tests.procedures import files
from tests.procedures.records import write_records
from tests.staff import member, session
from tests.transactional import reload_after_flush


def pytest_configure(config):
    reload_after_flush()


#: Markers of the files that take longest: tens of seconds each.
LONG = ("faults", "browser", "slow")


def pytest_collection_modifyitems(config, items):
    """The longest files first, then files by their number of tests, most first.

    Under pytest-xdist (``make test``: ``--dist loadfile --no-loadscope-reorder``) each worker
    takes the next file when it is done; a long file taken last would keep one worker busy
    while the other waits. A file stays in one piece, its tests in their order.

    The fault drills share one migrated PostgreSQL cluster, built by the first drill that
    needs it while the others wait (``tests/faults/site.py``): one drill file starts the
    run, the others come after the other long files, when the cluster is ready.
    """
    tests_in_file = Counter(item.path for item in items)
    first_of_file = {}
    for position, item in enumerate(items):
        first_of_file.setdefault(item.path, position)
    drills = list(dict.fromkeys(i.path for i in items if i.get_closest_marker("faults")))

    def weight(item):
        if item.path in drills:
            group = 0 if item.path == drills[0] else 2
        else:
            group = 1 if any(item.get_closest_marker(name) for name in LONG) else 3
        return (group, -tests_in_file[item.path], first_of_file[item.path])

    items.sort(key=weight)


def pytest_collection_finish(session):
    """Everything imported so far (Django, Wagtail, the project, the test modules) lives as
    long as the process: frozen (``gc.freeze``), it is no longer walked by every full
    collection. Measured on tests/procedures and tests/api with two workers: 10 % less CPU."""
    gc.collect()
    gc.freeze()


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


@pytest.fixture
def procedure(procedure_index):
    """A complete, valid, live procedure of its own department."""
    return ProcedurePageFactory(parent=procedure_index)


@pytest.fixture
def department(db):
    return DepartmentFactory(name="Wydział Spraw Obywatelskich")


@pytest.fixture
def editor(department):
    """An editor of ``department`` (group "Redaktorzy komórek"): no restricted fields."""
    return member(roles.EDITORS, department)


@pytest.fixture
def moderator(db):
    """A moderator of the Procedures Office (group "Moderatorzy Oddziału ds. Procedur"): reads
    and changes restricted fields, publishes."""
    return member(roles.MODERATORS)


@pytest.fixture
def superuser_client(django_user_model):
    """A test client logged in as a superuser: every admin screen, every field."""
    user = django_user_model.objects.create_superuser("admin", "admin@example.com", "x" * 12)
    return session(user)


@pytest.fixture
def agent(db):
    """A Call Center agent (group "Agenci Call Center")."""
    return member(roles.CALL_CENTER)


@pytest.fixture(autouse=True)
def commits_as_in_production():
    """``on_commit`` callbacks (cache purges) run when the code's own transaction commits,
    although the test's transaction never does (``tests/commits.py``)."""
    with production_commits():
        yield


@pytest.fixture
def purges_seen(monkeypatch):
    """Every purge of portal paths: ``(paths, whether a transaction was still open)``."""
    seen = []
    forget = purges.forget_paths

    def spy(paths, hosts=None):
        open_blocks = [b for b in connection.atomic_blocks if not b._from_testcase]
        seen.append((set(paths), bool(open_blocks)))
        return forget(paths, hosts)

    monkeypatch.setattr(purges, "forget_paths", spy)
    return seen


@pytest.fixture
def write(tmp_path):
    """``write(records, name="procedury.json")``: an interchange file in ``tmp_path``, next
    to ``pliki/`` with a form, its sample and a program posing as a PDF."""
    (tmp_path / "pliki").mkdir()
    (tmp_path / "pliki" / "wniosek.pdf").write_bytes(files.PDF)
    (tmp_path / "pliki" / "wniosek.docx").write_bytes(files.docx())
    (tmp_path / "pliki" / "program.pdf").write_bytes(files.WINDOWS_EXECUTABLE)
    return functools.partial(write_records, tmp_path)
