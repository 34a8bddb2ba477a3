"""Routes of the public procedures API, mounted at ``/api/v2/``."""

from django.urls import path

from . import views

app_name = "procedures_api"

urlpatterns = [
    path("procedures/", views.procedure_listing, name="listing"),
    path("procedures/<int:pk>/", views.procedure_detail, name="detail"),
    path("procedures/code/<str:code>/", views.procedure_by_code, name="by_code"),
]
