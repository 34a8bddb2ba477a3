"""The Procedures Office's "Zatwierdź" from the dashboard or the page's status panel.

Wagtail would approve and publish the version awaiting approval and, when a field the
Office fills in (Właściciel*, Koordynator*) is empty or "Obowiązuje od" has passed, fail
with a server error. Here the modal lists what is missing before it asks for a comment;
posted anyway, the modal shows the list again with the comment typed, and a plain post
says it in a message on the page's editor, where the Office fills the fields in.
"""

from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from wagtail.admin import messages

from procedures.models import ProcedurePage
from procedures.review import ProcedureWorkflowActionView as AnnouncedWorkflowActionView
from procedures.stages import approval_problems

APPROVAL_REFUSED = "Procedury nie zatwierdzono. Uzupełnij w edytorze:"


class ProcedureWorkflowActionView(AnnouncedWorkflowActionView):
    template_name = "procedures/workflow/action_modal.html"

    @cached_property
    def problems(self):
        """What keeps the version awaiting approval from being approved (none for the
        other actions: requesting changes needs nothing filled in)."""
        if self.action_name != "approve":
            return []
        page = self.object.specific
        if not isinstance(page, ProcedurePage):
            return []
        return approval_problems(page.get_latest_revision_as_object())

    def get_template_names(self):
        return [self.template_name]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            problems=self.problems,
            problems_heading=APPROVAL_REFUSED,
            edit_url=reverse("wagtailadmin_pages:edit", args=[self.object.pk]),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        if not self.problems:
            return super().post(request, *args, **kwargs)
        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            form = self.form_class(request.POST) if self.form_class else None
            if form is not None:
                form.is_valid()  # the comment is shown again, as typed
            return self.render_modal_form(request, form)
        messages.error(request, " ".join([APPROVAL_REFUSED, *self.problems]))
        return redirect("wagtailadmin_pages:edit", self.object.pk)
