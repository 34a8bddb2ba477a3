"""``/api/v2/procedures/<id>/jsonld/``: a procedure as linked data for catalogues of services.

One ``@graph`` holds the portal's schema.org ``GovernmentService`` and the same service as
an EU CPSV-AP ``cpsv:PublicService`` (:func:`procedures.linked_data.service_graph`), built
from public data only: :class:`PublicProcedure` and the interchange dump without
restricted keys.
"""

from django.urls import reverse
from django.utils import timezone

from procedures.interchange.mapping import dump_procedure
from procedures.linked_data import service_graph
from procedures.links import absolute_url
from procedures.models import ProcedurePage
from procedures.public import PublicProcedure

from . import params
from .compiled import compiled_detail
from .serializers import (
    RequestDocumentDumper,
    chosen_records,
    fetch,
    public_related_ids,
)
from .utils import BadRequest, api_view, conditional_response, error_response, not_found

CONTENT_TYPE = "application/ld+json"


def procedure_graph(page, request):
    """``{"@context": ..., "@graph": [GovernmentService, cpsv:PublicService]}`` for ``page``."""
    with chosen_records([page]):
        content = dump_procedure(
            page, documents=RequestDocumentDumper(request), public_ids=public_related_ids(page)
        )
    address = absolute_url(reverse("procedures_api:jsonld", args=[page.pk]))
    return service_graph(PublicProcedure(page), content, address, request)


@api_view
def procedure_jsonld(request, pk):
    """The public procedure as ``application/ld+json``; a JSON 404 for anything not public."""
    try:
        params.read(request, params.DETAIL)
    except BadRequest as error:
        return error_response(request, error.message)
    page = next(iter(fetch(compiled_detail(ProcedurePage).pages(pk, timezone.now()))), None)
    if page is None:
        return not_found(request)
    response = conditional_response(request, procedure_graph(page, request), page.last_published_at)
    if response.status_code == 200:
        response["Content-Type"] = CONTENT_TYPE
    return response
