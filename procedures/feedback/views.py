"""The feedback endpoints of the portal: a vote, a report, the thank-you page.

**Why these views are exempt from CSRF.** The forms sit on procedure pages that the
portal keeps whole in its page cache (``home.page_cache``) and whose content is kept as a
fragment (``procedures.fragments``): one copy served to every anonymous reader. A CSRF
token in that copy would be one reader's token served to all the others, whose cookie
does not match it, so every post would fail with 403; leaving those pages uncached would
give up the cache for the 620 most read pages. CSRF protects what a logged-in user may do;
these endpoints act for nobody: they read no session and no account, and what a forged
post could do (one vote, one report) anyone can do by posting directly. So the forms
carry no token, and these views are ``csrf_exempt``, guarded instead by
:mod:`procedures.feedback.protection`: a post whose ``Origin``/``Referer`` names another
site is refused, a honeypot field catches bots, a rate limit per client address bounds
what one client can send, and the text and the body have size limits.

**Never cached.** POST answers are not stored by the page cache, and the pages here are
never marked public (``home.page_cache.mark_public``), so each is rendered for its request:
the form a resident sent comes back with their own text, never someone else's.

After a valid post the browser is sent (303) to the thank-you page (POST/redirect/GET), so
a reload sends nothing twice. Bad input comes back on the report's own page, status 400,
with every value the resident typed and a Polish message naming the field.
"""

import logging

from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from procedures.feedback import protection
from procedures.feedback.forms import ReportForm, VoteForm
from procedures.feedback.models import HelpfulnessVote
from procedures.models import ProcedurePage, UpdateRequest
from procedures.public import PublicProcedure

logger = logging.getLogger(__name__)

TOO_LARGE = (
    "Zgłoszenie jest za duże, by je przyjąć. Pole „Co jest nieaktualne lub błędne?” może "
    "mieć najwyżej {limit} znaków (ze spacjami): skróć opis i wyślij go jeszcze raz."
)
TOO_MANY_REPORTS = (
    "Z tego adresu wysłano w ostatnim czasie zbyt wiele zgłoszeń. Twój opis jest zachowany "
    "poniżej: spróbuj wysłać go ponownie później albo zadzwoń na infolinię 42 638-44-44."
)
TOO_MANY_VOTES = "Z tego adresu oddano w ostatnim czasie zbyt wiele ocen. Spróbuj ponownie później."
VOTE_TOO_LARGE = "Ocena jest za duża, by ją przyjąć. Wybierz „Tak” albo „Nie” poniżej."
CROSS_SITE = (
    "Formularz wysłano z innej strony niż serwis Łódzkiego Centrum Kontaktu z Mieszkańcami, "
    "więc go nie przyjęliśmy. Wyślij zgłoszenie z tej strony."
)


def public_procedure(code):
    """The public procedure of this code (any letter case); 404 for an internal, not yet
    valid, withdrawn or unknown one (``ProcedurePage.objects.public()``)."""
    page = ProcedurePage.objects.public().filter(code__iexact=code.strip()).first()
    if page is None:
        raise Http404("Nie ma opublikowanej procedury o tym kodzie.")
    return page


def _form_page(request, page, form, status=200, problem=""):
    """The form on a page of its own (``feedback/report.html`` or ``feedback/vote.html``):
    with the values sent, their messages and ``problem`` (why nothing was accepted)."""
    template = "feedback/vote.html" if isinstance(form, VoteForm) else "feedback/report.html"
    context = {"procedure": PublicProcedure(page), "form": form, "problem": problem}
    return render(request, template, context, status=status)


@csrf_exempt  # see the module's docstring
@require_POST
def vote(request, code):
    """ "Czy ta informacja była pomocna?": counts one "Tak" or "Nie" for the procedure and
    sends the browser to the thank-you page."""
    page = public_procedure(code)
    if protection.body_too_large(request):
        return _form_page(request, page, VoteForm(), 413, VOTE_TOO_LARGE)
    if protection.cross_site(request):
        return _form_page(request, page, VoteForm(), 403, CROSS_SITE)
    if protection.limited(request, "vote"):
        return _form_page(request, page, VoteForm(), 429, TOO_MANY_VOTES)
    form = VoteForm(request.POST)
    if form.is_spam():
        protection.count(request, "vote")
        logger.info("Feedback vote on %s caught by the honeypot", page.code)
        return _see_other("feedback:thanks_vote", page)
    if not form.is_valid():
        return _form_page(request, page, form, 400)
    HelpfulnessVote.objects.create(procedure=page, helpful=form.helpful)
    protection.count(request, "vote")
    return _see_other("feedback:thanks_vote", page)


@csrf_exempt  # see the module's docstring
@require_http_methods(["GET", "HEAD", "POST"])
def report(request, code):
    """ "Zgłoś błąd w opisie": the form on a page of its own (GET), or a report sent
    (POST). A valid report becomes one update request from a resident in the Procedures
    Office's queue; bad input comes back here, status 400, with what was typed."""
    page = public_procedure(code)
    if request.method != "POST":
        return _form_page(request, page, ReportForm())
    if protection.body_too_large(request):
        limit = protection.max_chars()
        form = ReportForm()
        return _form_page(request, page, form, 413, TOO_LARGE.format(limit=limit))
    form = ReportForm(request.POST)
    if protection.cross_site(request):
        return _form_page(request, page, form, 403, CROSS_SITE)
    if protection.limited(request, "report"):
        return _form_page(request, page, form, 429, TOO_MANY_REPORTS)
    if form.is_spam():
        protection.count(request, "report")
        logger.info("Feedback report on %s caught by the honeypot", page.code)
        return _see_other("feedback:thanks_report", page)
    if not form.is_valid():
        return _form_page(request, page, form, 400)
    UpdateRequest.objects.create(
        procedure=page,
        source=UpdateRequest.Source.RESIDENT,
        subject=form.subject(),
        description=form.cleaned_data["description"],
        requester_email=form.cleaned_data["email"],
    )
    protection.count(request, "report")
    return _see_other("feedback:thanks_report", page)


def _see_other(name, page):
    response = redirect(name, code=page.code)
    response.status_code = 303  # the browser follows with GET (POST/redirect/GET)
    return response


@require_safe
def thanks(request, code, kind):
    """The thank-you page after a vote (``kind`` "ocena") or a report ("zgloszenie"),
    with the way back to the procedure."""
    page = public_procedure(code)
    return render(
        request,
        "feedback/thanks.html",
        {"procedure": PublicProcedure(page), "kind": kind},
    )
