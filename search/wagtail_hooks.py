"""Admin wiring of the search: synonyms (snippets) and the "Wyszukiwania" report."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search.models import SynonymGroup
from search.reports import PERMISSION, search_report


class SynonymGroupViewSet(SnippetViewSet):
    model = SynonymGroup
    icon = "search"
    menu_label = "Synonimy wyszukiwania"
    menu_order = 850
    add_to_admin_menu = True
    list_display = ["__str__", "note"]


register_snippet(SynonymGroupViewSet)


class _PermittedMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_admin_urls")
def register_report_url():
    return [path("reports/wyszukiwania/", search_report, name="search_report")]


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return _PermittedMenuItem(
        "Wyszukiwania", reverse("search_report"), name="search-report", icon_name="search"
    )
