"""Re-index a procedure whenever its row changes; forget cached synonyms and promotions
when they change."""

from django.db.models.signals import post_delete, post_save
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from procedures.models import ProcedurePage
from procedures.purges import purge_after_commit
from search.engine import SYNONYMS_CACHE_KEY
from search.indexing import index_page, needs_reindex
from search.models import SynonymGroup
from search.promotions import PROMOTIONS_CACHE_KEY


def _reindex(sender, instance, update_fields=None, raw=False, **kwargs):
    if raw or not needs_reindex(update_fields):
        return
    # In the saving transaction: the entry changes with the row or not at all.
    index_page(instance)


def _forget_synonyms(sender, **kwargs):
    # After the commit: a search in between would cache the old groups again.
    purge_after_commit(keys=[SYNONYMS_CACHE_KEY])


def _forget_promotions(sender, created=False, **kwargs):
    # A new query (Wagtail's Query.get) has no promotion yet; a deleted one takes its
    # promotions along, each sending its own post_delete.
    if not (created and sender is Query):
        purge_after_commit(keys=[PROMOTIONS_CACHE_KEY])


#: Bulk jobs (the importer) disconnect the re-indexing with this and index once per record.
DISPATCH_UID = "search-reindex"


def connect():
    post_save.connect(_reindex, sender=ProcedurePage, dispatch_uid=DISPATCH_UID)
    post_save.connect(_forget_synonyms, sender=SynonymGroup, dispatch_uid="search-synonyms")
    post_delete.connect(_forget_synonyms, sender=SynonymGroup, dispatch_uid="search-synonyms-del")
    post_save.connect(_forget_promotions, sender=SearchPromotion, dispatch_uid="search-promo")
    post_delete.connect(_forget_promotions, sender=SearchPromotion, dispatch_uid="search-promo-del")
    post_save.connect(_forget_promotions, sender=Query, dispatch_uid="search-promo-query")
