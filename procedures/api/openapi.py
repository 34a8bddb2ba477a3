"""The API described for machines (``/api/v2/openapi.json``) and for people (``/api/v2/docs/``).

Item content is described by the interchange schema (``procedure.schema.json``) cut down to
the public keys (``Key.public``, i.e. :data:`procedures.public.PUBLIC_FIELDS`), so a key made
public or restricted there changes this document too; restricted keys are never described.
"""

import copy
import json
from functools import cache
from pathlib import Path

from django.http import JsonResponse
from django.shortcuts import render

from . import params
from .serializers import CONTENT_FIELDS, LISTING_DEFAULT_FIELDS, PAGE_TYPE
from .utils import ALLOWED_METHODS, api_view

INTERCHANGE_SCHEMA = Path(__file__).resolve().parent.parent / "interchange/procedure.schema.json"
SCHEMA_PREFIX = "#/components/schemas/"

_NULLABLE_STRING = {"type": ["string", "null"]}
_NULLABLE_DATETIME = {"type": ["string", "null"], "format": "date-time"}
_FILE_DETAILS = {
    "file_size": {"type": ["integer", "null"], "description": "Rozmiar pliku w bajtach."},
    "file_format": {**_NULLABLE_STRING, "description": "Format pliku, np. pdf."},
}
_SAMPLE_FILE_DETAILS = {
    "sample_file_size": {"type": ["integer", "null"], "description": "Rozmiar wzoru w bajtach."},
    "sample_file_format": {**_NULLABLE_STRING, "description": "Format wzoru, np. pdf."},
}


def _ref(name):
    return {"$ref": SCHEMA_PREFIX + name}


def _procedure_object(description, required, meta):
    """A procedure as an endpoint answers it: id, its ``meta`` schema, the BIP metadata and
    the public content keys, nothing else."""
    return {
        "type": "object",
        "description": description,
        "required": required,
        "allOf": [_ref("ProcedureContent")],
        "properties": {"id": {"type": "integer"}, "meta": _ref(meta), "bip": _ref("Bip")},
        "unevaluatedProperties": False,
    }


def _collection(item, closed_meta, **extra_properties):
    """A page of ``item`` objects with their ``meta.total_count``; ``closed_meta`` says
    whether ``meta`` may hold nothing else."""
    meta = {
        "type": "object",
        "required": ["total_count"],
        "properties": {"total_count": {"type": "integer", "minimum": 0}},
    }
    if closed_meta:
        meta["additionalProperties"] = False
    return {
        "type": "object",
        "required": ["meta", "items"],
        "additionalProperties": False,
        "properties": {
            "meta": meta,
            "items": {"type": "array", "items": _ref(item)},
            **extra_properties,
        },
    }


def _rewrite_refs(node):
    """``node`` with the interchange schema's ``#/$defs/x`` pointing at ``components``."""
    if isinstance(node, dict):
        rewritten = {key: _rewrite_refs(value) for key, value in node.items()}
        target = rewritten.get("$ref", "")
        if target.startswith("#/$defs/"):
            rewritten["$ref"] = SCHEMA_PREFIX + target.removeprefix("#/$defs/").capitalize()
        return rewritten
    if isinstance(node, list):
        return [_rewrite_refs(value) for value in node]
    return node


def _interchange_schemas():
    """Components taken from the interchange schema: public content, documents, people."""
    source = json.loads(INTERCHANGE_SCHEMA.read_text(encoding="utf-8"))
    properties = {
        name: _rewrite_refs(source["properties"][name])
        for name in CONTENT_FIELDS
        if name in source["properties"]
    }
    # The API adds each document's stored size and format beside its URL.
    other_item = properties["other_documents"]["items"]
    other_item["properties"].update(copy.deepcopy(_FILE_DETAILS))
    document = _rewrite_refs(source["$defs"]["document"])
    document["properties"].update(copy.deepcopy(_FILE_DETAILS))
    document["properties"].update(copy.deepcopy(_SAMPLE_FILE_DETAILS))
    schemas = {
        name.capitalize(): _rewrite_refs(schema)
        for name, schema in source["$defs"].items()
        if name != "document"
    }
    schemas["Document"] = document
    schemas["ProcedureContent"] = {
        "type": "object",
        "description": (
            "Jawne klucze formatu wymiany procedur (procedure.schema.json); "
            "pola zastrzeżone nie są nigdy publikowane."
        ),
        "properties": properties,
    }
    required = [name for name in source.get("required", []) if name in properties]
    return schemas, required


