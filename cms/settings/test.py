"""Test settings: fast hashing, in-process cache, plain static files.

The database comes from DATABASE_URL like everywhere else, so the same suite runs on
SQLite (default) and PostgreSQL (``DATABASE_URL=postgres://...``).
"""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F401,F403
from .base import BASE_DIR, DATABASES

# The browser tests' live server answers each request in a thread of its own. Django
# shares an in-memory SQLite database as one connection between those threads and the
# test, so a request still running when the next test starts (a page closing, an
# autosave) can leave that connection in the middle of a transaction for every later
# test. A database file gives each thread a connection of its own; the name is this
# process's, so two suites run side by side do not meet.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {
        "NAME": str(Path(tempfile.gettempdir()) / f"lckzm-test-{os.getpid()}.sqlite3")
    }

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
# The test client's host: absolute links (procedures.links) name the site the tests request.
WAGTAILADMIN_BASE_URL = "http://testserver"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = BASE_DIR / ".test-media"
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
# Static files come from the app finders in tests; WhiteNoise would warn about STATIC_ROOT.
MIDDLEWARE = [m for m in MIDDLEWARE if m != "whitenoise.middleware.WhiteNoiseMiddleware"]  # noqa: F405
# The rate limit is tested on its own (tests/api/test_rate_limit.py).
API_RATE_LIMIT = "0"
# Tests log in with force_login; tests/logins turns the two-factor requirement on.
STAFF_TWO_FACTOR_REQUIRED = False
# seed_demo runs in tests (tests/demo/test_seed_demo.py, the crawls).
DEMO_DATA_ALLOWED = True
