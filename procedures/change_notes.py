"""The public change note a version of a procedure is published with: the rule and what
counts as a change of content.

The note ("Zmieniono wysokość opłaty skarbowej") and the "Drobna poprawka" flag are fields
of the page (``change_note``, ``minor_change``), so they travel with the version: written
in the editor (an editor may propose one, the Procedures Office publishes it), kept in the
revision, and read when that revision is published — by "Opublikuj", by the Office's
approval, or by the scheduler long after. ``procedures.changes`` turns them into the
public change notes residents read.

The rule: publishing a version whose public content differs from the live one needs a
note, unless it is marked "Drobna poprawka". A first publication, or one that changes
only restricted (*) fields, needs none (and is never announced).
"""

import json
import re

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import strip_tags
from modelcluster.models import get_all_child_relations
from wagtail.fields import StreamField

from procedures.fields import FIELDS

NOTE_FIELD = "change_note"
MINOR_FIELD = "minor_change"
NOTE_LABEL = "Informacja o zmianie dla mieszkańców"
MINOR_LABEL = "Drobna poprawka"
#: At most this many characters: a short sentence residents read in "Historia zmian".
NOTE_MAX = 300

NOTE_REQUIRED = (
    f"Uzupełnij pole „{NOTE_LABEL}” – ta wersja zmienia treść widoczną dla mieszkańców, "
    "więc trzeba ją krótko opisać (np. „Zmieniono wysokość opłaty skarbowej”). Przy "
    f"poprawce literówki lub formatowania zaznacz „{MINOR_LABEL}”."
)

#: What a child row (an author, a related procedure) holds besides its content.
_IGNORED_IN_ROWS = {"id", "pk", "page", "sort_order"}


def public_model_fields(page_class):
    """Names of ``page_class``'s fields and child relations that hold public keys."""
    names = {field.name for field in page_class._meta.get_fields()}
    names |= {rel.get_accessor_name() for rel in get_all_child_relations(page_class)}
    return [name for row in FIELDS if row.public for name in row.model_fields if name in names]


def _plain(value):
    """JSON-comparable: stream blocks without their ids, dates as text, rich text by its
    meaning."""
    value = json.loads(json.dumps(value, cls=DjangoJSONEncoder))
    return _without_ids(value)


def _without_ids(value):
    if isinstance(value, list):
        return [_without_ids(item) for item in value]
    if isinstance(value, dict):
        return {key: _without_ids(item) for key, item in value.items() if key != "id"}
    if isinstance(value, str) and "<" in value:
        return _meaning_of_html(value)
    return value


_BLOCK_KEY = re.compile(r'\s+data-block-key="[^"]*"')
_BETWEEN_TAGS = re.compile(r">\s+<")
_SAME_TAGS = {"<strong>": "<b>", "</strong>": "</b>", "<em>": "<i>", "</em>": "</i>"}


def _meaning_of_html(html):
    """Rich text as its reader sees it: the editor's block keys, its choice of tags and
    the space between tags do not count; markup holding no text is empty."""
    html = _BETWEEN_TAGS.sub("><", _BLOCK_KEY.sub("", html)).strip()
    for tag, same in _SAME_TAGS.items():
        html = html.replace(tag, same)
    if not strip_tags(html).strip() and "<a" not in html and "<embed" not in html:
        return ""
    return html


def _rows(rows):
    return [{key: item for key, item in row.items() if key not in _IGNORED_IN_ROWS} for row in rows]


def public_snapshot(page_class, data):
    """The public part of a version's serialised content (a revision's ``content``, or
    ``page.serializable_data()``), comparable with another one's."""
    snapshot = {}
    children = {rel.get_accessor_name() for rel in get_all_child_relations(page_class)}
    streams = {f.name for f in page_class._meta.concrete_fields if isinstance(f, StreamField)}
    for name in public_model_fields(page_class):
        value = data.get(name)
        if name in children:
            value = _rows(value or [])
        elif name in streams and isinstance(value, str):
            value = json.loads(value or "[]")
        value = _plain(value)
        snapshot[name] = None if value in ("", None, []) else value
    return snapshot


def public_changes(page_class, before, after):
    """Names of the public model fields whose values differ between two serialised
    versions (``before`` ``None``: nothing was public before, so nothing "changed")."""
    if before is None:
        return []
    old, new = public_snapshot(page_class, before), public_snapshot(page_class, after)
    return [name for name in new if old.get(name) != new[name]]


def note_of(data):
    """``(note, minor)`` a serialised version was saved with."""
    return (str(data.get(NOTE_FIELD) or "").strip(), bool(data.get(MINOR_FIELD)))


def needs_note(page_class, live, version):
    """Whether publishing ``version`` over the ``live`` one (serialised; ``None`` when the
    procedure is not live) lacks the note the rule asks for."""
    note, minor = note_of(version)
    return not note and not minor and bool(public_changes(page_class, live, version))


def live_content(page):
    """The live version of ``page`` as stored, serialised, or ``None`` when it is not live."""
    if not page.pk:
        return None
    stored = type(page).objects.filter(pk=page.pk, live=True).first()
    return stored.serializable_data() if stored is not None else None
