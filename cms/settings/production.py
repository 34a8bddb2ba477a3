"""Production: PostgreSQL, S3-compatible media, Redis cache, several app servers.

Fails at start-up when a secret or a required setting is missing, rather than running
with an invented one.
"""

from .base import *  # noqa: F401,F403
from .base import env

DEBUG = False
SECRET_KEY = env["SECRET_KEY"]
ALLOWED_HOSTS = env["ALLOWED_HOSTS"].split(",")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.get("SECURE_SSL_REDIRECT", "1") == "1"
SECURE_HSTS_SECONDS = int(env.get("SECURE_HSTS_SECONDS", "31536000"))
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
            "port": int(env.get("EMAIL_PORT", "25")),
            "username": env.get("EMAIL_HOST_USER", ""),
            "password": env.get("EMAIL_HOST_PASSWORD", ""),
            "use_tls": env.get("EMAIL_USE_TLS", "0") == "1",
        },
    }
}
DEFAULT_FROM_EMAIL = env.get("DEFAULT_FROM_EMAIL", "baza-wiedzy@uml.lodz.pl")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.get("LOG_LEVEL", "INFO")},
}