def _components():
    schemas, required_content = _interchange_schemas()
    meta_base = {
        "type": {"const": PAGE_TYPE},
        "detail_url": {"type": "string", "format": "uri"},
        "html_url": {**_NULLABLE_STRING, "format": "uri"},
    }
    schemas.update(
        {
            "Error": {
                "type": "object",
                "required": ["message"],
                "additionalProperties": False,
                "properties": {"message": {"type": "string"}},
            },
            "ListingMeta": {
                "type": "object",
                "required": ["type", "detail_url", "html_url", "code"],
                "additionalProperties": False,
                "properties": {**meta_base, "code": {"type": "string"}},
            },
            "DetailMeta": {
                "type": "object",
                "required": [
                    "type",
                    "detail_url",
                    "html_url",
                    "first_published_at",
                    "last_published_at",
                ],
                "additionalProperties": False,
                "properties": {
                    **meta_base,
                    "first_published_at": _NULLABLE_DATETIME,
                    "last_published_at": _NULLABLE_DATETIME,
                },
            },
            "Bip": {
                "type": "object",
                "description": "Metryczka BIP opublikowanej informacji.",
                "additionalProperties": False,
                "properties": {
                    "publishing_entity": _NULLABLE_STRING,
                    "information_authors": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["name"],
                            "additionalProperties": False,
                            "properties": {
                                "name": {"type": "string"},
                                "position": _NULLABLE_STRING,
                            },
                        },
                    },
                    "entered_by": _NULLABLE_STRING,
                    "information_date": {"type": ["string", "null"], "format": "date"},
                    "published_at": _NULLABLE_DATETIME,
                    "last_published_at": _NULLABLE_DATETIME,
                    "valid_from": _NULLABLE_DATETIME,
                    "valid_to": _NULLABLE_DATETIME,
                },
            },
            "ListingItem": _procedure_object(
                "Pozycja listy: id, meta oraz pola wskazane w ?fields=.",
                required=["id", "meta", *LISTING_DEFAULT_FIELDS],
                meta="ListingMeta",
            ),
            "Procedure": _procedure_object(
                "Procedura: id, meta, wszystkie jawne klucze i metryczka BIP.",
                required=["id", "meta", "bip", *required_content],
                meta="DetailMeta",
            ),
            "Withdrawn": {
                "type": "object",
                "description": "Procedura, która przestała być publiczna od updated_since.",
                "required": ["code", "id", "withdrawn_at"],
                "properties": {
                    "code": {"type": "string"},
                    "id": {"type": "integer"},
                    "withdrawn_at": {"type": "string", "format": "date-time"},
                },
            },
            "Listing": _collection(
                "ListingItem",
                closed_meta=False,
                deleted={
                    "type": "array",
                    "description": "Tylko z ?updated_since=: procedury wycofane od tej chwili.",
                    "items": _ref("Withdrawn"),
                },
            ),
            "HistoryEntry": {
                "type": "object",
                "additionalProperties": False,
                "required": [
                    "revision_id",
                    "published_at",
                    "entered_by",
                    "changed_fields",
                    "change_note",
                    "content",
                ],
                "properties": {
                    "revision_id": {"type": "integer"},
                    "change_note": {
                        "description": "Informacja o zmianie, z którą opublikowano wersję.",
                        "oneOf": [{"type": "null"}, _ref("ChangeNoteOfVersion")],
                    },
                    "published_at": _NULLABLE_DATETIME,
                    "entered_by": _NULLABLE_STRING,
                    "changed_fields": {"type": "array", "items": {"enum": list(CONTENT_FIELDS)}},
                    "content": {
                        "allOf": [_ref("ProcedureContent")],
                        "unevaluatedProperties": False,
                    },
                },
            },
            "ChangeNoteOfVersion": {
                "type": "object",
                "additionalProperties": False,
                "required": ["text", "minor"],
                "properties": {"text": {"type": "string"}, "minor": {"type": "boolean"}},
            },
            "ChangeNote": {
                "type": "object",
                "description": "Publiczna informacja o zmianie (Historia zmian na portalu).",
                "additionalProperties": False,
                "required": ["published_at", "text", "minor", "source", "revision_id"],
                "properties": {
                    "published_at": {"type": "string", "format": "date-time"},
                    "text": {"type": "string"},
                    "minor": {"type": "boolean"},
                    "source": {"enum": ["publication", "record"]},
                    "revision_id": {"type": ["integer", "null"]},
                },
            },
            "History": _collection(
                "HistoryEntry",
                closed_meta=True,
                change_notes={
                    "type": "array",
                    "description": "Historia zmian: informacje o zmianach, najnowsze najpierw "
                    "(także zmiany rekordów wspólnych, np. adresu miejsca).",
                    "items": _ref("ChangeNote"),
                },
            ),
            "HistoryAnswer": {
                "description": "Rejestr zmian (History) albo, z ?at=, jedna wersja (HistoryEntry).",
                "oneOf": [_ref("History"), _ref("HistoryEntry")],
            },
            "JsonLd": {
                "type": "object",
                "description": (
                    "JSON-LD: schema.org GovernmentService i CPSV-AP cpsv:PublicService "
                    "w jednym @graph."
                ),
                "required": ["@context", "@graph"],
                "properties": {
                    "@context": {"type": "object"},
                    "@graph": {
                        "type": "array",
                        "items": {"type": "object", "required": ["@type"]},
                    },
                },
            },
        }
    )
    return {"schemas": schemas, "parameters": _parameters(), "responses": _responses()}


