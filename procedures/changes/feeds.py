"""Atom feeds of public changes: every procedure (``/zmiany/atom/``) and one category
(``/kategoria/<slug>/zmiany/atom/``).

An entry is a public change note (:class:`~procedures.changes.models.ChangeNote`) of a
procedure residents may see now (``ProcedurePage.objects.public()``): its title is the
procedure's name and the note, its link the procedure's page. Nothing else of the
procedure is read, so no restricted value and no internal procedure can be in a feed.
"""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from procedures.changes.models import ChangeNote
from procedures.models import Category

#: Entries in a feed, newest first.
FEED_ENTRIES = 50
PUBLISHER = "Urząd Miasta Łodzi – Łódzkie Centrum Kontaktu z Mieszkańcami"


class ChangesFeed(Feed):
    """Atom: "Zmiany w procedurach" — the newest public change notes of all procedures."""

    feed_type = Atom1Feed
    author_name = PUBLISHER
    title = "Zmiany w procedurach – Urząd Miasta Łodzi"
    subtitle = "Co zmieniło się w opisach spraw urzędowych w Łodzi: opłaty, adresy, dokumenty."
    language = "pl"

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def link(self, obj=None):
        return "/"

    def feed_url(self, obj=None):
        return reverse("changes:feed")

    def notes(self, obj=None):
        return ChangeNote.objects.public()

    def items(self, obj=None):
        return (
            self.notes(obj).select_related("page").order_by("-published_at", "-pk")[:FEED_ENTRIES]
        )

    def item_title(self, note):
        return f"{note.page.title}: {note.display_text}"

    def item_description(self, note):
        return note.display_text

    def item_link(self, note):
        return note.page.get_url(self.request) or "/"

    def item_guid(self, note):
        host = self.request.get_host().split(":")[0]
        return f"tag:{host},2026:zmiana-{note.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, note):
        return note.published_at

    def item_updateddate(self, note):
        return note.published_at


class CategoryChangesFeed(ChangesFeed):
    """Atom: the public change notes of one category's procedures."""

    def get_object(self, request, slug):
        return get_object_or_404(Category, slug=slug)

    def title(self, category):
        return f"Zmiany w procedurach: {category.name} – Urząd Miasta Łodzi"

    def subtitle(self, category):
        return f"Co zmieniło się w opisach spraw z kategorii „{category.name}”."

    def link(self, category):
        return reverse("portal_category", args=[category.slug])

    def feed_url(self, category):
        return reverse("changes:category_feed", args=[category.slug])

    def notes(self, category):
        return ChangeNote.objects.public().filter(page__categories=category).distinct()
