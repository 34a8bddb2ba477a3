"""Whole-page cache of the public portal, for anonymous readers.

A portal page that may be shared between readers marks its response with
:func:`mark_public`; :class:`PublicPageCacheMiddleware` stores it under its path and serves
it to the next anonymous reader before URL resolution and Wagtail's routing, with ETag /
Last-Modified and 304 answers, and before ``ScheduledPublishingMiddleware``: a hit is one
round trip to the cache, which reads the page together with the next "Obowiązuje od"
instant, and is served only while no version can be due (otherwise the request goes on, the
due version is published and the page rendered afresh). What is stored:

- only anonymous GET/HEAD answers with status 200, never anything for a logged-in user
  (staff see the Wagtail user bar and restricted views);
- only for a ``Host`` spelled as the site knows it (:func:`known_hosts`: the Wagtail sites'
  names, with and without their port, ``ALLOWED_HOSTS``, ``PORTAL_CACHE_HOSTS``). Pages
  hold absolute URLs built from ``Host``, so each spelling has its own entries, and a purge
  drops the entries of every spelling in that same list; any other spelling
  (``LOCALHOST.``, another port) is rendered afresh, never served from or stored in the
  cache;
- a query string of tracking parameters only (``utm_*``, ``fbclid``, ``gclid``, …, see
  :func:`is_tracking_parameter`) is ignored: such a link shares the entry of the plain
  path. Any other query string is neither served from nor stored in the cache;
- never longer than the next "Obowiązuje do" of a public procedure, so a withdrawal is
  exact to the second although no event announces it;
- dropped when a procedure is published, unpublished, moved or deleted: its own page, the
  pages that list it (home, index, its categories, sitemap) and the procedures linking
  to it — exactly the pages concerned (:func:`invalidate_procedure`), after the change
  commits and again until the cache confirms it (:mod:`procedures.purges`).

While the database is unavailable (the request ends in the site's 503, see
``cms.middleware``), a stored page is served for ``PORTAL_CACHE_STALE_SECONDS`` past its
freshness (stale-if-error, ``X-Cache: STALE``) — but never past the next "Obowiązuje do".
Health checks (``HEALTH_CHECK_PATHS``) never touch the cache.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.http import HttpResponse
from django.urls import reverse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, quote_etag
from wagtail.models import Site

from procedures.freshness import seconds_until_next_withdrawal
from procedures.models import Category, RelatedProcedure
from procedures.purges import (
    forget_keys,
    purge_after_commit,
    replay_if_cache_recovered,
    site_root_paths,
)
from procedures.workflow.due import has_come, read_with_next_due

PREFIX = "portal-page:"
#: Seconds a page is kept (and the max-age browsers and proxies get).
TTL = getattr(settings, "PORTAL_CACHE_SECONDS", 300)
BROWSER_MAX_AGE = getattr(settings, "PORTAL_BROWSER_MAX_AGE", 60)
#: Seconds a page stays stored past its freshness, served only while the database is down.
STALE_SECONDS = getattr(settings, "PORTAL_CACHE_STALE_SECONDS", 3600)

#: Query parameters that only tell analytics where a reader came from.
TRACKING_PARAMETERS = frozenset(
    {
        "fbclid",
        "gclid",
        "gclsrc",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "twclid",
        "ttclid",
        "igshid",
        "li_fat_id",
        "mc_cid",
        "mc_eid",
        "_ga",
        "_gl",
        "_hsenc",
        "_hsmi",
        "mkt_tok",
    }
)


def is_tracking_parameter(name):
    """Whether a query parameter changes nothing on the page (``utm_*``, ``fbclid``, …)."""
    name = name.lower()
    return name.startswith("utm_") or name in TRACKING_PARAMETERS


def key_for(path):
    digest = hashlib.sha1(path.encode(), usedforsecurity=False).hexdigest()
    return PREFIX + digest


def mark_public(response, last_modified=None):
    """Let this response be shared with every anonymous reader of its URL."""
    response.portal_public = True
    response.portal_last_modified = last_modified
    return response


#: Seconds a process trusts its list of the site's host names before reading it again;
#: a Site saved in this process refreshes it at once (``home.signals``).
SITE_HOSTS_SECONDS = 60
_known_hosts = {"hosts": frozenset(), "until": 0.0}
#: Shared cache key of the Wagtail sites' host names, so that a process reading its list
#: again asks no database; dropped once a Site change commits (``home.signals``).
SITE_HOSTS_KEY = "portal-site-hosts"
SITE_HOSTS_KEEP_SECONDS = 60 * 60


def known_hosts():
    """The spellings of ``Host`` the page cache serves and stores, read at most every
    :data:`SITE_HOSTS_SECONDS` in this process (see :func:`_site_hosts`), the sites' names
    from the shared cache when it has them, so a page cache hit costs no query.

    While the database is unavailable the last list read (and the configured names) stays
    in use, so stored pages are still served (stale-if-error); it is read again soon after.
    """
    if _known_hosts["until"] <= time.monotonic():
        try:
            _known_hosts["hosts"] = frozenset(_configured_hosts() | _shared_database_hosts())
            _known_hosts["until"] = time.monotonic() + SITE_HOSTS_SECONDS
        except DatabaseError:
            _known_hosts["hosts"] |= _configured_hosts()
            _known_hosts["until"] = time.monotonic() + 5
    return _known_hosts["hosts"]


def forget_known_hosts(**kwargs):
    """Read the site's host names again at the next request (a Site was saved or deleted)."""
    _known_hosts["until"] = 0.0


