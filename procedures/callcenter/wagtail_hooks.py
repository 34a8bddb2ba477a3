"""The Call Center in the admin: its menu items, its dashboard panel, the "Inne*" form with
its list, buttons and history entry."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import LogFormatter

from procedures.callcenter import cc_other
from procedures.callcenter.panels import CallCenterPanel
from procedures.models import ProcedurePage
from procedures.reading import can_read_restricted

# --- The reading view: "Call Center" in the menu and on the dashboard --------------------


class CallCenterMenuItem(MenuItem):
    def is_shown(self, request):
        return can_read_restricted(request.user)


@hooks.register("register_admin_menu_item")
def register_call_center_menu_item():
    """A sidebar item "Call Center" (the reading view) for whoever may read it."""
    return CallCenterMenuItem(
        "Call Center", reverse("callcenter:search"), name="call-center", icon_name="help", order=90
    )


@hooks.register("construct_homepage_panels")
def add_call_center_panel(request, panels):
    """The Call Center search box on the dashboard of whoever may read the view."""
    if can_read_restricted(request.user):
        panels.append(CallCenterPanel())


# --- "Inne*": agents edit it themselves, outside the moderation workflow -----------------


@hooks.register("register_admin_urls")
def register_cc_other_urls():
    """/admin/procedury/<id>/inne/ (the form) and /admin/procedury/inne/ (the list)."""
    return [
        path(
            "procedury/<int:page_id>/inne/",
            cc_other.CcOtherEditView.as_view(),
            name="procedures_cc_other",
        ),
        path(
            "procedury/inne/",
            cc_other.CcOtherIndexView.as_view(),
            name="procedures_cc_other_index",
        ),
        path(
            "procedury/inne/wyniki/",
            cc_other.CcOtherIndexView.as_view(results_only=True),
            name="procedures_cc_other_index_results",
        ),
    ]


class CcOtherMenuItem(MenuItem):
    def is_shown(self, request):
        return cc_other.user_can_edit_cc_other(request.user)


@hooks.register("register_admin_menu_item")
def register_cc_other_menu_item():
    """A sidebar item "Uwagi Call Center" for whoever may edit "Inne*"."""
    return CcOtherMenuItem(
        cc_other.INDEX_TITLE,
        reverse("procedures_cc_other_index"),
        name="cc-other",
        icon_name="comment",
        order=250,
    )


def _cc_other_button(page, user, priority):
    if issubclass(page.specific_class or type(page), ProcedurePage) and (
        cc_other.user_can_edit_cc_other(user)
    ):
        yield Button(
            cc_other.BUTTON_LABEL,
            url=cc_other.cc_other_url(page),
            icon_name="comment",
            priority=priority,
        )


@hooks.register("register_page_listing_more_buttons")
def cc_other_listing_button(page, user, next_url=None):
    """The "Edytuj „Inne*”" item in a procedure's "…" menu in the page explorer."""
    yield from _cc_other_button(page, user, priority=15)


@hooks.register("register_page_header_buttons")
def cc_other_header_button(page, user, view_name, next_url=None):
    """The "Edytuj „Inne*”" item in the header menu of a procedure's admin views."""
    yield from _cc_other_button(page, user, priority=12)


class CcOtherLogFormatter(LogFormatter):
    """How a change of "Inne*" reads in the procedure's history.

    The message names the field and sizes, not the text: department editors read the
    history too and may not see "Inne*". Old and new text stay in the entry's data.
    """

    label = "Zmiana pola „Inne*” (Call Center)"

    def format_message(self, log_entry):
        data = log_entry.data or {}
        if "old" not in data or "new" not in data:
            return "Zmieniono pole „Inne*” (bez moderacji)."
        return (
            f"Zmieniono pole „Inne*” (bez moderacji): było {len(data['old'])} zn., "
            f"jest {len(data['new'])} zn."
        )


@hooks.register("register_log_actions")
def register_cc_other_log_action(actions):
    actions.register_action(cc_other.LOG_ACTION)(CcOtherLogFormatter)
