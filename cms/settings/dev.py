"""Local development: debug on, a fixed throwaway key, e-mail printed to the console."""

from .base import *  # noqa: F401,F403
from .base import env

DEBUG = True
SECRET_KEY = env.get("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")  # noqa: S105
ALLOWED_HOSTS = ["*"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# seed_demo and demo_code may run here (never under production settings).
DEMO_DATA_ALLOWED = True
