"""Fragments rendered ahead of the first reader (``manage.py warm_fragments``)."""

import logging

from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.test import RequestFactory

from procedures import fragments
from procedures.models import ProcedurePage

logger = logging.getLogger(__name__)


def missing_fragments():
    """Public procedures whose current version has no fragment in the cache (one cache
    read for all of them; none at all while the cache is unavailable)."""
    pages = list(ProcedurePage.objects.public().exclude(live_revision=None).order_by("path"))
    try:
        entries = cache.get_many([fragments.key_for(page.pk) for page in pages])
    except Exception:
        logger.warning("Fragments not warmed: the cache is unavailable")
        return []
    return [
        page
        for page in pages
        if (entries.get(fragments.key_for(page.pk)) or {}).get("stamp") != fragments.stamp(page)
    ]


def warm_fragments(limit=None):
    """Render the missing fragments (at most ``limit``) as an anonymous reader's request
    to each procedure's own site would; ``(rendered, failed)``."""
    rendered = failed = 0
    for page in missing_fragments()[:limit]:
        try:
            _render(page)
        except Exception:
            failed += 1
            logger.exception("Fragment of procedure %s not rendered", page.pk)
        else:
            rendered += 1
    return rendered, failed


def _render(page):
    site = page.get_site()
    host = site.hostname if site.port in (80, 443) else f"{site.hostname}:{site.port}"
    request = RequestFactory().get(page.get_url(), HTTP_HOST=host)
    request.user = AnonymousUser()
    response = page.serve(request)
    response.render()
