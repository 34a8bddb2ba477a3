"""Publishing new procedures in batches: the rows Wagtail writes for a page that did not
exist, in a few statements for a whole batch.

For a new page, ``parent.add_child(instance=page)``, ``page.save_revision(log_action=True)``
and ``revision.publish(log_action=True)`` write the page in the tree, its child rows, a
revision, the page again (twice) and three audit log entries ("wagtail.create",
"wagtail.edit", "wagtail.publish"), then send ``page_published`` for the portal's cache
purges. Most of their work (locking and re-reading the parent, checking for comments,
workflow states, aliases and earlier revisions, validating once more) concerns pages that
already exist. :func:`publish_new_pages` writes the same rows for pages that are new,
:func:`index_new_pages` their reference index and search entries, each in a few bulk
statements per batch. ``tests/interchange/test_batch_publish.py`` compares the result with
Wagtail's own path row by row.
"""

import logging

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import CharField, F, OuterRef, Subquery, prefetch_related_objects
from django.db.models.functions import Cast
from django.utils import timezone
from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations
from modelsearch.backends import get_search_backends
from wagtail.log_actions import get_active_log_context
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision
from wagtail.signals import page_published, published

from procedures import purges
from procedures.models import ProcedurePage
from search import indexing as search_indexing

logger = logging.getLogger("wagtail")


def place_under(parent, page):
    """Give the unsaved ``page`` what ``add_child`` sets before Wagtail validates a page
    created under ``parent``: the parent it checks its slug against, its locale and depth,
    and a path (the parent's last possible child's, free in practice; the real one is
    given by :func:`publish_new_pages`, with the parent locked)."""
    page._cached_parent_obj = parent
    page.locale_id = parent.locale_id
    page.depth = parent.depth + 1
    page.path = Page._get_path(parent.path, page.depth, len(Page.alphabet) ** Page.steplen - 1)


def publish_new_pages(parent, pages, user=None):
    """Write new, validated ``pages`` under ``parent`` as published now; their revisions.

    ``pages`` are unsaved :class:`ProcedurePage` instances with their child rows and
    many-to-many choices in memory and their slug set (``full_clean()`` under
    :func:`place_under`). The result is what ``add_child``, ``save_revision(user=user,
    log_action=True)`` and ``revision.publish(user=user, log_action=True)`` leave for each
    in turn: tree position after the parent's last child, url path, child rows, revision
    content, live state, the three audit log entries; ``page_published`` and ``published``
    are sent for each page. Must run inside a transaction.
    """
    if not pages:
        return []
    # Lock the parent and read where its children end, as treebeard's add_child does; the
    # caller's copy learns its new number of children too (siblings are looked up by it).
    given, parent = parent, Page.objects.select_for_update().get(pk=parent.pk)
    given.numchild = parent.numchild + len(pages)
    last = parent.get_last_child() if parent.numchild else None
    step = Page._str2int(last.path[-Page.steplen :]) if last else 0
    now = timezone.now()
    for page in pages:
        step += 1
        page.depth = parent.depth + 1
        page.path = Page._get_path(parent.path, page.depth, step)
        page.numchild = 0
        page.set_url_path(parent)
        page._cached_parent_obj = parent
    _insert_pages(pages)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    _insert_children(pages)

    # The revision holds the page as add_child() left it: a draft, never published.
    page_type = ContentType.objects.get_for_model(ProcedurePage)
    base_type = ContentType.objects.get_for_model(Page)
    revisions = Revision.objects.bulk_create(
        [
            Revision(
                content_type=page_type,
                base_content_type=base_type,
                object_id=str(page.pk),
                user=user,
                approved_go_live_at=None,
                content=page.serializable_data(),
                object_str=str(page),
                created_at=now,
            )
            for page in pages
        ]
    )
    published_state = {
        "live": True,
        "has_unpublished_changes": False,
        "expired": False,
        "first_published_at": now,
        "last_published_at": now,
        "latest_revision_created_at": now,
    }
    for page, revision in zip(pages, revisions, strict=True):
        for name, value in published_state.items():
            setattr(page, name, value)
        page.draft_title = page.title
        page.latest_revision = page.live_revision = revision
    # One statement for the batch: each page's revision is its only one.
    its_revision = (
        Revision.objects.filter(
            base_content_type=base_type, object_id=Cast(OuterRef("pk"), CharField())
        )
        .order_by()
        .values("pk")[:1]
    )
    Page.objects.filter(pk__in=[page.pk for page in pages]).update(
        **published_state,
        draft_title=F("title"),
        latest_revision=Subquery(its_revision),
        live_revision=Subquery(its_revision),
    )

    context = get_active_log_context()
    entries = []
    for page, revision in zip(pages, revisions, strict=True):
        common = {
            "content_type": page_type,
            "page_id": page.pk,
            "label": page.get_admin_display_title(),
            "timestamp": now,
            "data": {},
            "uuid": context.uuid,
            "content_changed": True,
        }
        # Created by add_child(), which names no user but the page's owner.
        entries.append(
            PageLogEntry(action="wagtail.create", user=page.owner or context.user, **common)
        )
        for action in ("wagtail.edit", "wagtail.publish"):
            entries.append(
                PageLogEntry(action=action, user=user or context.user, revision=revision, **common)
            )
    PageLogEntry.objects.bulk_create(entries)

    # The portal's purges of the pages concerning them: the same paths, in one purge.
    with purges.coalesced():
        for page, revision in zip(pages, revisions, strict=True):
            logger.info(
                'Published: "%s" pk=%s revision_id=%d', str(page), str(page.pk), revision.id
            )
            page_published.send(sender=ProcedurePage, instance=page, revision=revision)
            published.send(sender=ProcedurePage, instance=page, revision=revision)
    return revisions


