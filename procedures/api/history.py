"""The change register ("rejestr zmian") of public procedures, and what BIP needs to stay in sync.

``GET /api/v2/procedures/<id>/history/`` answers, for a procedure that is public now,
``{"meta": {"total_count": N}, "items": [...]}`` with every published version in
chronological order. A version is a publication recorded in Wagtail's audit log
("wagtail.publish" or "wagtail.publish.scheduled"); drafts and rejected versions are never
published, so they never appear. Each item is::

    {
        "revision_id": 42,
        "published_at": "2026-12-01T09:00:00+01:00",  # the audit log's timestamp
        "entered_by": "Anna Nowak",                  # or null; never an e-mail address
        "changed_fields": ["title"],                 # public keys that differ from the
                                                     # previous listed version; all for the first
        "change_note": {"text": "Zmieniono …", "minor": false},  # or null
        "content": {...},                            # the version's public keys
    }

Beside ``items``, ``change_notes`` is the procedure's "Historia zmian" as the portal shows
it, newest first (:mod:`procedures.changes`): ``{"published_at", "text", "minor",
"source", "revision_id"}``, the notes of published versions and of changes to the
records it shows ("Zmiana adresu: …", ``source`` ``"record"``, no revision).

A version that changed no public key, or that was internal (never public), is not listed.
``?at=<ISO datetime>`` answers the one item that was public at that moment, or 404.

``GET /api/v2/procedures/?updated_since=<ISO datetime>`` (see :mod:`.views`) adds
``"deleted"`` beside ``"items"``: tombstones ``{"code", "id", "withdrawn_at"}`` of
procedures that were public, are not public now, and were withdrawn at or after that
moment — unpublished, past their "Obowiązuje do" (whether or not the scheduler has run yet)
or published again as internal. A procedure that was never public has no tombstone.
Deleted procedures take their revisions and log with them, so a procedure public at its
deletion leaves a :class:`~procedures.models.DeletedProcedure` row (``procedures.signals``)
that becomes its tombstone; one deleted while not public has none.
"""

from django.db.models import Q
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from wagtail.models import PageLogEntry

from procedures.changes.history import public_notes
from procedures.changes.history import serialise as serialise_note
from procedures.interchange.mapping import dump_procedure
from procedures.models import DeletedProcedure, ProcedurePage

from . import params
from .serializers import CONTENT_FIELDS, RequestDocumentDumper, _datetime, _display_name
from .utils import BadRequest, api_view, conditional_response, error_response, not_found

PUBLISH_ACTIONS = ("wagtail.publish", "wagtail.publish.scheduled")
WITHDRAW_ACTIONS = ("wagtail.unpublish", "wagtail.unpublish.scheduled", "wagtail.delete")


class _Version:
    """One publication of a procedure: its audit log entry and the page as published."""

    def __init__(self, entry):
        self.entry = entry
        self.revision = entry.revision
        self.page = self.revision.as_object()

    @property
    def published_at(self):
        return self.entry.timestamp

    def visible_at(self, moment):
        """Whether this version's own "od"/"do" and internal flag let it be public then."""
        page = self.page
        return (
            not page.is_internal
            and (page.go_live_at is None or page.go_live_at <= moment)
            and (page.expire_at is None or page.expire_at > moment)
        )


def _published_versions(page):
    entries = (
        PageLogEntry.objects.filter(
            page_id=page.pk, action__in=PUBLISH_ACTIONS, revision__isnull=False
        )
        .select_related("revision__user", "user")
        .order_by("timestamp", "pk")
    )
    # A revision purged since it was published leaves its log entry without content.
    return [_Version(entry) for entry in entries if entry.revision is not None]


def _public_content(version, documents, public_ids):
    return dump_procedure(version.page, documents=documents, public_ids=public_ids)


def _register(request, versions, notes=()):
    """``[(version, item)]`` of the listed versions, oldest first, each with the change
    note it was published with (from ``notes``)."""
    by_revision = {note.revision_id: note for note in notes if note.revision_id}
    documents = RequestDocumentDumper(request)
    public_ids = set(ProcedurePage.objects.public().values_list("pk", flat=True))
    listed = []
    previous = None
    for version in versions:
        if version.page.is_internal:
            continue
        content = _public_content(version, documents, public_ids)
        if previous is None:
            changed = list(content)
        else:
            changed = [name for name in CONTENT_FIELDS if content.get(name) != previous.get(name)]
        if not changed:
            continue
        user = version.revision.user or version.entry.user
        item = {
            "revision_id": version.revision.pk,
            "published_at": _datetime(version.published_at),
            "entered_by": _display_name(user),
            "changed_fields": changed,
            "change_note": _note_of_version(by_revision.get(version.revision.pk)),
            "content": content,
        }
        listed.append((version, item))
        previous = content
    return listed


