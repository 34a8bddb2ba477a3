"""The review loop as the editor and the Procedures Office follow it.

Everything here reads Wagtail's own workflow records: the ``WorkflowState`` of a procedure
and the ``TaskState`` in which a moderator requested changes (its ``comment``,
``finished_by`` and ``finished_at``). Nothing is stored of its own.

* An editor who opens a procedure with changes requested reads the moderator's comment in
  a banner above the form (:func:`show_requested_changes`), and their dashboard lists
  every such procedure of theirs with its comment (:class:`RequestedChangesPanel`).
* The moderator is told what their decision did: when an approved procedure appears on the
  portal, or that the request for changes went back to the editor
  (:func:`announce_workflow_action`), both from the dashboard and from the editor.
"""

from zoneinfo import ZoneInfo

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone, translation
from wagtail.admin import messages
from wagtail.admin.ui.components import Component
from wagtail.admin.utils import get_user_display_name
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.models import TaskState, WorkflowState, get_default_page_content_type

from procedures.models import ProcedurePage
from procedures.models.organisation import Department

#: Wagtail's names of the group approval task's actions.
APPROVE, REQUEST_CHANGES = "approve", "reject"


def polish_datetime(value):
    """``value`` as the city's clock shows it, in words: "5 grudnia 2026 o 08:00"."""
    local = timezone.localtime(value, timezone=ZoneInfo(settings.TIME_ZONE))
    with translation.override("pl"):
        return formats.date_format(local, r"j E Y \o H:i")


# --- What the moderator asked for --------------------------------------------------------


def requested_changes(page):
    """The task state in which changes were last requested of ``page``, while they still
    are (the workflow waits for the editor); ``None`` otherwise.

    Its ``comment`` is the moderator's comment, ``finished_by`` the moderator and
    ``finished_at`` when they asked.
    """
    state = (
        WorkflowState.objects.for_instance(page)
        .filter(status=WorkflowState.STATUS_NEEDS_CHANGES)
        .select_related("current_task_state__finished_by")
        .first()
    )
    if state is None or state.current_task_state is None:
        return None
    task_state = state.current_task_state
    return task_state if task_state.status == TaskState.STATUS_REJECTED else None


def requested_by_name(task_state):
    """Who requested the changes, as the admin names users (the moderator, not the editor)."""
    if task_state.finished_by is None:
        return "Oddział ds. Procedur"
    return get_user_display_name(task_state.finished_by)


def show_requested_changes(request, page):
    """``before_edit_page``: a banner above the editor's form with the moderator's latest
    comment, who wrote it and when, as long as the procedure waits for changes."""
    if not isinstance(page, ProcedurePage):
        return
    # Only a full page load shows it; a message left by a POST or an autosave would
    # surface on whatever page comes next.
    if request.method != "GET" or not request.accepts("text/html"):
        return
    task_state = requested_changes(page)
    if task_state is None:
        return
    banner = render_to_string(
        "procedures/review/requested_changes_banner.html",
        {
            "task_state": task_state,
            "requested_by": requested_by_name(task_state),
            "requested_at": polish_datetime(task_state.finished_at),
        },
    )
    history_url = reverse(
        "wagtailadmin_pages:workflow_history_detail",
        args=[page.pk, task_state.workflow_state_id],
    )
    messages.warning(
        request,
        banner,
        buttons=[(history_url, "Przebieg akceptacji", False)],
        extra_tags="requested-changes",
    )


