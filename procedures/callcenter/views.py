"""The Call Center reading view: every procedure with its restricted sections, for staff.

Agents answering +48 (42) 638-44-44 search all procedures (internal ones too) and read
one in an order made for a call: FAQ first, then what the Call Center is told, then the
people responsible, then the public description, rendered by the portal's templates.
Access rules and the no-store headers come from
:func:`procedures.callcenter.access.callcenter_view`.
"""

from django.template.response import TemplateResponse
from django.utils import timezone

from procedures.callcenter import queries
from procedures.callcenter.access import callcenter_view
from procedures.callcenter.cc_other import cc_other_url, user_can_edit_cc_other
from procedures.models import ProcedurePage
from procedures.public import PublicProcedure
from procedures.workflow.views import request_form_url
from search import analytics
from search.models import Audience
from search.query import clean_query


@callcenter_view
def search(request):
    """The search box; with ``?q=`` the matching procedures by title, without it the
    recently updated ones. Each row: code, title, department, status, "wewnętrzna",
    whether residents see it now."""
    query = clean_query(request.GET.get("q"))
    now = timezone.now()
    if query:
        procedures = queries.search(query)
        analytics.record(query, Audience.STAFF, len(procedures))
        truncated = len(procedures) > queries.SEARCH_LIMIT
        procedures = procedures[: queries.SEARCH_LIMIT]
    else:
        procedures = queries.recently_updated()
        truncated = False
    rows = [(page, queries.status_of(page, now)) for page in procedures]
    return TemplateResponse(
        request,
        "callcenter/search.html",
        {
            "query": query,
            "rows": rows,
            "truncated": truncated,
            "search_limit": queries.SEARCH_LIMIT,
        },
    )


@callcenter_view
def procedure(request, code):
    """One procedure as an agent reads it during a call; a 404 page for an unknown code."""
    try:
        page = queries.procedure_for_reading(code)
    except ProcedurePage.DoesNotExist:
        return TemplateResponse(request, "callcenter/not_found.html", {"code": code}, status=404)
    context = {
        "page": page,
        # The public sections read the public projection, as on the portal.
        "procedure": PublicProcedure(page),
        "status": queries.status_of(page),
        "scheduled_version_at": queries.scheduled_version_date(page) if page.live else None,
        "cc_other_url": cc_other_url(page) if user_can_edit_cc_other(request.user) else None,
        "update_request_url": (
            request_form_url(page)
            if request.user.has_perm("procedures.add_updaterequest")
            else None
        ),
        "portal_url": page.get_url(request) if page.is_public else None,
    }
    return TemplateResponse(request, "callcenter/procedure.html", context)
