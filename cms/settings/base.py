"""Settings shared by every environment.

The environment is read here, once. Every value has a local default that needs nothing
installed: SQLite, files on local disk, an in-process cache.

Environment variables:
    DATABASE_URL      e.g. postgres://user@host:5432/lckzm (default: SQLite file db.sqlite3)
    DB_CONN_MAX_AGE   seconds to keep database connections open (default 60)
    SECRET_KEY        required in production
    ALLOWED_HOSTS     comma-separated
    REDIS_URL         e.g. redis://127.0.0.1:6379/1 — shared cache for several app servers
    REDIS_SOCKET_TIMEOUT, REDIS_RETRY_SECONDS  how long a cache call may wait, and how long
                      the cache is left alone after a failure; see caches_from_env()
    S3_BUCKET         turns on S3-compatible media storage; see storages_from_env()
    WAGTAILADMIN_BASE_URL  absolute URL of the site, the one source of absolute links in
                      e-mails, the API, JSON-LD and the sitemap (procedures.links)
    PORT              the demo's port (8000): without WAGTAILADMIN_BASE_URL the site is
                      http://127.0.0.1:PORT, and seed_demo gives the Wagtail Site that address
    SCHEDULER_HEARTBEAT_MAX_AGE  seconds before /readyz/ calls the scheduler stale (300; 0 = off)
    PROCEDURE_REVIEW_MONTHS  months from a publication or confirmation to the next review (12)
    REVIEW_DIGEST_HOUR  local hour from which the scheduler sends the day's digests (7)

Values are read with env_bool(), env_int(), env_list() and env_choice(): a value they do not
understand stops the start-up with ImproperlyConfigured naming the variable, instead of
quietly meaning "off" (``SECURE_SSL_REDIRECT=true`` is on, ``=maybe`` is an error). A
variable set to the empty string counts as not set.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = os.environ

TRUE_VALUES = frozenset({"1", "true", "yes", "on"})
FALSE_VALUES = frozenset({"0", "false", "no", "off"})


def _env_value(name):
    """The variable's value without surrounding spaces, or None when unset or empty."""
    value = env.get(name, "").strip()
    return value or None


def env_bool(name, default):
    """True for 1/true/yes/on, False for 0/false/no/off (any case); else ImproperlyConfigured."""
    value = _env_value(name)
    if value is None:
        return default
    if value.lower() in TRUE_VALUES:
        return True
    if value.lower() in FALSE_VALUES:
        return False
    raise ImproperlyConfigured(
        f"{name}={value!r} is not a yes/no value: use one of 1, true, yes, on or 0, false, no, off."
    )


def env_int(name, default, minimum=0, maximum=None):
    """A whole number from ``minimum`` to ``maximum``; anything else: ImproperlyConfigured."""
    value = _env_value(name)
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} is not a whole number.") from None
    if number < minimum:
        raise ImproperlyConfigured(f"{name}={value!r} is below the minimum of {minimum}.")
    if maximum is not None and number > maximum:
        raise ImproperlyConfigured(f"{name}={value!r} is above the maximum of {maximum}.")
    return number


def env_list(name, default=""):
    """Comma-separated items without surrounding spaces; empty items are dropped."""
    value = _env_value(name) or default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_choice(name, default, choices):
    """One of ``choices`` (compared without regard to case); else ImproperlyConfigured."""
    value = _env_value(name)
    if value is None:
        return default
    for choice in choices:
        if value.lower() == choice.lower():
            return choice
    raise ImproperlyConfigured(f"{name}={value!r} is not one of: {', '.join(choices)}.")


def storages_from_env(environ):
    """The STORAGES setting for the given environment.

    Media go to local disk unless ``S3_BUCKET`` is set; then to that bucket on any
    S3-compatible server (``S3_ENDPOINT_URL`` for MinIO/Ceph/etc., ``S3_REGION``,
    ``S3_ACCESS_KEY_ID`` / ``S3_SECRET_ACCESS_KEY``, ``S3_CUSTOM_DOMAIN`` for a CDN),
    so several app servers share the same documents.
    """
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {
            "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
        },
    }
    bucket = environ.get("S3_BUCKET")
    if bucket:
        options = {
            "bucket_name": bucket,
            "endpoint_url": environ.get("S3_ENDPOINT_URL") or None,
            "region_name": environ.get("S3_REGION") or None,
            "access_key": environ.get("S3_ACCESS_KEY_ID") or None,
            "secret_key": environ.get("S3_SECRET_ACCESS_KEY") or None,
            "custom_domain": environ.get("S3_CUSTOM_DOMAIN") or None,
            "addressing_style": environ.get("S3_ADDRESSING_STYLE", "path"),
            # Documents are served through Django (permission checks), never public-read.
            "default_acl": None,
            "querystring_auth": True,
            "signature_version": "s3v4",
            "file_overwrite": False,
        }
        storages["default"] = {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}
    return storages


