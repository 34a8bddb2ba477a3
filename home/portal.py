"""Pages of the residents' portal that are not Wagtail pages.

Every procedure shown here comes from ``ProcedurePage.objects.public()`` and is read through
:class:`procedures.public.PublicProcedure`; nothing restricted is in reach of a template.
"""

from datetime import date

from django.db.models import Max, Q
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_safe
from wagtail.models import Site

from home.page_cache import mark_public
from procedures.links import absolute_url
from procedures.models import Category, ProcedureIndexPage, ProcedurePage
from procedures.public import PublicProcedure
from procedures.text import sort_key_pl

#: Dates shown in the accessibility statement (ustawa o dostępności cyfrowej, art. 10):
#: update them together with its text after every yearly review or significant change.
STATEMENT_DATES = {
    "site_published": date(2026, 11, 28),
    "site_updated": date(2026, 11, 28),
    "prepared": date(2026, 11, 28),
    "reviewed": date(2026, 11, 28),
}


@require_safe
def category_page(request, slug):
    """Public procedures of one category, alphabetically (Polish order), with summaries.

    404 for a slug no category has.
    """
    category = get_object_or_404(Category, slug=slug)
    pages = ProcedurePage.objects.public().filter(categories=category).defer_streamfields()
    procedures = sorted(
        (PublicProcedure(page) for page in pages),
        key=lambda procedure: sort_key_pl(procedure.title),
    )
    return mark_public(
        render(
            request,
            "home/category_page.html",
            {"category": category, "procedures": procedures},
        )
    )


@require_safe
def procedure_by_code(request, code):
    """``/procedura/KA-01147/`` → 301 to the procedure's page while it is public.

    The code is matched regardless of case; an internal, not yet valid, withdrawn or
    unknown procedure is a 404.
    """
    page = ProcedurePage.objects.public().filter(code__iexact=code.strip()).first()
    url = page.get_url(request) if page else None
    if not url:
        raise Http404("Nie ma opublikowanej procedury o tym kodzie.")
    return HttpResponsePermanentRedirect(url)


@require_safe
def accessibility_statement(request):
    """Deklaracja dostępności of the portal, in the structure the law prescribes."""
    return render(
        request,
        "home/accessibility_statement.html",
        {"dates": STATEMENT_DATES},
    )


@require_safe
def sitemap(request):
    """``sitemap.xml``: home, the procedure list, categories with public procedures, the
    accessibility statement and every public procedure, ``lastmod`` from last publication.
    Internal, not yet valid and withdrawn procedures are never listed."""
    absolute = absolute_url
    site = Site.find_for_request(request)
    urlset = []
    if site and site.root_page.live:
        home = site.root_page
        location = absolute(home.get_url(request) or "/")
        urlset.append({"location": location, "lastmod": home.last_published_at})
    for index in ProcedureIndexPage.objects.live():
        url = index.get_url(request)
        if url:
            urlset.append({"location": absolute(url), "lastmod": index.last_published_at})
    public = ProcedurePage.objects.public()
    categories = (
        Category.objects.with_public_count()
        .filter(public_count__gt=0)
        .annotate(
            lastmod=Max(
                "procedures__last_published_at",
                filter=Q(procedures__in=public.values("pk")),
            )
        )
    )
    for item in categories:
        location = absolute(reverse("portal_category", args=[item.slug]))
        urlset.append({"location": location, "lastmod": item.lastmod})
    urlset.append(
        {
            "location": absolute(reverse("accessibility_statement")),
            "lastmod": STATEMENT_DATES["site_updated"],
        }
    )
    pages = public.defer_streamfields().order_by("path")
    for page in pages:
        url = page.get_url(request)
        if url:
            urlset.append({"location": absolute(url), "lastmod": page.last_published_at})
    return mark_public(
        render(
            request,
            "sitemap.xml",
            {"urlset": urlset},
            content_type="application/xml; charset=utf-8",
        )
    )


ROBOTS_DISALLOW = ("/admin/", "/call-center/", "/django-admin/")


@require_safe
def robots_txt(request):
    """``robots.txt``: everything may be crawled except the staff areas; where the sitemap is."""
    lines = ["User-agent: *", "Allow: /"]
    lines += [f"Disallow: {path}" for path in ROBOTS_DISALLOW]
    lines += ["", f"Sitemap: {absolute_url(reverse('portal_sitemap'))}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
