"""The Call Center on the admin dashboard."""

from django.urls import reverse
from wagtail.admin.ui.components import Component


class CallCenterPanel(Component):
    """Dashboard panel "Call Center": the Call Center search box and a link to its list of
    recently changed procedures, for whoever may read it."""

    name = "call_center"
    template_name = "callcenter/admin/call_center_panel.html"
    order = 40

    def get_context_data(self, parent_context):
        return {"search_url": reverse("callcenter:search")}
