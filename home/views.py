"""Small views of the site itself."""

from django.http import HttpResponse
from django.views.decorators.cache import never_cache


@never_cache
def healthz(request):
    """``ok`` while the application answers: for load balancers (and the framework-floor
    benchmark). Touches no database."""
    return HttpResponse("ok", content_type="text/plain")
