"""The page explorer's title links: a listing page opens its list, not its editor."""

from django import template

from procedures.models import ProcedureIndexPage

register = template.Library()


@register.filter
def opens_listing(page):
    """True for the "Procedury" page (``ProcedureIndexPage``): in the explorer its title
    opens the list of procedures; the editor stays in the row's "…" menu."""
    return isinstance(page, ProcedureIndexPage)