def _parameters():
    """Every parameter as the views read it (:mod:`.params`)."""
    return {parameter.component: parameter.openapi() for parameter in params.ALL}


def _json_content(name, media_type="application/json"):
    return {media_type: {"schema": _ref(name)}}


def _responses():
    cache_headers = {
        "ETag": {"schema": {"type": "string"}},
        "Last-Modified": {"schema": {"type": "string"}},
    }
    return {
        "Listing": {
            "description": "Lista procedur.",
            "headers": cache_headers,
            "content": _json_content("Listing"),
        },
        "Procedure": {
            "description": "Procedura.",
            "headers": cache_headers,
            "content": _json_content("Procedure"),
        },
        "History": {
            "description": (
                "Opublikowane wersje procedury; z ?at= jedna wersja, publiczna w tej chwili."
            ),
            "headers": cache_headers,
            "content": _json_content("HistoryAnswer"),
        },
        "JsonLd": {
            "description": "Dane strukturalne procedury.",
            "headers": cache_headers,
            "content": _json_content("JsonLd", "application/ld+json"),
        },
        "NotModified": {
            "description": "Kopia klienta jest aktualna (If-None-Match / If-Modified-Since)."
        },
        "BadRequest": {"description": "Niepoprawny parametr.", "content": _json_content("Error")},
        "NotFound": {
            "description": "Brak publicznej procedury pod tym adresem.",
            "content": _json_content("Error"),
        },
        "MethodNotAllowed": {
            "description": "Metoda inna niż GET i HEAD.",
            "headers": {
                "Allow": {"schema": {"type": "string", "const": ", ".join(ALLOWED_METHODS)}}
            },
            "content": _json_content("Error"),
        },
        "TooManyRequests": {
            "description": "Przekroczony limit zapytań z jednego adresu (API_RATE_LIMIT).",
            "headers": {
                "Retry-After": {
                    "description": "Po ilu sekundach można ponowić zapytanie.",
                    "schema": {"type": "integer", "minimum": 1},
                }
            },
            "content": _json_content("Error"),
        },
    }


def _operation(operation_id, summary, parameters, ok, *, not_found=True):
    responses = {
        "200": {"$ref": "#/components/responses/" + ok},
        "304": {"$ref": "#/components/responses/NotModified"},
        "400": {"$ref": "#/components/responses/BadRequest"},
    }
    if not_found:
        responses["404"] = {"$ref": "#/components/responses/NotFound"}
    responses["429"] = {"$ref": "#/components/responses/TooManyRequests"}
    return {
        "get": {
            "operationId": operation_id,
            "summary": summary,
            "parameters": [
                {"$ref": "#/components/parameters/" + parameter.component}
                for parameter in parameters
            ],
            "responses": responses,
        }
    }


