"""Filing an update request from the procedure it is about.

"Zgłoś potrzebę aktualizacji" on a Call Center page opens the request form as
``/admin/snippets/procedures/updaterequest/add/?procedure=<id>``: the procedure is filled
in, a "Wróć do procedury" button leads back, and after saving the user is back on the
procedure with a message. A ``procedure`` the user may not read, or that does not exist,
fills in nothing and says so; it is never an error page.
"""

from functools import cached_property
from urllib.parse import urlencode

from django.contrib import messages
from django.db.models import Q
from django.urls import reverse
from wagtail.admin.widgets.button import HeaderButton
from wagtail.snippets.views.snippets import CreateView

from procedures.models import ProcedurePage
from procedures.models.permissions import editable_departments
from procedures.reading import callcenter_procedure_url, can_read_restricted

PROCEDURE_PARAMETER = "procedure"


def readable_procedures(user):
    """The procedures ``user`` may read in full or in part: all of them for staff who read
    restricted content, otherwise the public ones and those of the user's departments."""
    procedures = ProcedurePage.objects.all()
    if can_read_restricted(user):
        return procedures
    public = ProcedurePage.objects.public().values("pk")
    return procedures.filter(Q(pk__in=public) | Q(department__in=editable_departments(user)))


def request_form_url(page):
    """The update request form with ``page`` filled in."""
    add_url = reverse("wagtailsnippets_procedures_updaterequest:add")
    return f"{add_url}?{urlencode({PROCEDURE_PARAMETER: page.pk})}"


def procedure_url_for(user, page):
    """Where ``user`` reads ``page``: its Call Center page for staff who read restricted
    content, else its portal page when it is public, else ``None``."""
    if can_read_restricted(user):
        return callcenter_procedure_url(page)
    if ProcedurePage.objects.public().filter(pk=page.pk).exists():
        return page.get_url()
    return None


class UpdateRequestCreateView(CreateView):
    """Wagtail's snippet create view for requests, prefilled from ``?procedure=<id>``."""

    @cached_property
    def prefilled_procedure(self):
        """The procedure named by ``?procedure=``, when it exists and the user may read it."""
        value = self.request.GET.get(PROCEDURE_PARAMETER, "").strip()
        if not value:
            return None
        page = None
        if value.isdigit() and len(value) < 12:
            page = readable_procedures(self.request.user).filter(pk=int(value)).first()
        if page is None and self.request.method == "GET":
            messages.warning(
                self.request,
                "Nie znaleziono procedury, której dotyczy odnośnik. Wybierz procedurę "
                "w formularzu.",
            )
        return page

    @cached_property
    def back_url(self):
        page = self.prefilled_procedure
        return procedure_url_for(self.request.user, page) if page else None

    def get_initial(self):
        # Initial data, not a prepared instance: the form fills in the requester's name
        # and address only on a form without an instance.
        initial = super().get_initial()
        if self.prefilled_procedure is not None:
            initial[PROCEDURE_PARAMETER] = self.prefilled_procedure.pk
        return initial

    def get_add_url(self):
        url = super().get_add_url()
        if self.prefilled_procedure is not None:
            separator = "&" if "?" in url else "?"
            url += f"{separator}{urlencode({PROCEDURE_PARAMETER: self.prefilled_procedure.pk})}"
        return url

    def get_header_buttons(self):
        buttons = super().get_header_buttons()
        if self.back_url:
            buttons.insert(
                0, HeaderButton("Wróć do procedury", url=self.back_url, icon_name="arrow-left")
            )
        return buttons

    def get_success_url(self):
        return self.back_url or super().get_success_url()

    def get_success_message(self, instance):
        if self.back_url:
            return (
                f"Zgłoszono potrzebę aktualizacji: „{instance.subject}”. Wniosek trafił "
                "do Oddziału ds. Procedur."
            )
        return super().get_success_message(instance)


__all__ = [
    "UpdateRequestCreateView",
    "procedure_url_for",
    "readable_procedures",
    "request_form_url",
]
