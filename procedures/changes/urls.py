"""The Atom feeds of public changes (:mod:`procedures.changes.feeds`)."""

from django.urls import path

from procedures.changes.feeds import CategoryChangesFeed, ChangesFeed

app_name = "changes"

urlpatterns = [
    path("zmiany/atom/", ChangesFeed(), name="feed"),
    path("kategoria/<slug:slug>/zmiany/atom/", CategoryChangesFeed(), name="category_feed"),
]
