"""Snippet choosers of the organisation: what an editor is offered and sees in the modal."""

from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.chooser import ChooseResultsView

from procedures.labels import PolishSnippetChooserViewSet, PolishSnippetChooseView
from procedures.models import Employee
from procedures.models.permissions import editable_departments


class OwnDepartmentsMixin:
    """Lists the departments the user edits; all of them for the Procedures Office and
    administrators (:func:`procedures.models.permissions.editable_departments`)."""

    def get_object_list(self):
        return editable_departments(self.request.user).select_related("unit")


class DepartmentChooseView(OwnDepartmentsMixin, PolishSnippetChooseView):
    pass


class DepartmentChooseResultsView(OwnDepartmentsMixin, ChooseResultsView):
    pass


class DepartmentChooserViewSet(PolishSnippetChooserViewSet):
    """The department chooser offers a department editor only the departments they
    edit ("Redaktorzy komórki")."""

    choose_view_class = DepartmentChooseView
    choose_results_view_class = DepartmentChooseResultsView


class EmployeeColumnsMixin:
    """Each person with their position and department, so that two people of the same
    name can be told apart."""

    def get_object_list(self):
        return Employee.objects.select_related("department__unit")

    @property
    def title_column(self):
        column = super().title_column
        column.label = "Imię i nazwisko"
        return column

    @property
    def columns(self):
        return [
            *super().columns,
            Column("position", label="Stanowisko"),
            Column("department", label="Komórka"),
        ]


class EmployeeChooseView(EmployeeColumnsMixin, PolishSnippetChooseView):
    pass


class EmployeeChooseResultsView(EmployeeColumnsMixin, ChooseResultsView):
    pass


class EmployeeChooserViewSet(PolishSnippetChooserViewSet):
    """The employee chooser shows position and department columns."""

    choose_view_class = EmployeeChooseView
    choose_results_view_class = EmployeeChooseResultsView
