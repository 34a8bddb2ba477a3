"""A procedure as linked data (JSON-LD): for search engines on the portal's page, and for
catalogues of services through the API (``/api/v2/procedures/<id>/jsonld/``).

Two descriptions of the same service, built here once: schema.org ``GovernmentService``
(:func:`government_service`, in the portal page's ``<script>``) and EU CPSV-AP
``cpsv:PublicService`` (:func:`public_service`); :func:`service_graph` holds both. Both
read the public projection (:class:`procedures.public.PublicProcedure`), where a key
outside ``PUBLIC_FIELDS`` raises ``AttributeError`` instead of leaking, and what the API
adds from the public interchange dump (document URLs, channels, legal acts). Fees and
offices are read by one helper each, whichever vocabulary writes them.
"""

import json
import re

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe

from procedures.links import absolute_url

CITY = "Łódź"

#: The ``@context`` of a graph holding both descriptions.
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

# "ul. Piotrkowska 104, 90-926 Łódź" → street, postal code, locality.
_POSTAL_TAIL = re.compile(r"^(?:(?P<code>\d{2}-\d{3})\s+)?(?P<city>\D+)$")

# Inside <script> only these can end the element or start markup; \u escapes are valid JSON.
_SCRIPT_ESCAPES = {
    ord("<"): "\\u003C",
    ord(">"): "\\u003E",
    ord("&"): "\\u0026",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}


def government_service(public_procedure, request=None):
    """A schema.org ``GovernmentService`` dict describing the procedure to search engines.

    ``url`` is absolute, on the configured site (procedures.links), when ``request`` is
    given. Offers appear only for real fees (not "brak opłat"), channels only for places
    that have an address.
    """
    procedure = public_procedure
    url = procedure.url or ""
    if request is not None and url:
        url = absolute_url(url)
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "name": procedure.title,
        "description": procedure.summary,
        "url": url,
        "identifier": procedure.code,
        "areaServed": {"@type": "City", "name": CITY},
    }
    provider = _provider(procedure.unit, procedure.department)
    if provider:
        data["provider"] = provider
    service_types = [category.name for category in procedure.categories]
    if service_types:
        data["serviceType"] = service_types
    offers = _offers(procedure.fees)
    if offers:
        data["offers"] = offers
    channels = _service_channels(procedure.places)
    if channels:
        data["availableChannel"] = channels
    return data


def script_tag(data):
    """``<script type="application/ld+json">`` with ``data``; its text cannot close the tag."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308


def _provider(unit, department):
    if department and unit:
        return {
            "@type": "GovernmentOrganization",
            "name": department,
            "parentOrganization": {"@type": "GovernmentOrganization", "name": unit},
        }
    if department or unit:
        return {"@type": "GovernmentOrganization", "name": department or unit}
    return None


def _fees(fees):
    """``(type, amount as "17.00" or None, remarks)`` of each real fee (not "brak opłat")."""
    for item in fees or []:
        if item.block_type != "fee":
            continue
        fee = item.value
        amount = fee.get("amount")
        yield fee.get("type"), (f"{amount:.2f}" if amount is not None else None), fee.get("remarks")


def _offers(fees):
    offers = []
    for name, price, remarks in _fees(fees):
        offer = {"@type": "Offer", "name": name, "price": price, "priceCurrency": "PLN"}
        if remarks:
            offer["description"] = remarks
        offers.append({key: value for key, value in offer.items() if value is not None})
    return offers


def _costs(fees):
    costs = []
    for name, amount, _remarks in _fees(fees):
        cost = {"@type": "cv:Cost"}
        if amount is not None:
            cost["cv:value"] = {"@value": amount, "@type": "xsd:decimal"}
        cost.update({"cv:currency": "PLN", "dct:description": _text(name)})
        costs.append(cost)
    return costs


def _offices(places):
    """The offices chosen in a procedure's "Miejsce załatwienia sprawy"."""
    return [item.value for item in places or [] if item.value is not None]


def postal_address(address):
    """A schema.org ``PostalAddress`` from an office's one-line address."""
    parts = [part.strip() for part in address.split(",") if part.strip()]
    result = {"@type": "PostalAddress", "addressLocality": CITY, "addressCountry": "PL"}
    if len(parts) > 1:
        match = _POSTAL_TAIL.match(parts[-1])
        if match:
            parts = parts[:-1]
            result["addressLocality"] = match["city"].strip()
            if match["code"]:
                result["postalCode"] = match["code"]
    result["streetAddress"] = ", ".join(parts)
    return result


def _service_channels(places):
    """schema.org ``ServiceChannel`` of each office that has an address."""
    channels = []
    for office in _offices(places):
        if not office.address:
            continue
        location = {
            "@type": "Place",
            "name": office.name,
            "address": postal_address(office.address),
        }
        channel = {"@type": "ServiceChannel", "name": office.name, "serviceLocation": location}
        phones = office.phone_list
        if phones:
            channel["servicePhone"] = {"@type": "ContactPoint", "telephone": phones[0]}
        channels.append(channel)
    return channels


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


def _cpsv_channels(submission_channels, places):
    """CPSV-AP ``cv:Channel`` of each way to submit and of each office."""
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
    for office in _offices(places):
        entry = {
            "@type": "cv:Channel",
            "dct:type": _text(_CHANNEL_KINDS["in_person"]),
            "dct:title": _text(office.name),
        }
        if office.address:
            entry["schema:address"] = office.address
        if office.details:
            entry["dct:description"] = _text(office.details)
        if office.phone_list:
            entry["schema:telephone"] = office.phone_list
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


def public_service(public_procedure, content, service_id):
    """A CPSV-AP ``cpsv:PublicService`` node.

    Title, code, summary, fees, offices, processing time and competent authority come from
    ``public_procedure``; required documents (with their download URLs), submission
    channels and legal acts from ``content``, the procedure's public interchange dump.
    """
    procedure = public_procedure
    node = {
        "@id": service_id,
        "@type": "cpsv:PublicService",
        "dct:identifier": procedure.code,
        "dct:title": _text(procedure.title),
    }
    if procedure.summary:
        node["dct:description"] = _text(procedure.summary)
    optional = {
        "cv:hasCost": _costs(procedure.fees),
        "cpsv:hasInput": _evidences(content.get("required_documents")),
        "cv:hasChannel": _cpsv_channels(content.get("submission_channels"), procedure.places),
        "cv:hasLegalResource": _legal_resources(content.get("legal_basis")),
    }
    node.update({key: value for key, value in optional.items() if value})
    duration = iso_duration(procedure.processing_time)
    if duration:
        node["cv:processingTime"] = {"@value": duration, "@type": "xsd:duration"}
    if procedure.unit:
        node["cv:hasCompetentAuthority"] = {
            "@type": "cv:PublicOrganisation",
            "schema:name": procedure.unit,
        }
    return node


def service_graph(public_procedure, content, address, request=None):
    """``{"@context": ..., "@graph": [GovernmentService, cpsv:PublicService]}``, the nodes
    named ``<address>#government-service`` and ``<address>#public-service``."""
    service = government_service(public_procedure, request)
    service.pop("@context", None)
    service["@id"] = f"{address}#government-service"
    cpsv_service = public_service(public_procedure, content, f"{address}#public-service")
    cpsv_service["schema:sameAs"] = {"@id": service["@id"]}
    return {"@context": CONTEXT, "@graph": [service, cpsv_service]}
