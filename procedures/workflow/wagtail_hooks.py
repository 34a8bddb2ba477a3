"""Admin wiring of update requests: "Wnioski o aktualizację" in the menu, their filters,
and the request form prefilled from a procedure."""

import django_filters
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from procedures.labels import PolishSnippetChooserViewSet
from procedures.models import Department, UpdateRequest
from procedures.workflow.views import UpdateRequestCreateView

# --- Update requests (§ 8 ust. 5 and § 11 of Order No. 734/2023) ------------------------


class UpdateRequestFilterSet(WagtailFilterSet):
    department = django_filters.ModelChoiceFilter(
        field_name="procedure__department",
        queryset=Department.objects.select_related("unit"),
        label="Komórka procedury",
    )
    unassigned = django_filters.BooleanFilter(
        field_name="procedure",
        lookup_expr="isnull",
        label="Do przypisania (bez procedury)",
    )

    class Meta:
        model = UpdateRequest
        fields = ["status", "source"]


class UpdateRequestViewSet(SnippetViewSet):
    """Wnioski o aktualizację: agents, heads of the Call Center and editors file them (from
    a Call Center page, with the procedure filled in); the Procedures Office assigns,
    handles and closes them."""

    model = UpdateRequest
    chooser_viewset_class = PolishSnippetChooserViewSet
    add_view_class = UpdateRequestCreateView
    icon = "mail"
    menu_label = "Wnioski o aktualizację"
    menu_name = "update-requests"
    menu_order = 260
    add_to_admin_menu = True
    inspect_view_enabled = True
    list_display = [
        "subject",
        Column(
            "procedure",
            label="Procedura",
            accessor=lambda request: request.procedure or "do przypisania",
            sort_key="procedure__code",
        ),
        "status",
        "source",
        "created_at",
        Column("requester", label="Wnioskujący"),
    ]
    filterset_class = UpdateRequestFilterSet
    search_fields = [
        "subject",
        "description",
        "requester_name",
        "requester_email",
        "procedure__code",
        "procedure__title",
    ]

    def get_queryset(self, request):
        return UpdateRequest.objects.select_related("procedure", "requested_by")


register_snippet(UpdateRequestViewSet)
