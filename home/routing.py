"""Routing a resident to a public procedure in one query.

Wagtail routes a request down the page tree, a level at a time: the site's root page, then
each child by its slug and again by its own type, and then asks for the view restrictions
of the page and every ancestor (seven queries for ``/procedury/<slug>/``). A procedure page
is the page residents open most often, and by far, so :func:`serve` first looks for a
public procedure whose URL path is the requested one, in one query that also tells whether
any view restriction or alias could apply to it; its SQL is compiled once per process
(:class:`procedures.sql.CompiledSQL`). When it finds one, Wagtail's ``serve`` takes the
route as found; anything else (another page type, a procedure that is not public now, an
unknown address) is routed by Wagtail as before and answered as before (404, 410).
"""

from datetime import UTC, datetime
from functools import cache

from django.db import connections, router
from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from django.utils import timezone
from wagtail import views as wagtail_views
from wagtail.models import Page, PageViewRestriction, Site

from procedures.models import ProcedurePage
from procedures.sql import CompiledSQL

#: Placeholder values, which no request's slug, path, tree position or instant can be.
_SLUG, _URL_PATH, _ROOT = "~slug~", "~url-path~", "~root~"
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

    def page(self, root, path, at):
        """The public procedure at ``path`` below the page ``root`` at ``at``, or ``None``."""
        params = self.compiled.params_with(
            slug=path.rstrip("/").rsplit("/", 1)[-1],
            url_path=root.url_path + path,
            root=root.path + "%",  # a treebeard path: digits and capitals, nothing to escape
            at=self._adapt(at),
        )
        return next(
            iter(ProcedurePage.objects.using(self.using).raw(self.compiled.sql, params)), None
        )


@cache
def _compiled(using):
    return CompiledRoute(using)


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
    site = Site.find_for_request(request)  # one query, the root page with it; kept on request
    if site is None:
        return None
    page = _compiled(router.db_for_read(ProcedurePage)).page(site.root_page, path, timezone.now())
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