def cache_host(request):
    """The request's ``Host`` when the page cache may answer it, else ``None``.

    Only the exact spellings in :func:`known_hosts` are cached: pages hold absolute URLs
    built from ``Host``, so each spelling has entries of its own, and a purge drops the
    entries of every spelling there can be. Another spelling (``LOCALHOST.``, an unknown
    port) is rendered afresh and never stored.
    """
    host = request._get_raw_host()
    return host if host in known_hosts() else None


def _cacheable_request(request):
    return (
        request.method in ("GET", "HEAD")
        and not request.path.startswith(tuple(settings.HEALTH_CHECK_PATHS))
        and all(is_tracking_parameter(name) for name in request.GET)
        and not request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    )


def _public_headers(response, etag, last_modified):
    response["ETag"] = etag
    if last_modified:
        response["Last-Modified"] = http_date(last_modified.timestamp())
    patch_cache_control(response, public=True, max_age=BROWSER_MAX_AGE)
    return response


class PublicPageCacheMiddleware:
    """Serve and store portal pages marked with :func:`mark_public` (see module docs)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable_request(request):
            return self.get_response(request)
        # Django's ALLOWED_HOSTS check comes first, as for a page that is not cached.
        request.get_host()
        host = cache_host(request)
        if host is None:
            return self.get_response(request)
        # Purges the cache missed go first, so a cache back with old pages is corrected.
        replay_if_cache_recovered()
        key = key_for(host + request.path)
        entry = None
        # Nothing is stored while pages are not kept (PORTAL_CACHE_SECONDS=0).
        if TTL > 0:
            # One round trip: the page and the next "Obowiązuje od" instant. A page is
            # served as stored only while no version can be due; otherwise the request goes
            # on through ScheduledPublishingMiddleware, which publishes what is due (its
            # purge drops this entry) before the page is rendered afresh.
            due_at, stored = read_with_next_due([key])
            entry = stored.get(key)
            if entry is not None and entry["expires"] > time.time() and not has_come(due_at):
                return self._from_entry(request, entry)

        response = self.get_response(request)
        if (
            getattr(response, "database_unavailable", False)
            and entry is not None
            and entry.get("stale_until", 0) > time.time()
        ):
            return self._from_entry(request, entry, state="STALE")
        if getattr(response, "portal_public", False) and response.status_code == 200:
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            # One query: the next withdrawal bounds both freshness and the stale grace;
            # none when pages are not kept at all (PORTAL_CACHE_SECONDS=0).
            kept = seconds_until_next_withdrawal(longest=TTL + STALE_SECONDS) if TTL > 0 else 0
            timeout = min(TTL, kept)
            last_modified = response.portal_last_modified
            etag = quote_etag(hashlib.sha1(response.content, usedforsecurity=False).hexdigest())
            _public_headers(response, etag, last_modified)
            if timeout > 0:
                cache.set(
                    key,
                    {
                        "content": response.content,
                        "headers": {
                            name: value
                            for name, value in response.headers.items()
                            if name.lower() not in _NOT_STORED
                        },
                        "etag": etag,
                        "last_modified": last_modified,
                        "expires": time.time() + timeout,
                        "stale_until": time.time() + kept,
                    },
                    kept,
                )
            return get_conditional_response(
                request, etag=etag, last_modified=_timestamp(last_modified), response=response
            )
        return response

    @staticmethod
    def _from_entry(request, entry, state="HIT"):
        response = HttpResponse(entry["content"], headers=entry["headers"])
        _public_headers(response, entry["etag"], entry["last_modified"])
        response["X-Cache"] = state
        return get_conditional_response(
            request,
            etag=entry["etag"],
            last_modified=_timestamp(entry["last_modified"]),
            response=response,
        )


_NOT_STORED = {"set-cookie", "etag", "last-modified", "cache-control", "expires", "x-cache"}


def _timestamp(moment):
    return int(moment.timestamp()) if moment else None


def forget_paths(paths, hosts=None):
    """Drop the cached copies of these paths (for every spelling of ``Host`` the page cache
    stores: the database's and this process's :func:`known_hosts`) now; whether the cache
    confirmed it (see :func:`procedures.purges.forget_keys`).

    Changes call :func:`procedures.purges.purge_after_commit` instead, which runs this
    after their commit and again until it is confirmed.
    """
    hosts = hosts or (_site_hosts(Site) | known_hosts())
    return forget_keys([key_for(host + path) for host in hosts for path in paths])


def _site_hosts(site_model):
    """Every ``Host`` spelling the page cache stores: each Wagtail site's host name, alone
    and with its port; the explicit names of ``ALLOWED_HOSTS``; ``PORTAL_CACHE_HOSTS``
    (e.g. ``127.0.0.1:8000``); and the local names. Serving and purging read this one list,
    so a purge reaches every entry there can be."""
    return _configured_hosts() | _database_hosts(site_model)


def _database_hosts(site_model):
    hosts = set()
    for site in site_model.objects.all():
        hosts.add(site.hostname)
        hosts.add(f"{site.hostname}:{site.port}")
    return hosts


def _shared_database_hosts():
    """The Wagtail sites' host spellings as stored in the shared cache, read from the
    database (and stored) when it has none."""
    hosts = cache.get(SITE_HOSTS_KEY)
    if hosts is None:
        hosts = frozenset(_database_hosts(Site))
        cache.set(SITE_HOSTS_KEY, hosts, SITE_HOSTS_KEEP_SECONDS)
    return hosts


def forget_site_hosts(**kwargs):
    """A Site was saved or deleted: this process reads the host names again at its next
    request, and every process once the change commits (the shared copy is dropped)."""
    forget_known_hosts()
    purge_after_commit(keys=[SITE_HOSTS_KEY])


def _configured_hosts():
    hosts = set(getattr(settings, "PORTAL_CACHE_HOSTS", ()))
    hosts.update(h for h in settings.ALLOWED_HOSTS if h and "*" not in h and h[0] != ".")
    hosts.update({"localhost", "127.0.0.1", "testserver"})
    return hosts


class RootPaths:
    """Holds the site root paths where Wagtail's URL methods look for them first."""

    def __init__(self):
        self._wagtail_cached_site_root_paths = site_root_paths()


