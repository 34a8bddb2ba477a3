"""Template helpers of the Call Center reading view."""

import re

from django import template

register = template.Library()

_NOT_DIALLED = re.compile(r"[^\d+]")
#: Where the number ends: "42 638 40 00 wew. 12" dials the first part.
_EXTENSION = re.compile(r"[^\W\d_]")


@register.filter
def tel_href(number):
    """``+48 (42) 638-41-10`` → ``tel:+48426384110``; a 9-digit Polish number gets +48,
    an extension ("wew. 12") is left out. Empty when the text holds no number to dial.
    """
    text = str(number or "")
    start = re.search(r"[+\d]", text)
    if start is None:
        return ""
    number = _EXTENSION.split(text[start.start() :], maxsplit=1)[0]
    digits = _NOT_DIALLED.sub("", number)
    digits = digits[:1] + digits[1:].replace("+", "")
    if not digits.lstrip("+"):
        return ""
    if not digits.startswith("+") and len(digits) == 9:
        digits = "+48" + digits
    return f"tel:{digits}"


@register.filter
def phone_list(numbers):
    """A "Telefony" text with several numbers separated by commas, as a list."""
    return [number.strip() for number in str(numbers or "").split(",") if number.strip()]
