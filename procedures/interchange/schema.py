"""The interchange format's JSON Schema, and its findings as Polish messages with paths."""

import json
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker

SCHEMA_PATH = Path(__file__).with_name("procedure.schema.json")

#: Checked by the model with better messages (they name the field in Polish).
_LEFT_TO_MODEL = {"maxLength"}

_TYPE_NAMES = {
    "string": "tekst",
    "integer": "liczba całkowita",
    "number": "liczba",
    "boolean": "tak/nie (true/false)",
    "array": "lista",
    "object": "obiekt",
    "null": "null",
}


@cache
def schema():
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


@cache
def validator():
    return Draft202012Validator(schema(), format_checker=FormatChecker())


def json_path(parts):
    """``["steps", 2, "comment"]`` → ``steps[2].comment``."""
    path = ""
    for part in parts:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else part)
    return path


def _describe(error):
    kind = error.validator
    if kind == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return missing, f"Brak wymaganego pola „{missing}”."
    if kind == "additionalProperties":
        extra = ", ".join(sorted(set(error.instance) - set(error.schema.get("properties", {}))))
        return None, f"Nieznane pole: {extra}."
    if kind == "type":
        expected = error.validator_value
        expected = expected if isinstance(expected, list) else [expected]
        names = " albo ".join(_TYPE_NAMES.get(t, t) for t in expected)
        return None, f"Oczekiwano wartości typu: {names}."
    if kind == "enum":
        allowed = ", ".join(f"„{v}”" for v in error.validator_value if v is not None)
        return None, f"Niedozwolona wartość „{error.instance}”. Dozwolone: {allowed}."
    if kind == "pattern":
        return None, f"Wartość „{error.instance}” ma zły format."
    if kind == "minLength":
        return None, "Pole nie może być puste."
    if kind == "minItems":
        return None, "Lista nie może być pusta."
    if kind == "oneOf":
        markers = [s["const"] for s in error.validator_value if "const" in s]
        if markers:
            return None, (
                f"Podaj wartość albo wpisz dokładnie „{markers[0]}” — puste pole nie jest "
                "dozwolone."
            )
    if kind == "format":
        return (
            None,
            f"Wartość „{error.instance}” nie jest poprawnym formatem {error.validator_value}.",
        )
    if kind == "minimum":
        return None, f"Wartość musi wynosić co najmniej {error.validator_value}."
    return None, "Nieprawidłowa wartość."


def _findings(error):
    if error.validator in _LEFT_TO_MODEL:
        return
    if error.validator == "oneOf" and error.instance and not isinstance(error.instance, str):
        # A list or object where "brak"/"nie dotyczy" was the alternative: report what is
        # wrong inside it, not that it is not the marker.
        inner = [e for e in error.context if "const" not in e.schema]
        if inner:
            for sub in inner:
                yield from _findings(sub)
            return
    child, message = _describe(error)
    parts = list(error.absolute_path) + ([child] if child else [])
    yield json_path(parts) or "(rekord)", message


def schema_errors(record):
    """``(path, message)`` for every way ``record`` breaks the schema (lengths excepted)."""
    findings = []
    for error in sorted(validator().iter_errors(record), key=lambda e: list(e.absolute_path)):
        findings.extend(_findings(error))
    return findings


def _strings(value, parts=()):
    if isinstance(value, str):
        yield parts, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*parts, key))
    elif isinstance(value, list):
        for position, item in enumerate(value):
            yield from _strings(item, (*parts, position))


def text_errors(record):
    """``(path, message)`` for texts no database column can hold: the NUL character, which
    JSON allows ("\\u0000") and PostgreSQL refuses. The admin's forms refuse it too."""
    return [
        (
            json_path(parts),
            "Pole zawiera znak NUL (\\u0000), którego nie można zapisać. Usuń go z tekstu.",
        )
        for parts, text in _strings(record)
        if "\x00" in text
    ]


def is_valid(document):
    return validator().is_valid(document)
