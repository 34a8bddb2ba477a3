"""Template helpers for procedure content, shared by the portal and the Call Center.

Every address a procedure's text puts into ``href`` goes through one of these filters, so
a stored ``javascript:`` value is shown as text and never becomes a live link.
"""

import re

from django import template

from procedures.blocks import CHANNEL_KINDS
from procedures.validators import safe_url

register = template.Library()

_CHANNEL_LABELS = dict(CHANNEL_KINDS)

_NOT_DIALLED = re.compile(r"[^\d+]")
#: Where the number ends: "42 638 40 00 wew. 12" dials the first part.
_EXTENSION = re.compile(r"[^\W\d_]")


@register.filter
def channel_label(kind):
    """``in_person`` → ``osobiście``: how a submission channel reads to a resident."""
    return _CHANNEL_LABELS.get(kind, kind)


@register.filter
def stream_group(stream, block_type):
    """The entries of a StreamField of one block type, e.g. the documents "do wglądu"."""
    return [item for item in stream or [] if item.block_type == block_type]


@register.filter
def web_url(url):
    """``url`` if it is an ``https:``, ``http:``, ``mailto:`` or ``tel:`` address, else an
    empty string: never a script link, never a relative link out of a free text."""
    return safe_url(url)


@register.filter
def mailto_href(address):
    """``bok@uml.lodz.pl`` → ``mailto:bok@uml.lodz.pl``; empty when it is no address."""
    address = str(address or "").strip()
    if address.lower().startswith("mailto:"):
        address = address[len("mailto:") :]
    if "@" not in address:
        return ""
    return safe_url(f"mailto:{address}")


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
