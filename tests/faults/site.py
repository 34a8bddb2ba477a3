"""A small public site served like production, for the fault drills and ``bench/faults.py``.

:func:`build_site` migrates a fresh database, publishes a home page, the procedure index
and a few procedures (factories: much faster than ``seed_demo``), collects static files
and returns the environment a production app server runs with.
"""

import json
import os
import subprocess
import sys

from tests.faults.services import ROOT

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


def build_site(database_url, redis_url, workdir):
    """Migrate, publish a few procedures, collect static files.

    Returns ``(env, paths)``: the production environment and the site's public paths
    (``procedures``: the procedure pages, ``index``: the list of procedures).
    """
    env = production_env(database_url, redis_url, workdir)
    build_env = {**env, "DJANGO_SETTINGS_MODULE": "cms.settings.dev"}
    manage(build_env, "migrate", "--noinput")
    script = f"TITLES = {TITLES!r}\n{SITE_SCRIPT}"
    output = manage(build_env, "shell", "-c", script)
    paths = json.loads(output.strip().splitlines()[-1])
    manage(env, "collectstatic", "--noinput")
    return env, paths