def path_of_url_path(url_path, roots=None):
    """The portal path of a Wagtail ``url_path`` (``/strona-glowna/procedury/x/``), as it
    was before a move or slug change; ``None`` outside every site."""
    roots = roots or RootPaths()
    for root in roots._wagtail_cached_site_root_paths:
        if url_path.startswith(root.root_path):
            return reverse("wagtail_serve", args=(url_path[len(root.root_path) :],))
    return None


def paths_concerning(page, roots=None):
    """URL paths whose content depends on ``page`` being public."""
    return paths_concerning_all([page], roots)


def paths_concerning_all(pages, roots=None):
    """URL paths whose content depends on any of these procedures being public: the home
    page, the sitemap, each one's own page and its parent's, its categories' pages and the
    pages of the procedures naming it as related; in two queries however many there are."""
    roots = roots or RootPaths()
    paths = {"/", "/sitemap.xml"}
    for page in pages:
        for candidate in (page, page.get_parent()):
            paths.add(_path_of(candidate.specific_deferred, roots))
    ids = [page.pk for page in pages]
    for slug in Category.objects.filter(procedures__in=ids).values_list("slug", flat=True):
        paths.add(f"/kategoria/{slug}/")
    linking = RelatedProcedure.objects.filter(procedure__in=ids).select_related("page")
    for link in linking:
        paths.add(_path_of(link.page, roots))
    paths.discard(None)
    return paths


def paths_of(page, roots=None):
    """The portal path of ``page`` as a set (empty when it has none)."""
    return {_path_of(page, roots or RootPaths())} - {None}


def _path_of(page, roots):
    parts = page.get_url_parts(request=roots)
    return parts[2] if parts else None


def invalidate_procedure(page, *extra_paths, keys=()):
    """Drop the pages concerning ``page`` (and ``extra_paths``, and the cache ``keys``)
    from the cache once the current transaction commits; see :mod:`procedures.purges`."""
    return purge_after_commit(
        paths=paths_concerning(page) | {p for p in extra_paths if p}, keys=keys
    )
