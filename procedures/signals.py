"""Derived state of the content model kept in step with it: BIP's tombstones of deleted
procedures. (The portal keeps its page cache in step in ``home.signals``.)"""

from django.db.models.signals import pre_delete

from procedures.models import DeletedProcedure, ProcedurePage


def _remember_deletion(sender, instance, **kwargs):
    """A procedure residents could see is being deleted: keep its tombstone for BIP."""
    if ProcedurePage.objects.public().filter(pk=instance.pk).exists():
        DeletedProcedure.objects.create(page_id=instance.pk, code=instance.code)


def connect():
    pre_delete.connect(_remember_deletion, sender=ProcedurePage, dispatch_uid="tombstone")
