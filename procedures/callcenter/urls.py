"""Routes of the Call Center reading view (/call-center/...)."""

from django.urls import path

from procedures.callcenter import views

app_name = "callcenter"

urlpatterns = [
    path("", views.search, name="search"),
    path("procedura/<str:code>/", views.procedure, name="procedure"),
]
