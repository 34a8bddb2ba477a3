"""A published procedure's public content, rendered once per published version and kept
in the shared cache (a "fragment"), and which procedures show a given record.

What is kept: the parts of a procedure's public page that come from its content alone
(the portal puts them together: ``home.templatetags.portal_tags.procedure_fragment``),
rendered from :class:`~procedures.public.PublicProcedure` only, so no restricted value
can be in them. One cache key per procedure (:func:`key_for`); the entry is stamped with
what it was rendered from (:func:`stamp`: the live revision, the page's address, the
code that rendered it), and an entry with another stamp is never served: a new
publication, a move or a deployment renders afresh without any purge.

What a procedure shows besides its own fields — its department and unit, offices,
people, categories, vocabulary entries, documents, e-service platforms, the pages it
links to — changes without a new revision. :func:`pages_showing` finds exactly the
procedures concerned through Wagtail's reference index (foreign keys, StreamField
choosers, rich-text links, child rows such as information authors) and the
many-to-many tables (categories and vocabularies, which the reference index does not
record), leaving out references held only by restricted fields. The portal's signals
(``home.signals``) drop their keys (:func:`keys_for`) through the purge outbox
(:func:`procedures.purges.purge_after_commit`), after the change commits and again
until the cache confirms it.

A cache that is down (Redis gone) only costs the rendering: :func:`cached` then renders
every time and never fails the request.
"""

import hashlib
import logging
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page, ReferenceIndex

from procedures.models import ProcedurePage, RelatedProcedure
from procedures.public import restricted_model_fields

logger = logging.getLogger(__name__)

PREFIX = "procedure-fragment:"
#: Seconds a fragment is kept at most (it is dropped earlier when what it shows changes).
FRAGMENT_SECONDS = getattr(settings, "PROCEDURE_FRAGMENT_SECONDS", 24 * 60 * 60)

#: Where the code that renders fragments lives: a deployment that changes any of it
#: changes :func:`code_version`, so fragments rendered by the old code are not served.
_CODE_DIRS = ("templates", "procedures", "home")
_CODE_SUFFIXES = (".html", ".py")


def key_for(page_id):
    """The cache key of a procedure's fragment (one per procedure, whatever its version)."""
    return f"{PREFIX}{page_id}"


def keys_for(page_ids):
    """The cache keys of these procedures' fragments."""
    return [key_for(page_id) for page_id in sorted(set(page_ids))]


@lru_cache(maxsize=1)
def code_version():
    """A digest of the templates and Python code of ``templates/``, ``procedures/`` and
    ``home/`` (migrations and tests aside), read once per process."""
    digest = hashlib.sha1(usedforsecurity=False)
    base = Path(settings.BASE_DIR)
    for directory in _CODE_DIRS:
        for path in sorted((base / directory).rglob("*")):
            if path.suffix in _CODE_SUFFIXES and "migrations" not in path.parts:
                digest.update(str(path.relative_to(base)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def stamp(page):
    """What a fragment of ``page`` is rendered from: its live revision, its address (a move
    changes the URLs and the breadcrumbs it shows) and the rendering code."""
    return (page.live_revision_id, page.url_path, code_version())


def cached(page, render):
    """The fragment of the live ``page``: the stored one when it was rendered from this
    very version (:func:`stamp`), else ``render()`` (a dict of strings), stored for the
    next reader for :func:`seconds_to_keep`.

    A page without a published revision (``live_revision_id`` empty) is rendered every
    time, as is every page with ``PROCEDURE_FRAGMENT_SECONDS`` 0. Cache errors never reach
    the caller: the fragment is then rendered live.
    """
    if not page.live_revision_id or FRAGMENT_SECONDS <= 0:
        return render()
    key, current = key_for(page.pk), stamp(page)
    try:
        entry = cache.get(key)
    except Exception:
        logger.warning("Fragment cache unavailable; procedure %s rendered live", page.pk)
        return render()
    if entry is not None and entry.get("stamp") == current:
        return entry["parts"]
    parts = render()
    seconds = seconds_to_keep(page)
    if seconds > 0:
        try:
            cache.set(key, {"stamp": current, "parts": parts}, seconds)
        except Exception:
            logger.warning("Fragment of procedure %s not stored", page.pk)
    return parts


def seconds_to_keep(page, now=None):
    """How long the fragment of ``page`` may stay as it is: at most
    :data:`FRAGMENT_SECONDS`, and never past the next "Obowiązuje od" or "do" of a
    procedure it links to (a related procedure appears or disappears then, and nothing
    else announces it). One query."""
    now = now or timezone.now()
    linked = RelatedProcedure.objects.filter(page=page).values("procedure_id")
    moments = (
        ProcedurePage.objects.live()
        .filter(pk__in=linked, is_internal=False)
        .filter(Q(go_live_at__gt=now) | Q(expire_at__gt=now))
        .values_list("go_live_at", "expire_at")
    )
    upcoming = [moment for pair in moments for moment in pair if moment and moment > now]
    seconds = FRAGMENT_SECONDS
    if upcoming:
        seconds = min(seconds, int((min(upcoming) - now).total_seconds()))
    return max(0, seconds)


def _public_many_to_many_fields():
    restricted = set(restricted_model_fields())
    return [
        field
        for field in ProcedurePage._meta.get_fields()
        if field.many_to_many and not field.auto_created and field.name not in restricted
    ]


def pages_showing(records):
    """Ids of the procedures whose public content shows any of ``records`` (model
    instances of any kind: offices, people, documents, categories, pages…), as their
    live version stands. References held only by restricted fields do not count."""
    records = [record for record in records if record is not None and record.pk is not None]
    if not records:
        return set()
    restricted = set(restricted_model_fields())
    references = ReferenceIndex.get_references_to_in_bulk(records).filter(
        content_type=ContentType.objects.get_for_model(ProcedurePage, for_concrete_model=False)
    )
    ids = {
        int(object_id)
        for object_id, model_path in references.values_list("object_id", "model_path")
        if model_path.split(".", 1)[0] not in restricted
    }
    for field in _public_many_to_many_fields():
        chosen = [record.pk for record in records if isinstance(record, field.related_model)]
        if chosen:
            through = field.remote_field.through
            column = field.m2m_reverse_field_name()
            ids.update(
                through.objects.filter(**{f"{column}__in": chosen}).values_list(
                    field.m2m_field_name(), flat=True
                )
            )
    return ids


def procedures_below(page):
    """Ids of the procedures at or below ``page`` in the page tree (their breadcrumbs and
    addresses come from the pages above them)."""
    page = page if isinstance(page, Page) else Page.objects.get(pk=page)
    return set(
        ProcedurePage.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True)
    )


def every_procedure():
    """Ids of every procedure (a change of the sites touches all their addresses)."""
    return set(ProcedurePage.objects.values_list("pk", flat=True))
