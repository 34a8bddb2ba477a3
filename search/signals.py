"""Re-index a procedure whenever its row changes; forget cached synonyms when they change."""

from django.db.models.signals import post_delete, post_save

from procedures.models import ProcedurePage
from procedures.purges import purge_after_commit
from search.engine import SYNONYMS_CACHE_KEY
from search.indexing import index_page, needs_reindex
from search.models import SynonymGroup


def _reindex(sender, instance, update_fields=None, raw=False, **kwargs):
    if raw or not needs_reindex(update_fields):
        return
    # In the saving transaction: the entry changes with the row or not at all.
    index_page(instance)


def _forget_synonyms(sender, **kwargs):
    # After the commit: a search in between would cache the old groups again.
    purge_after_commit(keys=[SYNONYMS_CACHE_KEY])


#: Bulk jobs (the importer) disconnect the re-indexing with this and index once per record.
DISPATCH_UID = "search-reindex"


def connect():
    post_save.connect(_reindex, sender=ProcedurePage, dispatch_uid=DISPATCH_UID)
    post_save.connect(_forget_synonyms, sender=SynonymGroup, dispatch_uid="search-synonyms")
    post_delete.connect(_forget_synonyms, sender=SynonymGroup, dispatch_uid="search-synonyms-del")