def _insert_pages(pages):
    """Insert the pages' rows in both tables (Django's ``bulk_create`` refuses a model with
    a parent table; its own insert query, as ``save()`` uses, writes each table in turn)."""
    page_fields = [f for f in Page._meta.local_concrete_fields if not f.primary_key]
    returned = Page._base_manager._insert(
        pages, fields=page_fields, returning_fields=Page._meta.db_returning_fields
    )
    for page, (pk,) in zip(pages, returned, strict=True):
        page.id = page.page_ptr_id = pk
        page._state.adding = False
        page._state.db = connection.alias
    ProcedurePage._base_manager._insert(
        pages, fields=ProcedurePage._meta.local_concrete_fields, returning_fields=None
    )


def _insert_children(pages):
    """Insert the pages' child rows (authors, related procedures) and many-to-many choices,
    then read them back as ``commit()`` leaves them: from the database, in its order."""
    relations = []
    for relation in get_all_child_relations(ProcedurePage):
        name = relation.get_accessor_name()
        rows = []
        for page in pages:
            if name not in _in_memory(page):
                continue  # never set: none (asking the manager would query the new page's)
            for child in getattr(page, name).all():
                setattr(child, relation.field.attname, page.pk)
                rows.append(child)
        relation.related_model.objects.bulk_create(rows)
        relations.append(name)
    for field in get_all_child_m2m_relations(ProcedurePage):
        through = field.remote_field.through
        own, other = field.m2m_field_name(), field.m2m_reverse_field_name()
        through.objects.bulk_create(
            [
                through(**{f"{own}_id": page.pk, f"{other}_id": chosen.pk})
                for page in pages
                if field.name in _in_memory(page)
                for chosen in getattr(page, field.name).all()
            ]
        )
        relations.append(field.name)
    for page in pages:
        for name in relations:
            _in_memory(page).pop(name, None)
    prefetch_related_objects(pages, *relations)


def _in_memory(page):
    """The child rows and choices modelcluster holds for ``page`` until they are saved."""
    return getattr(page, "_cluster_related_objects", {})


def index_new_pages(pages):
    """Reference index rows and search entries (the project's and Wagtail's) of new pages
    written by :func:`publish_new_pages`: what ``ReferenceIndex.create_or_update_for_object``,
    :func:`search.indexing.index_pages` and the search backend's ``add_bulk`` write for
    them, each in one go."""
    if not pages:
        return
    page_type = ContentType.objects.get_for_model(ProcedurePage)
    base_type = ContentType.objects.get_for_model(Page)
    # create_or_update_for_object() also compares with rows already there: a new page has none.
    ReferenceIndex.objects.bulk_create(
        [
            ReferenceIndex(
                content_type=page_type,
                base_content_type=base_type,
                object_id=page.pk,
                to_content_type_id=to_type,
                to_object_id=to_id,
                model_path=model_path,
                content_path=content_path,
                content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
            )
            for page in pages
            for to_type, to_id, model_path, content_path in set(
                ReferenceIndex._extract_references_from_object(page)
            )
        ],
        ignore_conflicts=connection.features.supports_ignore_conflicts,
    )
    search_indexing.index_pages(pages)
    ids = [page.pk for page in pages]
    indexed = list(ProcedurePage.get_indexed_objects().filter(pk__in=ids))
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(ProcedurePage, indexed)