def caches_from_env(environ):
    """The CACHES setting: Redis when ``REDIS_URL`` is set, else an in-process cache.

    Redis may fail without failing the site (``cms.cache.ResilientRedisCache``): a call that
    gets no answer within ``REDIS_SOCKET_TIMEOUT`` seconds (default 0.25) counts as a miss,
    and the cache is then left alone for ``REDIS_RETRY_SECONDS`` (default 5).
    """
    redis_url = environ.get("REDIS_URL")
    if redis_url:
        socket_timeout = float(environ.get("REDIS_SOCKET_TIMEOUT", "0.25"))
        return {
            "default": {
                "BACKEND": "cms.cache.ResilientRedisCache",
                "LOCATION": redis_url,
                "KEY_PREFIX": environ.get("CACHE_KEY_PREFIX", "lckzm"),
                "TIMEOUT": 300,
                "OPTIONS": {
                    "SOCKET_CONNECT_TIMEOUT": socket_timeout,
                    "SOCKET_TIMEOUT": socket_timeout,
                    "RETRY_SECONDS": float(environ.get("REDIS_RETRY_SECONDS", "5")),
                },
            }
        }
    return {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


INSTALLED_APPS = [
    "home",
    "procedures",
    "procedures.api",
    "procedures.callcenter",
    "procedures.feedback",
    "procedures.docx",
    "procedures.interchange",
    "procedures.logins",
    "procedures.reviews",
    "procedures.workflow",
    "procedures.changes",
    "procedures.demo",
    "search",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    # Wagtail's search app, minus index updates no backend needs (search.apps).
    "search.apps.IndexlessWagtailSearchConfig",
    "wagtail.admin",
    "wagtail",
    "wagtail_modeladmin",
    "modelcluster",
    "taggit",
    "django_filters",
    "storages",
    # Two-factor logins for staff (procedures.logins): one-time codes from an app (TOTP).
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Its Polish catalogue: Wagtail's "naturaltime" ("minutę temu", not "a minute ago").
    "django.contrib.humanize",
    # Wagtail's search index models need it on PostgreSQL (postgres.E005); harmless on SQLite.
    "django.contrib.postgres",
]

MIDDLEWARE = [
    # First, so every response (redirects and cached pages too) and every log line has it.
    "cms.middleware.RequestIdMiddleware",
    # Outside the page cache and the 503 page, so every response gets the policy of its
    # own request (SECURE_CSP; the admin's views are given SECURE_CSP_ADMIN in cms.urls).
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # While PostgreSQL is unavailable: a Polish 503 with Retry-After instead of a 500.
    "cms.middleware.DatabaseUnavailableMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "cms.middleware.RejectNulBytesMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # A cached page is served in one round trip to the cache, which also tells whether a
    # version's "Obowiązuje od" has come; if it may have, the request goes on to
    # ScheduledPublishingMiddleware, which publishes it at its second whatever the
    # scheduler's timing, and the page is rendered afresh.
    "home.page_cache.PublicPageCacheMiddleware",
    "procedures.workflow.scheduling.ScheduledPublishingMiddleware",
    # Downloads only staff may make are never stored by browsers or proxies.
    "procedures.document_access.PrivateDocumentMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After the user: the admin's searches find by the text their user may read.
    "search.readers.SearchReaderMiddleware",
    # After the session and the user: only a valid staff session is exempt from the limit.
    "procedures.api.throttle.ApiRateLimitMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Staff logins (procedures.logins): idle and old sessions end; a user who needs a
    # second factor enters a one-time code before the admin or the Call Center.
    "procedures.logins.sessions.StaffSessionTimeoutMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "procedures.logins.two_factor.RequireTwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cms.urls"

# Staff logins (procedures.logins; README, "Security").
# Failed logins per account before it is locked, and for how long (seconds).
LOGIN_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5, minimum=1)
LOGIN_LOCKOUT_SECONDS = env_int("LOGIN_LOCKOUT_SECONDS", 15 * 60, minimum=1)
# A staff session ends after this long without a request, and this long after the login.
STAFF_SESSION_IDLE_SECONDS = env_int("STAFF_SESSION_IDLE_SECONDS", 30 * 60, minimum=60)
STAFF_SESSION_MAX_SECONDS = env_int("STAFF_SESSION_MAX_SECONDS", 12 * 60 * 60, minimum=60)
SESSION_COOKIE_AGE = STAFF_SESSION_MAX_SECONDS
# Moderators, agents, heads and administrators confirm each login with a one-time code.
# On everywhere but in cms.settings.test (the two-factor tests turn it on there).
STAFF_TWO_FACTOR_REQUIRED = True
WAGTAILADMIN_USER_LOGIN_FORM = "procedures.logins.forms.StaffLoginForm"
# seed_demo (accounts with published passwords) runs only where this is on: cms.settings.dev
# and cms.settings.test, never production.
DEMO_DATA_ALLOWED = False
OTP_TOTP_ISSUER = "Baza wiedzy ŁCKzM"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                # {{ csp_nonce }} for the rare inline <script> that SECURE_CSP allows.
                "django.template.context_processors.csp",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "pl"
LANGUAGES = [("pl", "Polski")]
TIME_ZONE = "Europe/Warsaw"
USE_I18N = True
# The project's catalogue (cms/locale) wins over Wagtail's and Django's: LOCALE_PATHS are
# merged last. It holds the admin strings those catalogues leave in English or in the
# wrong case, with Polish plural forms.
LOCALE_PATHS = [BASE_DIR / "cms" / "locale"]
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.get("MEDIA_ROOT", BASE_DIR / "media"))