def _note_of_version(note):
    return {"text": note.display_text, "minor": note.minor} if note else None


def _change_notes(notes):
    return [
        {**serialise_note(note), "published_at": _datetime(note.published_at)} for note in notes
    ]


def _version_at(page, versions, moment):
    """The last version published at or before ``moment`` if it was public then, else None."""
    earlier = [version for version in versions if version.published_at <= moment]
    if not earlier:
        return None
    current = earlier[-1]
    withdrawn_meanwhile = PageLogEntry.objects.filter(
        page_id=page.pk,
        action__in=WITHDRAW_ACTIONS,
        timestamp__gt=current.published_at,
        timestamp__lte=moment,
    ).exists()
    if withdrawn_meanwhile or not current.visible_at(moment):
        return None
    return current


@api_view
def procedure_history(request, pk):
    """The change register of a public procedure, or with ``?at=`` the version public then.

    404 ``{"message": ...}`` when the procedure is not public now or nothing of it was
    public at ``at``; 400 when ``at`` is not an ISO 8601 date and time.
    """
    try:
        moment = params.read(request, params.HISTORY)["at"]
    except BadRequest as error:
        return error_response(request, error.message)
    page = ProcedurePage.objects.public().filter(pk=pk).first()
    if page is None:
        return not_found(request)
    versions = _published_versions(page)
    notes = public_notes(page)
    listed = _register(request, versions, notes)
    if moment is None:
        data = {
            "meta": {"total_count": len(listed)},
            "items": [item for _, item in listed],
            "change_notes": _change_notes(notes),
        }
        # A shared record's change adds a note without a new publication.
        changed_at = max([page.last_published_at, *(n.published_at for n in notes[:1])])
        return conditional_response(request, data, changed_at)

    current = _version_at(page, versions, moment)
    if current is None:
        return error_response(request, "This procedure was not public at that moment.", status=404)
    # A version that changed no public key shows as the listed one it repeats.
    item = [item for version, item in listed if version.published_at <= current.published_at][-1]
    return conditional_response(request, item, page.last_published_at)


def _withdrawal(entries, now):
    """When the procedure last stopped being public according to ``entries``, or None."""
    public = False
    expire_at = None
    withdrawn_at = None
    for entry in entries:
        if public and expire_at is not None and expire_at <= entry.timestamp:
            public, withdrawn_at = False, expire_at
        if entry.action in PUBLISH_ACTIONS:
            content = entry.revision.content if entry.revision is not None else {}
            internal = bool(content.get("is_internal"))
            expire_at = parse_datetime(content["expire_at"]) if content.get("expire_at") else None
            if internal and public:
                withdrawn_at = entry.timestamp
            public = not internal
        elif public:
            public, withdrawn_at = False, entry.timestamp
    if public and expire_at is not None and expire_at <= now:
        withdrawn_at = expire_at
    return withdrawn_at


def withdrawn_since(since, now=None):
    """Tombstones ``{"code", "id", "withdrawn_at"}`` of procedures withdrawn at or after
    ``since`` (see the module docstring), oldest withdrawal first."""
    now = now or timezone.now()
    touched = PageLogEntry.objects.filter(
        timestamp__gte=since, action__in=PUBLISH_ACTIONS + WITHDRAW_ACTIONS
    ).values("page_id")
    candidates = {
        page.pk: page
        for page in ProcedurePage.objects.exclude(
            pk__in=ProcedurePage.objects.public(at=now).values("pk")
        )
        .filter(Q(pk__in=touched) | Q(expire_at__gte=since, expire_at__lte=now))
        .only("pk", "code")
    }
    entries = (
        PageLogEntry.objects.filter(
            page_id__in=list(candidates),
            action__in=PUBLISH_ACTIONS + WITHDRAW_ACTIONS,
            timestamp__lte=now,
        )
        .select_related("revision")
        .order_by("timestamp", "pk")
    )
    by_page = {}
    for entry in entries:
        by_page.setdefault(entry.page_id, []).append(entry)
    tombstones = []
    for pk, page_entries in by_page.items():
        withdrawn_at = _withdrawal(page_entries, now)
        if withdrawn_at is not None and withdrawn_at >= since:
            tombstones.append((withdrawn_at, pk, candidates[pk].code))
    # Deleted procedures left no log behind; their tombstones were kept on deletion.
    tombstones += [
        (deleted.deleted_at, deleted.page_id, deleted.code)
        for deleted in DeletedProcedure.objects.filter(deleted_at__gte=since, deleted_at__lte=now)
    ]
    return [
        {"code": code, "id": pk, "withdrawn_at": _datetime(withdrawn_at)}
        for withdrawn_at, pk, code in sorted(tombstones)
    ]
