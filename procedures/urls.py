"""Public portal routes outside the page tree (the portal's own pages are Wagtail pages)."""

urlpatterns = []
