from django.conf import settings
from django.conf.urls.static import static
from django.contrib.staticfiles.urls import staticfiles_urlpatterns
from django.urls import include, path, re_path
from django.views.decorators.cache import never_cache
from django.views.decorators.csp import csp_override
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.utils.urlpatterns import decorate_urlpatterns

from home import routing
from home.views import favicon, healthz, readyz
from procedures.api.views import unknown_address
from procedures.logins.views import StaffLoginView
from search import views as search_views

# The Wagtail admin is the only login page: Django's own admin site is not served.
urlpatterns = [
    # Wagtail's login page, sending each role to its start page (procedures.homes).
    path(
        "admin/login/",
        never_cache(csp_override(settings.SECURE_CSP_ADMIN)(StaffLoginView.as_view())),
        name="wagtailadmin_login",
    ),
    # The admin's relaxed Content-Security-Policy (settings.SECURE_CSP_ADMIN) on its views
    # only; everything else gets the strict SECURE_CSP.
    path(
        "admin/",
        include(
            decorate_urlpatterns(
                wagtailadmin_urls.urlpatterns, csp_override(settings.SECURE_CSP_ADMIN)
            )
        ),
    ),
    path("documents/", include(wagtaildocs_urls)),
    path("favicon.ico", favicon, name="favicon"),
    path("healthz/", healthz, name="healthz"),
    path("readyz/", readyz, name="readyz"),
    path("szukaj/", search_views.search, name="search"),
    path("szukaj/podpowiedzi/", search_views.suggestions, name="search_suggestions"),
    path("call-center/", include("procedures.callcenter.urls")),
    # Residents' feedback on a procedure's page: votes and error reports (never cached).
    path("opinie/", include("procedures.feedback.urls")),
    path("api/v2/", include("procedures.api.urls")),
    # Anything else under /api/ is the API's JSON 404, not a portal page.
    re_path(r"^api/", unknown_address, name="api_unknown_address"),
    # Atom feeds of public changes: /zmiany/atom/, /kategoria/<slug>/zmiany/atom/.
    path("", include("procedures.changes.urls")),
    path("", include("home.urls")),
]

if settings.DEBUG:
    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's front-end patterns; its page serving goes through the portal's router, which
# finds a public procedure in one query (home.routing).
urlpatterns += [
    *(pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"),
    re_path(wagtail_urls.serve_pattern, routing.serve, name="wagtail_serve"),
]

# A lost database answers 503 with Retry-After (cms/errors.py); anything else 500.html.
handler500 = "cms.errors.server_error"
