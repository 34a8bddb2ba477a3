"""Who may change which procedure: Wagtail's page permissions, narrowed by department.

A department editor (Redaktorzy komórek) edits only procedures of the departments listed
in "Redaktorzy komórki" of those departments. Users holding
``procedures.edit_any_department`` (the Procedures Office) and superusers are not narrowed.
"""

from wagtail.models import PagePermissionTester

from procedures.models.organisation import Department

EDIT_ANY_DEPARTMENT = "procedures.edit_any_department"


def edits_any_department(user):
    return user.is_active and (user.is_superuser or user.has_perm(EDIT_ANY_DEPARTMENT))


def editable_departments(user):
    """The departments whose procedures ``user`` may write."""
    if edits_any_department(user):
        return Department.objects.all()
    return Department.objects.filter(editors=user)


def may_edit_department(user, department_id):
    if edits_any_department(user) or department_id is None:
        return True
    cache = getattr(user, "_editable_department_ids", None)
    if cache is None:
        cache = set(Department.objects.filter(editors=user).values_list("pk", flat=True))
        user._editable_department_ids = cache
    return department_id in cache


class ProcedurePermissionTester(PagePermissionTester):
    """Page permissions of a procedure: edit, delete, lock, copy and move only when the
    procedure belongs to one of the user's departments."""

    def _own_department(self):
        return may_edit_department(self.user, getattr(self.page, "department_id", None))

    def can_edit(self):
        return super().can_edit() and self._own_department()

    def can_delete(self, ignore_bulk=False):
        return super().can_delete(ignore_bulk) and self._own_department()

    def can_lock(self):
        return super().can_lock() and self._own_department()

    def can_copy(self):
        return super().can_copy() and self._own_department()

    def can_move(self):
        return super().can_move() and self._own_department()
