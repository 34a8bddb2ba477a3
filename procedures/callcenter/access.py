"""Who may open the Call Center reading view, and the headers every one of its answers gets.

Who may read restricted content is :func:`procedures.reading.can_read_restricted`.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse

from procedures.reading import can_read_restricted, private_response

__all__ = ["can_read_restricted"]


def callcenter_view(view):
    """Wrap a reading-view function: the login page for anonymous users, a 403 page for
    staff without the permission, the view's own 404 page for what does not exist — and
    ``Cache-Control: private, no-store`` with ``Vary: Cookie`` on all of them."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated:
            response = redirect_to_login(
                request.get_full_path(), login_url=reverse("wagtailadmin_login")
            )
        elif not can_read_restricted(user):
            response = TemplateResponse(request, "callcenter/forbidden.html", status=403)
        else:
            try:
                response = view(request, *args, **kwargs)
            except Http404:
                response = TemplateResponse(request, "callcenter/not_found.html", status=404)
        return private_response(response)

    return wrapper
