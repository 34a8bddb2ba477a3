"""Keeping the search entries in step with the procedures.

Every procedure has a staff entry (all its text, restricted fields included) and, unless
it is internal, a public entry built from :data:`procedures.public.SEARCH_WEIGHTS` read
through :class:`~procedures.public.PublicProcedure`, so restricted text cannot reach it.
Whether a public entry may be shown is still decided at query time by
``ProcedurePage.objects.public()`` (dates, live, internal), not by the entry's existence.
"""

import datetime

from django.db import transaction
from django.db.models import Model, QuerySet
from django.utils.html import strip_tags
from wagtail.blocks import StreamValue
from wagtail.rich_text import RichText

from procedures.fields import FIELDS, FIELDS_BY_KEY
from procedures.models import ProcedurePage
from procedures.public import PUBLIC_FIELDS, SEARCH_WEIGHTS, PublicProcedure
from search.analysis import index_text
from search.databases import get_database
from search.models import WEIGHTS, Audience, SearchEntry, SearchTerm

#: Restricted text only staff search finds, ``(key, part or None)`` → weight, from the
#: restricted rows of :data:`procedures.fields.FIELDS` that have a weight.
STAFF_ONLY_WEIGHTS = {
    (row.key, part): weight for row in FIELDS if not row.public for part, weight in row.weights
}

#: Page columns whose change does not alter what is searched (Wagtail's draft bookkeeping).
_BOOKKEEPING = frozenset(
    {
        "draft_title",
        "latest_revision",
        "latest_revision_created_at",
        "has_unpublished_changes",
        "live_revision",
        "locked",
        "locked_at",
        "locked_by",
        "url_path",
        "first_published_at",
        "last_published_at",
    }
)


def text_of(value):
    """The readable text in a field's value: plain strings, rich text without markup,
    StreamField blocks' searchable content, names of related objects."""
    if value is None or isinstance(value, bool):
        return []
    if isinstance(value, str):
        return [strip_tags(value)] if value else []
    if isinstance(value, RichText):
        return [strip_tags(value.source)]
    if isinstance(value, StreamValue):
        return [strip_tags(t) for t in value.stream_block.get_searchable_content(value)]
    if isinstance(value, dict):
        return [t for v in value.values() for t in text_of(v)]
    if isinstance(value, list | tuple | QuerySet):
        return [t for v in value for t in text_of(v)]
    if isinstance(value, Model | int | datetime.date):
        return [str(value)]
    return []


def _staff_only_text(page, key, part):
    value = getattr(page, FIELDS_BY_KEY[key].attribute)
    if part is None:
        return text_of(value)
    # One part of each item of a stream, e.g. the FAQ's questions.
    return [strip_tags(str(child.value[part])) for child in value if part in child.value]


def public_texts(page):
    """The public text of ``page`` by weight, read through ``PublicProcedure``."""
    public = PublicProcedure(page)
    texts = {w: [] for w in WEIGHTS}
    for key, weight in SEARCH_WEIGHTS.items():
        if key in PUBLIC_FIELDS:
            texts[weight] += text_of(getattr(public, key))
    return texts


def staff_texts(page):
    """Everything staff search finds in ``page``: the public text and the restricted text."""
    texts = public_texts(page)
    for (key, part), weight in STAFF_ONLY_WEIGHTS.items():
        texts[weight] += _staff_only_text(page, key, part)
    return texts


def _columns(texts):
    return {
        f"terms_{w.lower()}": f" {index_text(' '.join(texts[w]))} " if texts[w] else ""
        for w in WEIGHTS
    }


def entries_for(page):
    """Unsaved entries for ``page``: staff always, public unless it is internal."""
    entries = [SearchEntry(page=page, audience=Audience.STAFF, **_columns(staff_texts(page)))]
    if not page.is_internal:
        entries.append(
            SearchEntry(page=page, audience=Audience.PUBLIC, **_columns(public_texts(page)))
        )
    return entries


def _store(entries, page_ids):
    """Replace the entries of ``page_ids`` with ``entries``, their vectors and vocabulary."""
    SearchEntry.objects.filter(page_id__in=page_ids).delete()
    get_database().store(entries)
    _extend_vocabulary(entries)


def _extend_vocabulary(entries):
    """Add the entries' terms the audience's vocabulary lacks, by ``INSERT … ON CONFLICT
    DO NOTHING`` (in batches): a term it holds already costs one probe of the unique
    (audience, term) index and writes nothing, so the trigram index is spared.

    Asking first which terms are known (as this did before) let PostgreSQL answer the
    ``term IN (…)`` list through the trigram index whenever the table's statistics were
    thin, tens of milliseconds per save instead of one."""
    terms = {
        (entry.audience, term[:64])
        for entry in entries
        for w in WEIGHTS
        for term in getattr(entry, f"terms_{w.lower()}").split()
    }
    SearchTerm.objects.bulk_create(
        [SearchTerm(audience=audience, term=term) for audience, term in sorted(terms)],
        ignore_conflicts=True,
        batch_size=2000,
    )


def index_pages(pages):
    """(Re)index ``pages``, ProcedurePage instances, in one transaction."""
    pages = list(pages)
    if not pages:
        return
    with transaction.atomic():
        _store([e for page in pages for e in entries_for(page)], [p.pk for p in pages])


def index_page(page):
    """(Re)index one procedure, as its row now stands."""
    index_pages([page])


def rebuild(batch_size=200, progress=None):
    """Index every procedure afresh and rebuild the vocabulary; returns how many pages."""
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        SearchTerm.objects.all().delete()
    ids = list(ProcedurePage.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), batch_size):
        chunk = ids[start : start + batch_size]
        pages = (
            ProcedurePage.objects.filter(pk__in=chunk)
            .select_related("department__unit")
            .prefetch_related("categories", "electronic_actions", "useful_info")
        )
        index_pages(pages)
        if progress:
            progress(min(start + batch_size, len(ids)), len(ids))
    get_database().tidy()
    return len(ids)


def needs_reindex(update_fields):
    """Whether a page save with ``update_fields`` may have changed its searched text."""
    return update_fields is None or not set(update_fields) <= _BOOKKEEPING
