"""The portal's feedback addresses, under ``/opinie/`` (cms.urls)."""

from django.urls import path

from procedures.feedback import views

app_name = "feedback"

urlpatterns = [
    path("<str:code>/ocena/", views.vote, name="vote"),
    path("<str:code>/zgloszenie/", views.report, name="report"),
    path("<str:code>/ocena/dziekujemy/", views.thanks, {"kind": "ocena"}, name="thanks_vote"),
    path(
        "<str:code>/zgloszenie/dziekujemy/",
        views.thanks,
        {"kind": "zgloszenie"},
        name="thanks_report",
    ),
]
