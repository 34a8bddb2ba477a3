"""Public portal routes outside the page tree (the portal's own pages are Wagtail pages)."""

from django.urls import path

from home import portal

urlpatterns = [
    path("kategoria/<slug:slug>/", portal.category_page, name="portal_category"),
    path("procedura/<str:code>/", portal.procedure_by_code, name="procedure_by_code"),
    path(
        "deklaracja-dostepnosci/",
        portal.accessibility_statement,
        name="accessibility_statement",
    ),
    path("sitemap.xml", portal.sitemap, name="portal_sitemap"),
    path("robots.txt", portal.robots_txt, name="robots_txt"),
]
