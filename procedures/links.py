"""Absolute links built from the one configured address of the site.

E-mails, the API, JSON-LD and the sitemap name the site by ``WAGTAILADMIN_BASE_URL``
(``make demo`` derives it from ``PORT``), never by the host a request happened to use;
``seed_demo`` keeps the default Wagtail Site's hostname and port in agreement with it, so
Wagtail's own links (``page.full_url`` in notification e-mails) say the same.
"""

from urllib.parse import urlsplit

from django.conf import settings


def base_url():
    """``WAGTAILADMIN_BASE_URL`` without a trailing slash, e.g. ``http://127.0.0.1:8000``."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute_url(path):
    """``path`` (``/procedury/…``) on the configured site; an absolute URL stays as it is."""
    if not path or urlsplit(path).scheme:
        return path
    return base_url() + path


def page_url(page, request=None):
    """The page's public address on the configured site, or None if it has none."""
    parts = page.get_url_parts(request)
    return absolute_url(parts[2]) if parts else None


def site_address():
    """``(hostname, port)`` for a Wagtail Site that agrees with ``WAGTAILADMIN_BASE_URL``."""
    address = urlsplit(base_url())
    default_port = 443 if address.scheme == "https" else 80
    return address.hostname, address.port or default_port


def agree_with_base_url(site):
    """Give ``site`` (unsaved) the host name and port of ``WAGTAILADMIN_BASE_URL``, so that
    Wagtail's ``page.full_url`` names the same address; True if that changed anything."""
    hostname, port = site_address()
    changed = (site.hostname, site.port) != (hostname, port)
    site.hostname, site.port = hostname, port
    return changed
