"""Routes of the public procedures API, mounted at ``/api/v2/``."""

from django.urls import path

from . import history, jsonld, openapi, views

app_name = "procedures_api"

urlpatterns = [
    path("procedures/", views.procedure_listing, name="listing"),
    path("procedures/<int:pk>/", views.procedure_detail, name="detail"),
    path("procedures/code/<str:code>/", views.procedure_by_code, name="by_code"),
    path("procedures/<int:pk>/history/", history.procedure_history, name="history"),
    path("procedures/<int:pk>/jsonld/", jsonld.procedure_jsonld, name="jsonld"),
    path("openapi.json", openapi.openapi_json, name="openapi"),
    path("docs/", openapi.api_docs, name="docs"),
]