STORAGES = storages_from_env(env)

# Public API: anonymous requests per client address ("count/seconds", "0" = off), exempt
# addresses (BIP's harvester), the proxy header with the client address, CORS origins.
API_RATE_LIMIT = env.get("API_RATE_LIMIT", "1200/60")
API_RATE_LIMIT_EXEMPT = env_list("API_RATE_LIMIT_EXEMPT")
API_CLIENT_IP_HEADER = env.get("API_CLIENT_IP_HEADER", "")
# Reverse proxies in front of the app servers that append to X-Forwarded-For (or the header
# named by API_CLIENT_IP_HEADER): the client is the hop they saw, counted from the right;
# 0 = none, the client is REMOTE_ADDR. Naming the header alone means one proxy.
API_TRUSTED_PROXY_COUNT = env_int(
    "API_TRUSTED_PROXY_COUNT", 1 if API_CLIENT_IP_HEADER else 0, maximum=10
)
API_CORS_ALLOWED_ORIGINS = env_list("API_CORS_ALLOWED_ORIGINS")

# Residents' feedback (procedures.feedback; README, "Residents' feedback"): characters of
# "Co jest nieaktualne lub błędne?", and reports and votes per client address
# ("count/seconds", "0" = off; the address as the API's rate limit determines it).
FEEDBACK_MAX_CHARS = env_int("FEEDBACK_MAX_CHARS", 2000, minimum=1)
FEEDBACK_REPORT_RATE_LIMIT = env.get("FEEDBACK_REPORT_RATE_LIMIT", "5/3600")
FEEDBACK_VOTE_RATE_LIMIT = env.get("FEEDBACK_VOTE_RATE_LIMIT", "60/3600")

# /readyz/ fails when the scheduler's last successful round is older than this many seconds;
# 0 turns that check off (a site that runs without run_scheduler by design).
SCHEDULER_HEARTBEAT_MAX_AGE = env_int("SCHEDULER_HEARTBEAT_MAX_AGE", 300)

# Seconds an anonymous portal page is kept in the page cache (0 turns it off).
PORTAL_CACHE_SECONDS = env_int("PORTAL_CACHE_SECONDS", 300)
# Seconds a cached page is still served past that while the database is unavailable.
PORTAL_CACHE_STALE_SECONDS = env_int("PORTAL_CACHE_STALE_SECONDS", 3600)
# Host spellings cached besides the sites' names and ALLOWED_HOSTS, e.g. 127.0.0.1:8000;
# any other spelling of Host is rendered afresh (home/page_cache.py).
PORTAL_CACHE_HOSTS = env_list("PORTAL_CACHE_HOSTS")
# Seconds a procedure's rendered content (its fragment) is kept at most (0 turns it off);
# dropped earlier when a record it shows changes (procedures/fragments.py).
PROCEDURE_FRAGMENT_SECONDS = env_int("PROCEDURE_FRAGMENT_SECONDS", 24 * 60 * 60)
# Load balancers' probes: no page cache, rate limit or scheduled publishing runs for them.
HEALTH_CHECK_PATHS = ["/healthz/", "/readyz/"]
CACHES = caches_from_env(env)

SECRET_KEY = env.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# Wagtail's admin sends the token from the page (wagtailConfig.CSRF_TOKEN, form fields),
# so script never needs to read the cookie.
CSRF_COOKIE_HTTPONLY = True

# Content-Security-Policy of the portal, the Call Center, the API and everything else:
# scripts and styles from this site's own files only (an inline <script> needs the
# response's nonce, {{ csp_nonce }}), no plugins, no framing, forms post only here. A
# script that slipped into content (a stored <script>, onerror=, javascript: link) is
# not run by the browser.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
# Wagtail's admin (/admin/, applied to its views in cms.urls): its widgets write inline
# <script> and style attributes, and its preview frames the admin's own pages, so those
# are allowed there and nowhere else. Still no other hosts, no plugins, no <base>.
SECURE_CSP_ADMIN = {
    **SECURE_CSP,
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:"],
    "frame-src": [CSP.SELF],
    "frame-ancestors": [CSP.SELF],
}

