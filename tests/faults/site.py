"""A small public site served like production, for the fault drills and ``bench/faults.py``.

:func:`build_site` migrates a fresh database, publishes a home page, the procedure index
and a few procedures (factories: much faster than ``seed_demo``), collects static files
and returns the environment a production app server runs with.

:func:`migrated_postgres` gives each drill a PostgreSQL of its own, already migrated: the
project is migrated once per test run and every drill starts from a copy of that cluster.
"""

import fcntl
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.faults.services import ROOT, PostgresServer

SITE_SCRIPT = """
import json
from wagtail.models import Page, Site
from tests.factories import (
    HomePageFactory, ProcedureIndexPageFactory, ProcedurePageFactory,
)
root = Page.get_first_root_node()
home = HomePageFactory(parent=root, slug="strona-glowna")
site = Site.objects.get(is_default_site=True)
site.root_page = home
site.save()
index = ProcedureIndexPageFactory(parent=home)
urls = []
for number, title in enumerate(TITLES):
    page = ProcedurePageFactory(parent=index, title=title, code=f"KA-{1100 + number:05d}")
    page.save_revision().publish()
    urls.append(page.url)
print(json.dumps({"procedures": urls, "index": index.url}))
"""

TITLES = [
    "Wydanie dowodu osobistego",
    "Zameldowanie na pobyt stały",
    "Rejestracja pojazdu",
    "Wydanie prawa jazdy",
    "Zgłoszenie utraty dowodu osobistego",
    "Wymeldowanie z pobytu stałego",
]


def production_env(database_url, redis_url, workdir, **extra):
    """The environment of a production app server (plain HTTP on loopback)."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "drill-only-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": database_url,
        "DB_CONN_MAX_AGE": "600",
        "REDIS_URL": redis_url,
        "MEDIA_ROOT": str(workdir / "media"),
        "LOG_LEVEL": "ERROR",
        **extra,
    }


def manage(env, *args):
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout


def shared_dir(tmp_path_factory):
    """A directory of this test run that every pytest-xdist worker sees."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def migrated_postgres(shared_dir):
    """A started PostgreSQL of its own whose database ``lckzm`` holds the project migrated.

    The first call of a test run initialises and migrates one cluster in ``shared_dir``
    (shared by the pytest-xdist workers: the migrations take 20 s of CPU) and stops it;
    every call starts a copy of its files on a port of its own.
    """
    shared_dir = Path(shared_dir)
    golden = shared_dir / "lckzm-pg-migrated"
    with open(shared_dir / "lckzm-pg-migrated.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (golden / "PG_VERSION").exists():
            server = PostgresServer().init().start()
            try:
                url = server.create_database()
                env = {
                    **os.environ,
                    "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
                    "DATABASE_URL": url,
                }
                manage(env, "migrate", "--noinput", "-v0")
                server.stop()
            except BaseException:
                server.destroy()  # no half-built cluster left in the temporary directory
                raise
            shutil.move(server.data, golden)
            shutil.rmtree(server.directory, ignore_errors=True)
    server = PostgresServer()
    server.adopt(golden)
    return server.start()


def build_site(database_url, redis_url, workdir, migrated=False):
    """Migrate (unless ``migrated``), publish a few procedures, collect static files.

    Returns ``(env, paths)``: the production environment and the site's public paths
    (``procedures``: the procedure pages, ``index``: the list of procedures).
    """
    env = production_env(database_url, redis_url, workdir)
    build_env = {**env, "DJANGO_SETTINGS_MODULE": "cms.settings.dev"}
    if not migrated:
        manage(build_env, "migrate", "--noinput")
    script = f"TITLES = {TITLES!r}\n{SITE_SCRIPT}"
    output = manage(build_env, "shell", "-c", script)
    paths = json.loads(output.strip().splitlines()[-1])
    manage(env, "collectstatic", "--noinput")
    return env, paths
