"""Production: PostgreSQL, S3-compatible media, Redis cache, several app servers.

Fails at start-up when a secret or a required setting is missing, rather than running
with an invented one.
"""

from django.core.exceptions import ImproperlyConfigured

from cms.log import LOG_FORMATS, LOG_LEVELS, logging_config
from cms.sentry import init_sentry

from .base import *  # noqa: F401,F403
from .base import env, env_bool, env_choice, env_int, env_list

DEBUG = False
SECRET_KEY = env["SECRET_KEY"]
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS is required: the site's host names, comma-separated.")

# Several app servers (or gunicorn workers) must share one cache: with a cache of its own,
# each process would keep pages that another one purged, and count its own rate limit.
# SINGLE_PROCESS=yes says the site runs as one process, where the in-process cache is whole.
if not env.get("REDIS_URL", "").strip() and not env_bool("SINGLE_PROCESS", False):
    raise ImproperlyConfigured(
        "REDIS_URL is required: the cache every app server and worker shares. "
        "Only a site served by one single process may run without it (SINGLE_PROCESS=yes)."
    )

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True

MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": env.get("EMAIL_HOST", "localhost"),
            "port": env_int("EMAIL_PORT", 25, minimum=1),
            "username": env.get("EMAIL_HOST_USER", ""),
            "password": env.get("EMAIL_HOST_PASSWORD", ""),
            "use_tls": env_bool("EMAIL_USE_TLS", False),
        },
    }
}
DEFAULT_FROM_EMAIL = env.get("DEFAULT_FROM_EMAIL", "baza-wiedzy@uml.lodz.pl")

# One JSON object a line on standard error, with the request id (cms/log.py);
# LOG_FORMAT=text for reading in a terminal.
LOGGING = logging_config(
    level=env_choice("LOG_LEVEL", "INFO", LOG_LEVELS),
    fmt=env_choice("LOG_FORMAT", "json", LOG_FORMATS),
)

# Error reports to Sentry (or a compatible server) only when SENTRY_DSN is set.
init_sentry(
    dsn=env.get("SENTRY_DSN", "").strip(),
    environment=env.get("SENTRY_ENVIRONMENT", "production"),
    traces_sample_rate=float(env_int("SENTRY_TRACES_PERCENT", 0, maximum=100)) / 100,
)
