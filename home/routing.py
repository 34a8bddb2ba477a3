"""Routing a resident to a public procedure in one query.

Wagtail routes a request down the page tree, a level at a time: the site's root page, then
each child by its slug and again by its own type, and then asks for the view restrictions
of the page and every ancestor (seven queries for ``/procedury/<slug>/``). A procedure page
is the page residents open most often, and by far, so :func:`serve` first looks for a
public procedure whose URL path is the requested one, in one query that also tells whether
any view restriction or alias could apply to it, after Wagtail's own choice of the site;
the SQL of both is compiled once per process (:class:`procedures.sql.CompiledSQL`). When
it finds one, Wagtail's ``serve`` takes the route as found; anything else (another page
type, a procedure that is not public now, an unknown address) is routed by Wagtail as
before and answered as before (404, 410).
"""

from datetime import UTC, datetime
from functools import cache

from django.db import connections, router
from django.db.models import Case, Exists, F, IntegerField, OuterRef, Q, When
from django.db.models.functions import Length, Substr
from django.http.request import split_domain_port
from django.utils import timezone
from wagtail import views as wagtail_views
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.models.sites import (
    MATCH_DEFAULT,
    MATCH_HOSTNAME,
    MATCH_HOSTNAME_DEFAULT,
    MATCH_HOSTNAME_PORT,
)

from procedures.models import ProcedurePage
from procedures.sql import CompiledSQL

#: Placeholder values, which no request's slug, path, tree position, instant, host name or
#: port can be.
_SLUG, _URL_PATH, _ROOT = "~slug~", "~url-path~", "~root~"
_HOST, _PORT = "~host~", 65599
_AT = datetime(1907, 7, 7, 7, 7, 7, 70707, tzinfo=UTC)


def _ancestor_or_self(path_field):
    """Rows whose ``path_field`` is the treebeard path of the outer page or of one of its
    ancestors (a path is a prefix of its descendants' paths)."""
    return {path_field: Substr(OuterRef("path"), 1, Length(path_field))}


class CompiledRoute:
    """The query of the public procedure with a slug and URL path below a site's root page
    at an instant, on database ``using``; compiled once, run for any of them."""

    def __init__(self, using):
        self.using = using
        queryset = (
            ProcedurePage.objects.public(at=_AT)
            # The slug (indexed) narrows it to a page or two, the URL path picks the one.
            .filter(slug=_SLUG, url_path=_URL_PATH, path__startswith=_ROOT)
            .annotate(
                restricted=Exists(
                    PageViewRestriction.objects.filter(**_ancestor_or_self("page__path"))
                ),
                aliased=Exists(
                    Page.objects.filter(alias_of__isnull=False, **_ancestor_or_self("path"))
                ),
            )
            .order_by("pk")
        )
        self.compiled = CompiledSQL(
            queryset.using(using)[:1],
            {"slug": _SLUG, "url_path": _URL_PATH, "root": _ROOT + "%", "at": self._adapt(_AT)},
        )

    def _adapt(self, at):
        # As the ORM gives the database an instant compared with a DateTimeField.
        field = ProcedurePage._meta.get_field("go_live_at")
        return field.get_db_prep_value(at, connections[self.using])

    def page(self, site, path, at):
        """The public procedure at ``path`` below the root page of ``site`` (a site of
        :class:`CompiledSite`) at ``at``, or ``None``."""
        params = self.compiled.params_with(
            slug=path.rstrip("/").rsplit("/", 1)[-1],
            url_path=site.root_url_path + path,
            root=site.root_path + "%",  # a treebeard path: digits and capitals, nothing to escape
            at=self._adapt(at),
        )
        return next(
            iter(ProcedurePage.objects.using(self.using).raw(self.compiled.sql, params)), None
        )


class CompiledSite:
    """Wagtail's choice of the site for a host name and port
    (``wagtail.models.sites.get_site_for_hostname``: the same query and the same choice),
    its SQL compiled once; each site found carries its root page's tree path and URL path
    (``root_path``, ``root_url_path``) for :class:`CompiledRoute`."""

    def __init__(self, using):
        self.using = using
        queryset = (
            Site.objects.annotate(
                match=Case(
                    When(hostname=_HOST, port=_PORT, then=MATCH_HOSTNAME_PORT),
                    When(hostname=_HOST, is_default_site=True, then=MATCH_HOSTNAME_DEFAULT),
                    When(is_default_site=True, then=MATCH_DEFAULT),
                    default=MATCH_HOSTNAME,
                    output_field=IntegerField(),
                ),
                root_path=F("root_page__path"),
                root_url_path=F("root_page__url_path"),
            )
            .filter(Q(hostname=_HOST) | Q(is_default_site=True))
            .order_by("match")
        )
        self.compiled = CompiledSQL(queryset.using(using), {"host": _HOST, "port": _PORT})

    def site(self, hostname, port):
        """The site Wagtail would answer ``hostname``:``port`` with, or ``None``."""
        params = self.compiled.params_with(host=hostname, port=port)
        sites = list(Site.objects.using(self.using).raw(self.compiled.sql, params))
        if not sites:
            return None
        if len(sites) == 1 or sites[0].match in (MATCH_HOSTNAME_PORT, MATCH_HOSTNAME_DEFAULT):
            return sites[0]
        if sites[0].match == MATCH_DEFAULT:
            return sites[len(sites) == 2]
        return None


@cache
def _compiled(using):
    return CompiledRoute(using)


@cache
def _compiled_site(using):
    return CompiledSite(using)


def site_for(request):
    """The request's Wagtail site, as ``Site.find_for_request`` finds it, in one compiled
    query, with its root page's paths; kept on the request for Wagtail (``_wagtail_site``).
    ``None`` when no site answers, or when the port is not a number (Wagtail decides)."""
    hostname = split_domain_port(request._get_raw_host())[0]
    try:
        port = int(request.get_port())
    except (TypeError, ValueError):
        return None
    site = _compiled_site(router.db_for_read(Site)).site(hostname, port)
    if site is not None:
        request._wagtail_site = site
    return site


def public_procedure_at(request, path):
    """The public procedure served at ``path`` (Wagtail's ``serve`` argument, such as
    ``procedury/wydanie-dowodu/``) of the request's site, or ``None``.

    The page found carries ``public_now`` (``serve()`` need not ask again) and
    ``open_to_all`` when neither it nor an ancestor has a view restriction or is an alias
    (``get_view_restrictions()`` need not ask either).
    """
    if path.count("/") != 2:
        # A procedure is two levels below its site's root, the home page, under the
        # procedure list (their parent_page_types): any other address is not one.
        return None
    site = getattr(request, "_wagtail_site", None)
    if not hasattr(site, "root_url_path"):  # not looked up here yet
        site = site_for(request)
    if site is None:
        return None
    page = _compiled(router.db_for_read(ProcedurePage)).page(site, path, timezone.now())
    if page is not None:
        page.public_now = True
        page.open_to_all = not (page.restricted or page.aliased)
    return page


def serve(request, path):
    """Wagtail's ``serve`` view, with a public procedure routed in one query."""
    if not hasattr(request, "_wagtail_route_for_request"):
        page = public_procedure_at(request, path)
        if page is not None:
            request._wagtail_route_for_request = page.route(request, [])
    return wagtail_views.serve(request, path)
