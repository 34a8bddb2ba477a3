"""Polish counts in templates: "21 komórek" under an admin listing, "1 dzień" for a term."""

from django import template
from django.utils.text import capfirst
from django.utils.timesince import TIME_STRINGS

from procedures.labels import ACCUSATIVE, count_label

register = template.Library()

#: The units of "Termin realizacji" (ProcedurePage.processing_time_unit) and Django's
#: plural strings for them (its catalogue: "1 dzień", "2 dni", "5 miesięcy").
_UNITS = {"dni": "day", "tygodnie": "week", "miesiące": "month"}


@register.simple_tag
def items_count(paginator):
    """ "21 komórek" for a paginator of departments; "1 pozycja" for unknown objects."""
    return capfirst(count_label(paginator.model, paginator.count))


@register.simple_tag
def choose_pages_title(page_type_string):
    """The page chooser's title: "Wybierz procedurę" when the field takes one page type
    named in ``procedures.labels.ACCUSATIVE``, "Wybierz stronę" otherwise."""
    types = (page_type_string or "").lower().split(",")
    if len(types) == 1 and types[0] in ACCUSATIVE:
        return f"Wybierz {ACCUSATIVE[types[0]]}"
    return "Wybierz stronę"


@register.filter
def duration(value, unit):
    """``30|duration:"dni"`` → "30 dni", ``1|duration:"dni"`` → "1 dzień"; an unknown unit
    is shown after the number as stored."""
    if value is None or value == "":
        return ""
    key = _UNITS.get(unit)
    if key is None:
        return f"{value} {unit or ''}".strip()
    return TIME_STRINGS[key] % {"num": int(value)}
