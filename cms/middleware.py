"""Request hygiene shared by every view."""

from django.http import HttpResponseBadRequest


class RejectNulBytesMiddleware:
    """Answer 400 to a request whose address holds a NUL character (``%00``).

    No page, procedure code or search needs one, and PostgreSQL refuses such strings, so
    letting them reach a query would turn a typo or a probe into a server error.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any("\x00" in v for v in request.GET.values()):
            return HttpResponseBadRequest(
                "Adres zawiera niedozwolony znak.", content_type="text/plain; charset=utf-8"
            )
        return self.get_response(request)
