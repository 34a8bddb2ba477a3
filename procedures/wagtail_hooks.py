"""Admin wiring: reference data menus, permissions, the live character counter."""

from django.contrib.auth.models import Permission
from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from procedures.models import (
    Category,
    Department,
    EFormPlatform,
    ElectronicAction,
    Employee,
    LegalActKind,
    Office,
    OrganisationalUnit,
    UsefulInfo,
)


class OrganisationalUnitViewSet(SnippetViewSet):
    model = OrganisationalUnit
    icon = "site"
    menu_label = "Jednostki"
    list_display = ["name", "short_name"]
    search_fields = ["name"]


class DepartmentViewSet(SnippetViewSet):
    model = Department
    icon = "group"
    menu_label = "Komórki"
    list_display = ["name", "unit"]
    list_filter = ["unit"]
    search_fields = ["name"]


class EmployeeViewSet(SnippetViewSet):
    model = Employee
    icon = "user"
    menu_label = "Pracownicy"
    list_display = ["name", "position", "department", "phone"]
    list_filter = ["department"]
    search_fields = ["name"]


class OfficeViewSet(SnippetViewSet):
    model = Office
    icon = "home"
    menu_label = "Miejsca załatwienia"
    list_display = ["name", "address"]
    search_fields = ["name", "address"]


class OrganisationViewSetGroup(SnippetViewSetGroup):
    items = (OrganisationalUnitViewSet, DepartmentViewSet, EmployeeViewSet, OfficeViewSet)
    menu_icon = "site"
    menu_label = "Struktura organizacyjna"
    menu_name = "organisation"


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "folder-open-inverse"
    menu_label = "Kategorie"
    list_display = ["name", "slug", "sort_order"]


def _vocabulary_viewset(vocabulary, label, icon="tag"):
    return type(
        f"{vocabulary.__name__}ViewSet",
        (SnippetViewSet,),
        {"model": vocabulary, "icon": icon, "menu_label": label, "search_fields": ["name"]},
    )


class VocabularyViewSetGroup(SnippetViewSetGroup):
    items = (
        CategoryViewSet,
        _vocabulary_viewset(UsefulInfo, "Przydatne informacje"),
        _vocabulary_viewset(ElectronicAction, "Czynności elektroniczne"),
        _vocabulary_viewset(EFormPlatform, "Platformy e-usług", icon="link"),
        _vocabulary_viewset(LegalActKind, "Rodzaje aktów prawnych", icon="doc-full"),
    )
    menu_icon = "list-ul"
    menu_label = "Słowniki"
    menu_name = "vocabularies"


register_snippet(OrganisationViewSetGroup)
register_snippet(VocabularyViewSetGroup)


@hooks.register("register_permissions")
def register_procedure_permissions():
    """Let administrators grant the restricted-field and file-format permissions to groups."""
    return Permission.objects.filter(
        content_type__app_label="procedures",
        codename__in=[
            "change_restricted_fields",
            "change_cc_other",
            "allow_other_file_format",
        ],
    )


@hooks.register("insert_editor_js")
def character_counter_js():
    """Live "12 / 40 znaków" counters under every field with a character limit."""
    return format_html('<script src="{}"></script>', static("procedures/js/char-counter.js"))


@hooks.register("insert_global_admin_css")
def character_counter_css():
    return format_html('<link rel="stylesheet" href="{}">', static("procedures/css/editor.css"))