# Wagtail
WAGTAIL_SITE_NAME = "Baza wiedzy ŁCKzM"
WAGTAILADMIN_BASE_URL = _env_value("WAGTAILADMIN_BASE_URL") or (
    f"http://127.0.0.1:{env_int('PORT', 8000, minimum=1, maximum=65535)}"
)
WAGTAIL_I18N_ENABLED = False
# ASCII slugs: the admin transliterates Polish letters ("ł" → "l") instead of encoding them.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("pl", "Polski")]
WAGTAIL_CONTENT_LANGUAGES = [("pl", "Polski")]
WAGTAILDOCS_DOCUMENT_MODEL = "procedures.ProcedureDocument"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "procedures.forms.ProcedureDocumentForm"
WAGTAILIMAGES_IMAGE_FORM_BASE = "procedures.forms.ProcedureImageForm"
# Upload limits in bytes (README "Security"). A bigger file is refused with a Polish message
# naming the field; the web server's own request limit must be at least the largest.
WAGTAILDOCS_MAX_UPLOAD_SIZE = env_int("DOCUMENT_MAX_UPLOAD_SIZE", 20 * 1024 * 1024, minimum=1)
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env_int("IMAGE_MAX_UPLOAD_SIZE", 10 * 1024 * 1024, minimum=1)
UPDATE_REQUEST_ATTACHMENT_MAX_UPLOAD_SIZE = env_int(
    "ATTACHMENT_MAX_UPLOAD_SIZE", 20 * 1024 * 1024, minimum=1
)
# The review cycle (procedures.reviews, README "Review cycle and digests"): "Następny
# przegląd" falls this many months after a publication or an "Opis jest aktualny"; a review
# counts as due this many days before it, and "Obowiązuje do" as near this many days ahead.
PROCEDURE_REVIEW_MONTHS = env_int("PROCEDURE_REVIEW_MONTHS", 12, minimum=1)
PROCEDURE_REVIEW_DUE_DAYS = 30
PROCEDURE_EXPIRY_WARNING_DAYS = 30
# The scheduler sends the Office's daily digest from this local hour, and the department
# editors' weekly digest from this hour of this weekday (0 = Monday).
REVIEW_DIGEST_HOUR = env_int("REVIEW_DIGEST_HOUR", 7, maximum=23)
REVIEW_WEEKLY_DIGEST_WEEKDAY = 0
# The Polish analyser for the admin's searches and choosers (search.backend).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backend"}}
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Avatars from this site only: no request to gravatar.com (and none blocked by the CSP).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# No autosave (Wagtail's default saves the form every 0.5 s). A procedure is saved when its
# editor says so: autosaving a half-filled form answered "Autozapis wstrzymany", and an
# autosave still on its way when the editor clicked "Zatwierdź" or "Wyślij do akceptacji"
# made the stale-save check (procedures/concurrency.py) refuse the editor's own save.
# Leaving the form with unsaved changes still asks first (Wagtail's unsaved-changes check).
WAGTAIL_AUTOSAVE_INTERVAL = 0
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILADMIN_COMMENTS_ENABLED = True
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Limits on one procedure (issue #13). Each is far above the largest real procedure (the
# city's 20 published descriptions and the demo: 8 steps, 6 places, 5 documents to submit,
# 4 fees, 5 channels, 3 acts, 3 FAQ items; "Sposób załatwienia sprawy" 905 characters,
# any other text 345). The admin and the importer refuse more, naming the field.
PROCEDURE_MAX_ITEMS = {  # entries of each StreamField
    "steps": 50,
    "places": 30,
    "appointment": 1,
    "fees": 30,
    "submission_channels": 25,
    "required_documents": 60,
    "other_documents": 30,
    "legal_basis": 50,
    "appeal": 1,
    "cc_contacts": 50,
    "faq": 100,
}
PROCEDURE_MAX_LIST_ITEMS = 20  # ways to book, e-forms of a document, platforms of a channel
PROCEDURE_MAX_RICH_TEXT_CHARS = 30_000  # text of one rich-text field or block, spaces included
PROCEDURE_MAX_TEXT_CHARS = 5_000  # one plain text ("Opis terminu", "Uwagi", a document name…)
# The editor's form is posted whole (Django's default is 2.5 MB): a form over that size is
# refused with a bare 400 and loses the editor's text, while anything up to this size gets
# the field's own message above, with the text kept.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