def _paths():
    return {
        "/procedures/": _operation(
            "listProcedures",
            "Lista publicznych procedur, według kodu.",
            params.LISTING,
            "Listing",
            not_found=False,
        ),
        "/procedures/{id}/": _operation(
            "getProcedure",
            "Procedura według identyfikatora.",
            (params.ID, *params.DETAIL),
            "Procedure",
        ),
        "/procedures/code/{code}/": _operation(
            "getProcedureByCode",
            "Procedura według kodu.",
            (params.CODE, *params.DETAIL),
            "Procedure",
        ),
        "/procedures/{id}/history/": _operation(
            "getProcedureHistory",
            "Historia opublikowanych wersji procedury (z ?at=: wersja z tej chwili).",
            (params.ID, *params.HISTORY),
            "History",
        ),
        "/procedures/{id}/jsonld/": _operation(
            "getProcedureJsonLd",
            "Procedura jako JSON-LD: schema.org GovernmentService i CPSV-AP PublicService.",
            (params.ID, *params.DETAIL),
            "JsonLd",
        ),
    }


@cache
def openapi_document():
    """The OpenAPI 3.1 document of the API, servers relative to ``/api/v2``."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Procedury – API Łódzkiego Centrum Kontaktu z Mieszkańcami",
            "version": "2",
            "description": (
                "Publiczne procedury Urzędu Miasta Łodzi dla BIP i innych serwisów. "
                'Błędy mają postać {"message": "..."}. Każdy adres odpowiada tylko na GET i '
                "HEAD; inne metody dostają 405 z nagłówkiem Allow "
                "(components.responses.MethodNotAllowed), a adresy spoza tego opisu 404."
            ),
        },
        "jsonSchemaDialect": "https://spec.openapis.org/oas/3.1/dialect/base",
        "servers": [{"url": "/api/v2"}],
        "paths": _paths(),
        "components": _components(),
    }


@api_view
def openapi_json(request):
    """The OpenAPI document as JSON."""
    return JsonResponse(openapi_document(), json_dumps_params={"ensure_ascii": False})


def _type_label(schema):
    if "$ref" in schema:
        return schema["$ref"].removeprefix(SCHEMA_PREFIX)
    if "oneOf" in schema:
        return " | ".join(_type_label(option) for option in schema["oneOf"])
    if "const" in schema:
        return json.dumps(schema["const"], ensure_ascii=False)
    if "enum" in schema:
        return " | ".join(json.dumps(value, ensure_ascii=False) for value in schema["enum"])
    kinds = schema.get("type", "object")
    label = " | ".join(kinds) if isinstance(kinds, list) else kinds
    if "array" in label and "items" in schema:
        label = label.replace("array", f"array[{_type_label(schema['items'])}]")
    return label


def _schema_rows(schema):
    required = set(schema.get("required", []))
    return [
        {
            "name": name,
            "type": _type_label(prop),
            "required": name in required,
            "description": prop.get("description", ""),
        }
        for name, prop in schema.get("properties", {}).items()
    ]


@api_view
def api_docs(request):
    """A page listing the API's endpoints, their parameters, responses and schemas."""
    document = openapi_document()
    components = document["components"]
    endpoints = []
    for path, item in document["paths"].items():
        operation = item["get"]
        parameters = [
            components["parameters"][ref["$ref"].rsplit("/", 1)[-1]]
            for ref in operation["parameters"]
        ]
        responses = [
            (status, components["responses"][ref["$ref"].rsplit("/", 1)[-1]])
            for status, ref in operation["responses"].items()
        ]
        endpoints.append(
            {
                "path": "/api/v2" + path,
                "summary": operation["summary"],
                "anchor": operation["operationId"],
                "parameters": parameters,
                "responses": [
                    {
                        "status": status,
                        "description": response["description"],
                        "schemas": [
                            _type_label(content["schema"])
                            for content in response.get("content", {}).values()
                        ],
                    }
                    for status, response in responses
                ],
            }
        )
    schemas = [
        {"name": name, "description": schema.get("description", ""), "rows": _schema_rows(schema)}
        for name, schema in components["schemas"].items()
    ]
    return render(
        request,
        "api/docs.html",
        {"document": document, "endpoints": endpoints, "schemas": schemas},
    )