class RequestedChangesPanel(Component):
    """The editor's dashboard: "Procedury do poprawienia", each procedure of theirs with
    changes requested, the moderator's comment, who wrote it, when, and "Popraw"."""

    name = "requested_changes"
    template_name = "procedures/review/requested_changes_panel.html"
    # Above Wagtail's own workflow panels (210, 220): it is the editor's to-do list.
    order = 150

    def __init__(self, user):
        self.user = user

    def items(self):
        """``(procedure, task state)`` for each of the user's procedures waiting for
        changes, the latest request first.

        The user's procedures: those of the departments they write for and those they
        submitted themselves.
        """
        states = (
            WorkflowState.objects.filter(
                base_content_type=get_default_page_content_type(),
                status=WorkflowState.STATUS_NEEDS_CHANGES,
                current_task_state__status=TaskState.STATUS_REJECTED,
            )
            .select_related("current_task_state__finished_by")
            .order_by("-current_task_state__finished_at")
        )
        # Few procedures wait for changes at any time: filter them here rather than
        # join a generic relation's text ids to the pages.
        pages = ProcedurePage.objects.in_bulk([int(state.object_id) for state in states])
        departments = set(Department.objects.filter(editors=self.user).values_list("pk", flat=True))
        return [
            (page, state.current_task_state)
            for state in states
            if (page := pages.get(int(state.object_id))) is not None
            and (state.requested_by_id == self.user.pk or page.department_id in departments)
        ]

    def get_context_data(self, parent_context=None):
        return {
            "items": [
                {
                    "page": page,
                    "title": page.get_admin_display_title(),
                    "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
                    "comment": task_state.comment,
                    "requested_by": requested_by_name(task_state),
                    "requested_at": polish_datetime(task_state.finished_at),
                }
                for page, task_state in self.items()
            ]
        }

    def render_html(self, parent_context=None):
        context = self.get_context_data(parent_context)
        if not context["items"]:
            return ""
        return render_to_string(self.template_name, context)


def add_requested_changes_panel(request, panels):
    """``construct_homepage_panels``: the editor's "Procedury do poprawienia"."""
    panels.append(RequestedChangesPanel(request.user))


# --- What the moderator's decision did ---------------------------------------------------


def approval_message(page):
    """What approving ``page`` did, in the words of the portal: when it appears."""
    scheduled = page.scheduled_revision
    go_live_at = scheduled.approved_go_live_at if scheduled else None
    if go_live_at and go_live_at > timezone.now():
        when = polish_datetime(go_live_at)
        if page.is_internal:
            return (
                f"Zatwierdzono. Procedura wewnętrzna będzie obowiązywać od {when}; nie pojawi "
                "się na portalu."
            )
        if page.live:
            return (
                f"Zatwierdzono. Nowa wersja procedury pojawi się na portalu {when}. Do tego "
                "czasu portal pokazuje dotychczasową wersję."
            )
        return f"Zatwierdzono. Procedura pojawi się na portalu {when}."
    if not page.live:
        return "Zatwierdzono."
    if page.is_internal:
        return "Zatwierdzono i opublikowano. Procedura wewnętrzna nie pojawi się na portalu."
    return "Zatwierdzono i opublikowano. Procedura jest już na portalu."


def request_changes_message(page, state):
    editor = get_user_display_name(state.requested_by) if state.requested_by else "redaktor"
    return (
        f"Poproszono o zmiany w procedurze „{page.get_admin_display_title()}”. Procedura "
        f"wróciła do redaktora ({editor}): komentarz zobaczy w edytorze procedury i na "
        "swoim pulpicie."
    )


def announce_workflow_action(request, page, action_name):
    """A message saying what the moderator's ``action_name`` on ``page`` did, once it has
    been done: the approval and when the procedure appears, or the request for changes."""
    page = ProcedurePage.objects.filter(pk=page.pk).first()
    if page is None:
        return
    state = WorkflowState.objects.for_instance(page).order_by("-created_at").first()
    if state is None:
        return
    if action_name == APPROVE and state.status == WorkflowState.STATUS_APPROVED:
        messages.success(request, approval_message(page))
    elif action_name == REQUEST_CHANGES and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        messages.success(request, request_changes_message(page, state))


def announce_editor_workflow_action(request, page):
    """``after_edit_page``: the moderator approved or requested changes from the editor."""
    if not isinstance(page, ProcedurePage):
        return
    if request.POST.get("action-workflow-action"):
        announce_workflow_action(request, page, request.POST.get("workflow-action-name"))


class ProcedureWorkflowActionView(WorkflowActionView):
    """Wagtail's workflow action (the dashboard's "Zatwierdź", "Poproś o zmiany"), which
    says nothing itself, followed by what the decision did."""

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        self.task_state.refresh_from_db()
        # A form with errors is shown again in the dialog: nothing was done yet.
        if self.task_state.status != TaskState.STATUS_IN_PROGRESS:
            announce_workflow_action(request, self.object, self.action_name)
        return response
