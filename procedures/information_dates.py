"""Field 6, "Data wytworzenia informacji", where the editor left it empty: the date of the
update request the published version resolved."""

from django.utils import timezone

from procedures.models import UpdateRequest


def request_dates_for(pages):
    """``{page pk: date}`` of the update request each page's live version resolved.

    The newest done request whose resolving revision is the page's live revision counts;
    pages without one are left out. One query for any number of pages.
    """
    revision_ids = {page.live_revision_id for page in pages} - {None}
    by_revision = {}
    requests = UpdateRequest.objects.filter(
        status=UpdateRequest.Status.DONE, resolved_revision_id__in=revision_ids
    ).order_by("created_at")
    for request in requests if revision_ids else ():  # newest last, so it wins
        by_revision[request.resolved_revision_id] = timezone.localdate(request.created_at)
    return {
        page.pk: by_revision[page.live_revision_id]
        for page in pages
        if page.live_revision_id in by_revision
    }


def information_date_for(page):
    """The date of the request this live version of ``page`` resolved, or ``None``.

    Field 6 of the template: when "Data wytworzenia informacji" is empty, it is the date
    of the update request that produced the version.
    """
    return request_dates_for([page]).get(page.pk)
