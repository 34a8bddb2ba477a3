"""The framework's floor for bench/portal.py: a trivial Django view behind Django's default
middleware only (the list ``django-admin startproject`` writes), none of this project's.

    gunicorn bench.floor:application

The view answers ``/healthz/`` with "ok" and asks no database; anonymous requests without
cookies touch no session. Its throughput is what Django itself costs on this machine, so
the portal's figures can be read as a fraction of it on any machine.
"""

import django
from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

settings.configure(
    DEBUG=False,
    SECRET_KEY="bench-floor-only-not-a-secret",  # noqa: S106 - serves one constant "ok"
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF=__name__,
    INSTALLED_APPS=[
        "django.contrib.auth",
        "django.contrib.contenttypes",
        "django.contrib.sessions",
        "django.contrib.messages",
    ],
    MIDDLEWARE=[
        "django.middleware.security.SecurityMiddleware",
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.middleware.common.CommonMiddleware",
        "django.middleware.csrf.CsrfViewMiddleware",
        "django.contrib.auth.middleware.AuthenticationMiddleware",
        "django.contrib.messages.middleware.MessageMiddleware",
        "django.middleware.clickjacking.XFrameOptionsMiddleware",
    ],
    DATABASES={},
)


def healthz(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("healthz/", healthz)]

django.setup()
application = get_wsgi_application()
