"""Keep derived state in step with publishing: the portal's page cache."""

from django.db.models.signals import pre_delete
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from procedures.models import DeletedProcedure, ProcedurePage
from procedures.page_cache import invalidate_procedure


def _invalidate(sender, instance, **kwargs):
    invalidate_procedure(instance)


def _remember_deletion(sender, instance, **kwargs):
    """A procedure residents could see is being deleted: keep its tombstone for BIP."""
    if ProcedurePage.objects.public().filter(pk=instance.pk).exists():
        DeletedProcedure.objects.create(page_id=instance.pk, code=instance.code)


def _invalidate_moved(sender, instance, **kwargs):
    invalidate_procedure(instance)


def connect():
    for signal in (page_published, page_unpublished, page_slug_changed):
        signal.connect(_invalidate, sender=ProcedurePage, dispatch_uid=f"cache-{signal!r}")
    pre_delete.connect(_invalidate, sender=ProcedurePage, dispatch_uid="cache-delete")
    pre_delete.connect(_remember_deletion, sender=ProcedurePage, dispatch_uid="tombstone")
    post_page_move.connect(_invalidate_moved, dispatch_uid="cache-move")
