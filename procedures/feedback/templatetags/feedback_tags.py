"""``{% feedback_panel procedure %}``: the end of a procedure's public page."""

from django import template

from procedures.feedback.forms import ReportForm, VoteForm
from procedures.feedback.protection import HONEYPOT

register = template.Library()


@register.inclusion_tag("feedback/panel.html", takes_context=True)
def feedback_panel(context, procedure):
    """ "Czy ta informacja była pomocna? Tak / Nie" and "Zgłoś błąd w opisie" for
    ``procedure`` (a :class:`~procedures.public.PublicProcedure`).

    The same for every reader (no token, no session, nothing of the reader's), so the page
    around it can be cached whole; nothing in a preview, where the procedure is not public
    yet and the form would refuse it.
    """
    request = context.get("request")
    return {
        "procedure": procedure,
        "shown": not getattr(request, "is_preview", False),
        "vote_form": VoteForm(),
        "report_form": ReportForm(),
        "honeypot": HONEYPOT,
    }


@register.inclusion_tag("feedback/honeypot.html")
def feedback_honeypot(form):
    """The honeypot field of ``form``: off-screen, hidden from screen readers, out of the
    tab order; a person never fills it (:mod:`procedures.feedback.protection`)."""
    return {"field": form[HONEYPOT]}
