"""Template helpers of the residents' portal: breadcrumbs, canonical URLs, JSON-LD, files,
a procedure's fragment."""

from django import template
from django.template.loader import render_to_string
from django.utils.formats import number_format
from django.utils.safestring import mark_safe
from wagtail.models import Page, Site

from procedures import fragments, linked_data
from procedures.changes.history import history_context
from procedures.models import ProcedureIndexPage, ProcedurePage
from procedures.text import sort_key_pl

register = template.Library()

HOME_LABEL = "Strona główna"


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, current):
    """Strona główna › … › ``current``: the pages above the one shown, then its own name.

    On a Wagtail page the trail is its live ancestors below the site's home; elsewhere (a
    Django view) it is the home page alone. Only titles and URLs of those pages are read.
    """
    request = context.get("request")
    trail = [{"title": HOME_LABEL, "url": "/"}]
    page = context.get("page")
    if isinstance(page, Page):
        site = Site.find_for_request(request) if request else None
        # The site's home is "Strona główna" above; pages above it are not the portal's.
        # (The portal's routing finds the site with its root page's path: no query.)
        home_path = (getattr(site, "root_path", None) or site.root_page.path) if site else None
        ancestors = page.get_ancestors().live().filter(depth__gt=1)
        if home_path:
            ancestors = ancestors.filter(path__startswith=home_path).exclude(path=home_path)
        trail += [
            {"title": ancestor.title, "url": ancestor.get_url(request)} for ancestor in ancestors
        ]
    return {"trail": trail, "current": current}


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    """``/procedury/x/`` → ``https://host/procedury/x/`` for the current request."""
    request = context.get("request")
    if not url or request is None:
        return url or ""
    return request.build_absolute_uri(url)


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The one address search engines should keep for what is shown.

    A procedure's own page URL (``/procedura/<code>/`` redirects there), a Wagtail page's
    URL, else the path of the request without its query string; on the host the request
    came to, like the sitemap and the JSON-LD.
    """
    request = context.get("request")
    if request is None:
        return ""
    page = context.get("page")
    procedure = context.get("procedure")
    if procedure is not None and not isinstance(page, Page):
        return request.build_absolute_uri(procedure.url)
    if procedure is not None and isinstance(page, ProcedurePage):
        # The procedure's own page: its address comes with its fragment, which the page
        # reads anyway (the site's root paths cost a cache read of their own).
        url = _fragment(context).get("url") or page.get_url(request)
        return request.build_absolute_uri(url) if url else ""
    if isinstance(page, Page):
        url = page.get_url(request)
        return request.build_absolute_uri(url) if url else ""
    return request.build_absolute_uri(request.path)


@register.simple_tag(takes_context=True)
def government_service_jsonld(context, procedure):
    """The procedure's schema.org JSON-LD as a ``<script>`` element, safe to embed."""
    return linked_data.script_tag(linked_data.government_service(procedure, context.get("request")))


#: Where a page's render keeps its procedure's fragment, so its parts cost one cache read.
_FRAGMENT = "procedure_fragment"


@register.simple_tag(takes_context=True)
def procedure_fragment(context, part):
    """One part of the procedure page's fragment: ``jsonld`` (the ``<script>`` of
    :func:`government_service_jsonld`), ``breadcrumbs``, ``article``
    (``procedures/procedure_article.html``) or ``feedback`` (the residents' feedback,
    ``procedures/procedure_feedback.html``); the page's header then takes the procedure
    list's address from it too (:func:`procedure_index_url`).

    The parts are rendered together, once per published version, and read from the cache
    (:func:`procedures.fragments.cached`) at most once per page render. A preview renders
    them afresh and stores nothing: its ``page`` is a draft, not the live version.
    """
    # A fragment stored by other code is never served (its stamp has the code's digest).
    return mark_safe(_fragment(context).get(part, ""))  # noqa: S308 - rendered by the templates above


def _fragment(context):
    """The parts of the page's fragment, read (or rendered) once per page render."""
    parts = context.render_context.get(_FRAGMENT)
    if parts is None:
        page, request = context["page"], context.get("request")
        if getattr(request, "is_preview", False) or not page.live:
            parts = _render_fragment(context)
        else:
            parts = fragments.cached(page, lambda: _render_fragment(context))
        context.render_context[_FRAGMENT] = parts
    return parts


def _render_fragment(context):
    procedure = context["procedure"]
    return {
        "jsonld": str(government_service_jsonld(context, procedure)),
        "breadcrumbs": render_to_string(
            "components/breadcrumbs.html", breadcrumbs(context, current=procedure.title)
        ),
        "article": render_to_string(
            "procedures/procedure_article.html",
            {"procedure": procedure, "history": history_context(context["page"])},
        ),
        "feedback": render_to_string(
            "procedures/procedure_feedback.html",
            {"procedure": procedure, "request": context.get("request")},
        ),
        "index_url": _procedure_index_url(context.get("request")),
        # The fragment is stamped with the page's URL path: this stays its address.
        "url": context["page"].get_url(context.get("request")),
    }


@register.simple_tag(takes_context=True)
def procedure_index_url(context):
    """URL of the "Procedury" list, or an empty string before it exists; on a procedure's
    page, from its fragment (the list is the page above it, and a change to the list
    drops the fragments below it)."""
    parts = context.render_context.get(_FRAGMENT)
    if parts is not None and "index_url" in parts:
        return parts["index_url"]
    # Not with the request: on a page Wagtail did not route (search, lists), the request's
    # site would cost a query of its own; the site root paths come from the cache.
    return _procedure_index_url(None)


def _procedure_index_url(request):
    index = ProcedureIndexPage.objects.live().first()
    return (index.get_url(request) or "") if index else ""


@register.filter
def file_size_pl(size):
    """``122880`` → ``120 kB``; ``1258291`` → ``1,2 MB`` (Polish decimal comma)."""
    if size is None:
        return ""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} kB"
    return f"{number_format(size / (1024 * 1024), 1)} MB"


@register.filter
def document_meta(document):
    """What a resident needs before downloading: ``PDF, 120 kB`` (format, then size)."""
    if not document:
        return ""
    parts = []
    extension = (document.file_extension or "").upper()
    if extension:
        parts.append(extension)
    # file_size is stored on upload; get_file_size() would write to the database (and the
    # search index) from a reader's GET, so an unknown size is simply not shown.
    size = document.file_size
    if size is not None:
        parts.append(file_size_pl(size))
    return ", ".join(parts)


@register.filter
def plural_pl(count, forms):
    """Polish plural: ``{{ n|plural_pl:"procedura,procedury,procedur" }}``.

    1 procedura; 2–4, 22–24, … procedury; 0, 5–21, 25–31, … procedur.
    """
    one, few, many = forms.split(",")
    count = int(count or 0)
    if count == 1:
        return one
    if count % 10 in (2, 3, 4) and count % 100 not in (12, 13, 14):
        return few
    return many


@register.filter
def sorted_pl(items, attribute="title"):
    """The items in Polish alphabetical order of ``attribute`` ("Ł" between "L" and "M")."""
    return sorted(items, key=lambda item: sort_key_pl(getattr(item, attribute, "")))
