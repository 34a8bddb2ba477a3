"""Structured data (schema.org JSON-LD) of a procedure for search engines.

Built from :class:`procedures.public.PublicProcedure` only, so nothing restricted can reach
it: a key outside ``PUBLIC_FIELDS`` raises ``AttributeError`` instead of leaking.
"""

import json
import re

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe

from procedures.links import absolute_url

CITY = "Łódź"

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
    channels = _channels(procedure.places)
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


def _offers(fees):
    offers = []
    for item in fees or []:
        if item.block_type != "fee":
            continue
        fee = item.value
        offer = {
            "@type": "Offer",
            "name": fee.get("type"),
            "price": f"{fee.get('amount'):.2f}" if fee.get("amount") is not None else None,
            "priceCurrency": "PLN",
        }
        if fee.get("remarks"):
            offer["description"] = fee["remarks"]
        offers.append({key: value for key, value in offer.items() if value is not None})
    return offers


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


def _channels(places):
    channels = []
    for item in places or []:
        office = item.value
        if office is None or not office.address:
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
