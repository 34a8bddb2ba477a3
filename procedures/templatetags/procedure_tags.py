"""Template helpers for procedure pages."""

from django import template

from procedures.blocks import CHANNEL_KINDS

register = template.Library()

_CHANNEL_LABELS = dict(CHANNEL_KINDS)


@register.filter
def channel_label(kind):
    """``in_person`` → ``osobiście``: how a submission channel reads to a resident."""
    return _CHANNEL_LABELS.get(kind, kind)
