"""A publication of a procedure restarts its review cycle (after commit); a new update
request or resident's report alerts the Procedures Office (after commit)."""

from django.db import transaction
from django.db.models.signals import post_save
from wagtail.signals import page_published

from procedures.models import ProcedurePage, UpdateRequest
from procedures.reviews.cycle import schedule_after_commit
from procedures.reviews.digests import alert_office


def review_after_publication(sender, instance, revision=None, **kwargs):
    schedule_after_commit(instance.pk, instance.last_published_at)


def alert_office_of_request(sender, instance, created, raw=False, **kwargs):
    if not created or raw:
        return
    request_id = instance.pk
    transaction.on_commit(lambda: alert_office(request_id), robust=True)


def connect():
    page_published.connect(
        review_after_publication, sender=ProcedurePage, dispatch_uid="reviews-publication"
    )
    post_save.connect(
        alert_office_of_request, sender=UpdateRequest, dispatch_uid="reviews-request-alert"
    )
