"""Routes of the public procedures API, mounted at ``/api/v2/``.

Any other address under ``/api/`` answers a JSON 404 (``cms/urls.py``), never a portal page.
"""

from django.urls import path, register_converter

from . import history, jsonld, openapi, views

app_name = "procedures_api"

#: The highest id a page can have (a signed 64-bit integer, the databases' ``bigint``).
MAX_ID = 2**63 - 1


class ProcedureIdConverter:
    """A page id: digits up to :data:`MAX_ID`; a larger number matches no route (JSON 404)."""

    regex = "[0-9]{1,19}"

    def to_python(self, value):
        number = int(value)
        if number > MAX_ID:
            raise ValueError(f"{value} is beyond the highest id")
        return number

    def to_url(self, value):
        return str(value)


register_converter(ProcedureIdConverter, "procedure_id")

urlpatterns = [
    path("procedures/", views.procedure_listing, name="listing"),
    path("procedures/<procedure_id:pk>/", views.procedure_detail, name="detail"),
    path("procedures/code/<str:code>/", views.procedure_by_code, name="by_code"),
    path("procedures/<procedure_id:pk>/history/", history.procedure_history, name="history"),
    path("procedures/<procedure_id:pk>/jsonld/", jsonld.procedure_jsonld, name="jsonld"),
    path("openapi.json", openapi.openapi_json, name="openapi"),
    path("docs/", openapi.api_docs, name="docs"),
]
