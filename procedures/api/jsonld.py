"""``/api/v2/procedures/<id>/jsonld/``: a procedure as linked data for catalogues of services.

One ``@graph`` holds the portal's schema.org ``GovernmentService``
(:func:`procedures.jsonld.government_service`) and the same service as an EU CPSV-AP
``cpsv:PublicService``. Both are built from public data only: :class:`PublicProcedure` and
the interchange dump without restricted keys.
"""

from django.urls import reverse

from procedures.interchange.mapping import dump_procedure
from procedures.jsonld import government_service
from procedures.links import absolute_url
from procedures.public import PublicProcedure

from .serializers import RequestDocumentDumper, public_procedures, with_content
from .views import BadRequest, _check_parameters, _conditional, _error, _not_found, api_view

CONTENT_TYPE = "application/ld+json"

CONTEXT = {
    "@vocab": "https://schema.org/",
    "schema": "https://schema.org/",
    "cpsv": "http://purl.org/vocab/cpsv#",
    "cv": "http://data.europa.eu/m8g/",
    "dct": "http://purl.org/dc/terms/",
    "eli": "http://data.europa.eu/eli/ontology#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}

# processing_time.unit → ISO 8601 duration designator.
_DURATION_UNITS = {"dni": "D", "tygodnie": "W", "miesiące": "M"}

_DOCUMENT_GROUPS = {"to_submit": "do złożenia", "to_inspect": "do okazania"}

_CHANNEL_KINDS = {
    "post": "pocztą",
    "in_person": "osobiście",
    "email": "e-mailem",
    "phone": "telefonicznie",
    "electronic": "elektronicznie",
}


def _text(value):
    return {"@value": value, "@language": "pl"}


def iso_duration(processing_time):
    """``{"value": 30, "unit": "dni"}`` → ``"P30D"``; ``None`` when there is no value or unit."""
    if not processing_time:
        return None
    value = processing_time.get("value")
    designator = _DURATION_UNITS.get(processing_time.get("unit"))
    if value is None or designator is None:
        return None
    return f"P{value}{designator}"


def _costs(fees):
    if not isinstance(fees, list):  # "brak" or absent
        return []
    costs = []
    for fee in fees:
        cost = {
            "@type": "cv:Cost",
            "cv:value": {"@value": fee["amount"], "@type": "xsd:decimal"},
            "cv:currency": "PLN",
            "dct:description": _text(fee["type"]),
        }
        costs.append(cost)
    return costs


def _evidences(required_documents):
    evidences = []
    for group, label in _DOCUMENT_GROUPS.items():
        for document in (required_documents or {}).get(group, []):
            evidence = {
                "@type": "cv:Evidence",
                "dct:title": _text(document["name"]),
                "dct:type": _text(label),
            }
            if document.get("file"):
                evidence["schema:url"] = document["file"]
            evidences.append(evidence)
    return evidences


def _channels(submission_channels, places):
    channels = []
    if isinstance(submission_channels, list):
        for channel in submission_channels:
            entry = {
                "@type": "cv:Channel",
                "dct:type": _text(_CHANNEL_KINDS.get(channel["kind"], channel["kind"])),
            }
            details = [channel.get("details"), *channel.get("platforms", [])]
            description = "; ".join(part for part in details if part)
            if description:
                entry["dct:description"] = _text(description)
            channels.append(entry)
    for place in places or []:
        entry = {
            "@type": "cv:Channel",
            "dct:type": _text("osobiście"),
            "dct:title": _text(place["name"]),
        }
        if place.get("address"):
            entry["schema:address"] = place["address"]
        if place.get("details"):
            entry["dct:description"] = _text(place["details"])
        if place.get("phones"):
            entry["schema:telephone"] = place["phones"]
        channels.append(entry)
    return channels


def _legal_resources(legal_basis):
    resources = []
    for act in legal_basis or []:
        resource = {"@type": "eli:LegalResource", "eli:title": _text(act["title"])}
        if act.get("url"):
            resource["@id"] = act["url"]
            resource["schema:url"] = act["url"]
        resources.append(resource)
    return resources


def public_service(content, service_id):
    """A CPSV-AP ``cpsv:PublicService`` node from a procedure's public interchange dump."""
    node = {
        "@id": service_id,
        "@type": "cpsv:PublicService",
        "dct:identifier": content["code"],
        "dct:title": _text(content["title"]),
    }
    if content.get("summary"):
        node["dct:description"] = _text(content["summary"])
    optional = {
        "cv:hasCost": _costs(content.get("fees")),
        "cpsv:hasInput": _evidences(content.get("required_documents")),
        "cv:hasChannel": _channels(content.get("submission_channels"), content.get("places")),
        "cv:hasLegalResource": _legal_resources(content.get("legal_basis")),
    }
    node.update({key: value for key, value in optional.items() if value})
    duration = iso_duration(content.get("processing_time"))
    if duration:
        node["cv:processingTime"] = {"@value": duration, "@type": "xsd:duration"}
    if content.get("unit"):
        node["cv:hasCompetentAuthority"] = {
            "@type": "cv:PublicOrganisation",
            "schema:name": content["unit"],
        }
    return node


def procedure_graph(page, request):
    """``{"@context": ..., "@graph": [GovernmentService, cpsv:PublicService]}`` for ``page``."""
    content = dump_procedure(page, documents=RequestDocumentDumper(request))
    address = absolute_url(reverse("procedures_api:jsonld", args=[page.pk]))
    service = government_service(PublicProcedure(page), request)
    service.pop("@context", None)
    service["@id"] = f"{address}#government-service"
    cpsv_service = public_service(content, f"{address}#public-service")
    cpsv_service["schema:sameAs"] = {"@id": service["@id"]}
    return {"@context": CONTEXT, "@graph": [service, cpsv_service]}


@api_view
def procedure_jsonld(request, pk):
    """The public procedure as ``application/ld+json``; a JSON 404 for anything not public."""
    try:
        _check_parameters(request, ())
    except BadRequest as error:
        return _error(request, error.message)
    page = with_content(public_procedures().filter(pk=pk)).first()
    if page is None:
        return _not_found(request)
    response = _conditional(request, procedure_graph(page, request), page.last_published_at)
    if response.status_code == 200:
        response["Content-Type"] = CONTENT_TYPE
    return response
