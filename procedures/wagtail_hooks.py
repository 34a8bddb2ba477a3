"""Admin wiring: reference data menus, permissions, the live character counter."""

from django.contrib import messages
from django.contrib.auth.models import Permission
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.documents.views import documents
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from procedures import homes, review
from procedures.choosers import DepartmentChooserViewSet, EmployeeChooserViewSet
from procedures.copying import copy_procedure_with_new_code
from procedures.document_access import (
    DocumentsAdminAPIViewSet,
    check_document_access,
    refuse_published_documents,
)
from procedures.labels import PolishSnippetChooserViewSet
from procedures.listing import procedures_listing
from procedures.models import (
    Category,
    Department,
    EFormPlatform,
    ElectronicAction,
    Employee,
    LegalActKind,
    Office,
    OrganisationalUnit,
    ProcedurePage,
    UsefulInfo,
)
from procedures.views.editing import ProcedurePageViewSet


class OrganisationalUnitViewSet(SnippetViewSet):
    model = OrganisationalUnit
    chooser_viewset_class = PolishSnippetChooserViewSet
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
    chooser_viewset_class = DepartmentChooserViewSet


class EmployeeViewSet(SnippetViewSet):
    model = Employee
    icon = "user"
    menu_label = "Pracownicy"
    list_display = ["name", "position", "department", "phone"]
    list_filter = ["department"]
    # Searched by the model's search fields: name, position and department.
    chooser_viewset_class = EmployeeChooserViewSet


class OfficeViewSet(SnippetViewSet):
    model = Office
    chooser_viewset_class = PolishSnippetChooserViewSet
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
    chooser_viewset_class = PolishSnippetChooserViewSet
    icon = "folder-open-inverse"
    menu_label = "Kategorie"
    list_display = ["name", "slug", "sort_order"]


def _vocabulary_viewset(vocabulary, label, icon="tag"):
    return type(
        f"{vocabulary.__name__}ViewSet",
        (SnippetViewSet,),
        {
            "model": vocabulary,
            "icon": icon,
            "menu_label": label,
            "search_fields": ["name"],
            "chooser_viewset_class": PolishSnippetChooserViewSet,
        },
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


@hooks.register("insert_editor_js")
def stream_buttons_js():
    """StreamField add buttons that say what they add: "Dodaj etap", "Brak opłat"."""
    return format_html('<script src="{}"></script>', static("procedures/js/stream-buttons.js"))


@hooks.register("insert_global_admin_css")
def character_counter_css():
    return format_html('<link rel="stylesheet" href="{}">', static("procedures/css/editor.css"))


SAVE_WITHOUT_SUBMITTING = ("action-publish", "action-submit", "action-workflow-action")


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_about_dates_in_an_unsubmitted_draft(request, page):
    """A draft saved with "Obowiązuje od/do" but not sent for approval does nothing yet:
    say so, rather than let an editor wait for a date that will never take effect."""
    if not isinstance(page, ProcedurePage) or request.method != "POST":
        return
    if any(request.POST.get(action) for action in SAVE_WITHOUT_SUBMITTING):
        return
    if (page.go_live_at or page.expire_at) and not page.workflow_in_progress:
        messages.warning(
            request,
            "Zapisano szkic z datą „Obowiązuje od/do”. Daty zaczną działać dopiero po "
            "przesłaniu procedury do akceptacji i jej zatwierdzeniu przez Oddział ds. "
            "Procedur i Zgłoszeń Interwencyjnych.",
        )


# --- The review loop (procedures.review) ------------------------------------------------

hooks.register("before_edit_page", review.show_requested_changes)
hooks.register("after_edit_page", review.announce_editor_workflow_action)
hooks.register("construct_homepage_panels", review.add_requested_changes_panel)


# --- No lost update: a save from an out-of-date form is refused ------------------------


# Copying a procedure asks for the copy's code (the code is unique).
hooks.register("before_copy_page", copy_procedure_with_new_code)


@hooks.register("register_admin_viewset")
def register_procedure_page_viewset():
    """Procedures' editor and revert form check the revision they were loaded from."""
    return ProcedurePageViewSet("procedure_pages")


@hooks.register("insert_editor_js")
def concurrent_edit_js():
    """After an autosave, the editor's form is based on the revision it just saved."""
    return format_html('<script src="{}"></script>', static("procedures/js/loaded-revision.js"))


# --- Document downloads: restricted files only for staff --------------------------------


@hooks.register("before_serve_document")
def serve_documents_of_public_procedures_only(document, request):
    """404 for a file no public procedure shows, unless the user is staff who may see it."""
    return check_document_access(document, request)


@hooks.register("register_admin_urls", order=-1)
def explain_published_documents():
    """Ahead of wagtail.documents' own URLs: an editor who opens a published document's
    edit or delete page reads why they may not and what to do instead."""
    return [
        path(
            f"documents/{action}/<int:document_id>/",
            refuse_published_documents(view.as_view()),
        )
        for action, view in (("edit", documents.EditView), ("delete", documents.DeleteView))
    ]


@hooks.register("construct_admin_api", order=1)
def documents_api_within_the_policy(router):
    """The admin API lists only the documents the user may open (Wagtail's lists all)."""
    router.register_endpoint("documents", DocumentsAdminAPIViewSet)


# --- Each role's start: "Procedury" in the menu, dashboard panels ----------------------


@hooks.register("register_admin_urls")
def register_procedures_listing_url():
    """/admin/procedury/: the explorer's list of procedures (the "Procedury" menu item)."""
    return [path("procedury/", procedures_listing, name="procedures_listing")]


@hooks.register("register_admin_menu_item")
def register_procedures_menu_item():
    """A sidebar item "Procedury" (the list, not the index page's editor) for whoever may
    add or change procedures."""

    class ProceduresMenuItem(MenuItem):
        def is_shown(self, request):
            return PagePermissionPolicy().user_has_any_permission(
                request.user, ["add", "change", "publish"]
            )

    return ProceduresMenuItem(
        "Procedury",
        reverse("procedures_listing"),
        name="procedures",
        icon_name="doc-full",
        order=150,
    )


hooks.register("construct_homepage_panels", homes.construct_homepage_panels)
