"""The Word actions in the admin: "Pobierz jako Word" on each procedure one may edit (the
page header's menu and the explorer's "…" menu), and the menu item "Nowa procedura z
pliku Word", whose page also gives the empty form."""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets.button import Button

from procedures.models import ProcedurePage

from . import views

EXPORT_LABEL = "Pobierz jako Word"

urlpatterns = [
    path("<int:page_id>/", views.export_view, name="export"),
    path("pusty-wzor/", views.empty_view, name="empty"),
    path("wczytaj/", views.ImportView.as_view(), name="import"),
]


@hooks.register("register_admin_urls")
def register_docx_urls():
    """/admin/word/<id>/ (download), /admin/word/pusty-wzor/, /admin/word/wczytaj/."""
    return [path("word/", include((urlpatterns, "docx"), namespace="docx"))]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return views.may_import(request.user)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(
        views.IMPORT_TITLE,
        reverse("docx:import"),
        name="docx-import",
        icon_name="doc-full",
        order=210,
    )


def _export_button(page, user, priority):
    if issubclass(page.specific_class or type(page), ProcedurePage) and (
        page.permissions_for_user(user).can_edit()
    ):
        yield Button(
            EXPORT_LABEL,
            url=reverse("docx:export", args=[page.pk]),
            icon_name="download",
            priority=priority,
        )


@hooks.register("register_page_listing_more_buttons")
def export_listing_button(page, user, next_url=None):
    yield from _export_button(page, user, priority=16)


@hooks.register("register_page_header_buttons")
def export_header_button(page, user, view_name, next_url=None):
    yield from _export_button(page, user, priority=13)
