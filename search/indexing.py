"""Keeping the search entries in step with the procedures.

Every procedure has a staff entry (all its text, restricted fields included) and, unless
it is internal, a public entry built from :data:`procedures.public.SEARCH_WEIGHTS` read
through :class:`~procedures.public.PublicProcedure`, so restricted text cannot reach it.
Whether a public entry may be shown is still decided at query time by
``ProcedurePage.objects.public()`` (dates, live, internal), not by the entry's existence.
"""

import datetime

from django.db import connection, transaction
from django.db.models import Model, QuerySet
from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.blocks import StreamValue
from wagtail.rich_text import RichText

from procedures.fields import FIELDS, FIELDS_BY_KEY
from procedures.models import ProcedurePage
from procedures.public import PUBLIC_FIELDS, SEARCH_WEIGHTS, PublicProcedure
from search.analysis import index_text
from search.models import Audience, SearchEntry, SearchTerm

WEIGHTS = "ABCD"

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


def _weighted(weights):
    return " || ".join(f"setweight(to_tsvector('simple', %s), '{w}')" for w in weights)


def _insert_postgres(entries):
    """Insert entries with their vectors in one statement each: no row is written twice
    (an update would leave a dead row per entry for every search to step over)."""
    table = SearchEntry._meta.db_table
    sql = (
        f"INSERT INTO {table} (page_id, audience, terms_a, terms_b, terms_c, terms_d, "  # noqa: S608
        f"indexed_at, vector, head_vector, title_vector) VALUES "
        f"(%s, %s, %s, %s, %s, %s, %s, {_weighted(WEIGHTS)}, {_weighted('AB')}, "
        f"to_tsvector('simple', %s))"
    )
    now = timezone.now()
    rows = []
    for e in entries:
        terms = [e.terms_a, e.terms_b, e.terms_c, e.terms_d]
        rows.append([e.page_id, e.audience, *terms, now, *terms, *terms[:2], e.terms_a])
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def _store(entries, page_ids):
    """Replace the entries of ``page_ids`` with ``entries``, their vectors and vocabulary."""
    SearchEntry.objects.filter(page_id__in=page_ids).delete()
    if connection.vendor == "postgresql":
        _insert_postgres(entries)
    else:
        SearchEntry.objects.bulk_create(entries)
    _extend_vocabulary(entries)


def _extend_vocabulary(entries):
    """Add the entries' terms the audience's vocabulary lacks. Most are known already:
    asking first spares the trigram index hundreds of inserts on every save."""
    new = []
    for audience in Audience.values:
        terms = {
            term[:64]
            for entry in entries
            if entry.audience == audience
            for w in WEIGHTS
            for term in getattr(entry, f"terms_{w.lower()}").split()
        }
        if not terms:
            continue
        ordered, known = sorted(terms), set()
        for start in range(0, len(ordered), 900):  # within SQLite's parameter limit
            chunk = ordered[start : start + 900]
            known.update(
                SearchTerm.objects.filter(audience=audience, term__in=chunk).values_list(
                    "term", flat=True
                )
            )
        new += [SearchTerm(audience=audience, term=term) for term in terms - known]
    SearchTerm.objects.bulk_create(new, ignore_conflicts=True, batch_size=2000)


def tidy():
    """After a full rebuild on PostgreSQL: drop the replaced rows, fold the GIN indexes'
    pending entries in and refresh the planner's statistics (``VACUUM ANALYZE``), so the
    first searches are as fast as later ones. Nothing to do on SQLite."""
    if connection.vendor != "postgresql":
        return
    tables = f"{SearchEntry._meta.db_table}, {SearchTerm._meta.db_table}"
    with connection.cursor() as cursor:
        if connection.in_atomic_block:
            cursor.execute(f"ANALYZE {tables}")
        else:
            cursor.execute(f"VACUUM (ANALYZE) {tables}")


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
    tidy()
    return len(ids)


def needs_reindex(update_fields):
    """Whether a page save with ``update_fields`` may have changed its searched text."""
    return update_fields is None or not set(update_fields) <= _BOOKKEEPING
