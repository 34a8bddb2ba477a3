"""Rich text and StreamField data stored exactly as the page editor saves them.

The editor (Draftail) turns stored HTML into its content state and back on every save:
tags become its own (``<strong>`` → ``<b>``), each block gets a ``data-block-key``, space
between tags goes, list items get ids. Text stored any other way (an import, the demo
seed) looks changed in the revisions comparison the first time somebody saves the page
without touching it. :func:`canonicalise` stores a page as that save would, so the
comparison shows only what people changed.

Block keys the editor has not given yet are derived from the block's position, not drawn
at random, so converting the same text twice gives the same result (a re-import of an
unchanged record stays unchanged).
"""

import hashlib
import json
import re
from functools import cache

from bs4 import BeautifulSoup
from django.core.serializers.json import DjangoJSONEncoder
from wagtail import blocks
from wagtail.admin.rich_text import get_rich_text_editor_widget
from wagtail.fields import RichTextField, StreamField

_BLOCK_KEY = re.compile(r'data-block-key="([^"]*)"')


@cache
def _converter(editor, features):
    widget = get_rich_text_editor_widget(editor, features=list(features) if features else None)
    return widget.converter


def _stable_key(position, taken):
    """A Draftail-like five-character block key, the same for the same position."""
    seed = str(position)
    while True:
        key = hashlib.blake2s(seed.encode(), digest_size=8).hexdigest()[:5]
        if key not in taken:
            return key
        seed += "'"


def _is_empty(contentstate):
    """Draftail's rule: an editor whose blocks hold no text, link or style saves nothing."""
    return all(
        not block["text"].strip()
        and not block.get("entityRanges")
        and not block.get("inlineStyleRanges")
        for block in contentstate["blocks"]
    )


def canonical_rich_text(html, features=None, editor="default"):
    """``html`` as the editor saves it for a field with these ``features``: its own tags
    only, one ``data-block-key`` per block, "" for no text. Meaning (text, emphasis, lists,
    links) is kept; what the field's features do not offer is dropped, as the editor does."""
    if not html or not html.strip():
        return ""
    converter = _converter(editor, tuple(features) if features else None)
    try:
        contentstate = json.loads(converter.from_database_format(html))
    except AssertionError:
        # Its parser wants well-formed tags (``<br/>``, not ``<br>``); the admin only ever
        # hands it its own output. Other HTML is written out well-formed first.
        html = str(BeautifulSoup(html, "html.parser"))
        contentstate = json.loads(converter.from_database_format(html))
    if _is_empty(contentstate):
        return ""
    given = set(_BLOCK_KEY.findall(html))
    taken = {block["key"] for block in contentstate["blocks"] if block["key"] in given}
    for position, block in enumerate(contentstate["blocks"]):
        if block["key"] not in given:
            block["key"] = _stable_key(position, taken)
            taken.add(block["key"])
    return converter.to_database_format(json.dumps(contentstate))


def _canonical_blocks(block, value):
    """Raw data of ``block`` with every rich text in it canonical (``value`` is raw too)."""
    if isinstance(block, blocks.RichTextBlock):
        return canonical_rich_text(value, block.features, block.editor)
    if isinstance(block, blocks.StreamBlock):
        return [
            {**child, "value": _canonical_blocks(block.child_blocks[child["type"]], child["value"])}
            if child.get("type") in block.child_blocks
            else child
            for child in value or []
        ]
    if isinstance(block, blocks.ListBlock):
        return [
            {**item, "value": _canonical_blocks(block.child_block, item["value"])}
            for item in value or []
        ]
    if isinstance(block, blocks.StructBlock) and isinstance(value, dict):
        return {
            name: _canonical_blocks(block.child_blocks[name], child)
            if name in block.child_blocks
            else child
            for name, child in value.items()
        }
    return value


def canonical_stream_data(field, value):
    """A StreamField's raw data as the editor saves it: list items in the
    ``{"type": "item", "value": …, "id": …}`` form, every block with an id, rich text
    canonical. ``value`` is a StreamValue or raw data."""
    stream_block = field.stream_block
    stream = field.to_python(value) if not hasattr(value, "raw_data") else value
    # Bound first: an unbound block's raw data would be returned as it is, old list form
    # included. get_prep_value then gives list items and blocks an id, as the form does.
    list(stream)
    data = _canonical_blocks(stream_block, stream_block.get_prep_value(stream))
    # As the database keeps it (Decimal("17.00") → "17.00"), so that equal means unchanged.
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


def _without_ids(data):
    if isinstance(data, dict):
        return {key: _without_ids(value) for key, value in data.items() if key != "id"}
    if isinstance(data, list):
        return [_without_ids(item) for item in data]
    return data


def stream_values(page):
    """``{field name: value}`` of the page's StreamFields, for ``keep_ids_from`` below."""
    return {
        field.name: field.value_from_object(page)
        for field in page._meta.concrete_fields
        if isinstance(field, StreamField)
    }


def canonicalise(page, keep_ids_from=None):
    """Store ``page``'s rich-text fields and StreamFields as the editor would save them;
    returns the names of the fields this changed.

    ``keep_ids_from``: an earlier version of the page (or its :func:`stream_values`). A
    StreamField whose content is the same as there keeps that version's block ids, so a
    re-import that does not change it does not show it as changed.
    """
    changed = []
    for field in page._meta.concrete_fields:
        if isinstance(field, RichTextField):
            before = field.value_from_object(page) or ""
            after = canonical_rich_text(before, field.features, field.editor)
        elif isinstance(field, StreamField):
            current = field.value_from_object(page)
            before = current.raw_data if hasattr(current, "raw_data") else current
            before = json.loads(json.dumps(list(before or []), cls=DjangoJSONEncoder))
            after = canonical_stream_data(field, current)
            earlier = _earlier_stream(keep_ids_from, field)
            if earlier is not None and _without_ids(earlier) == _without_ids(after):
                after = earlier
        else:
            continue
        if after != before:
            setattr(page, field.name, after)
            changed.append(field.name)
    return changed


def _earlier_stream(source, field):
    if source is None:
        return None
    if isinstance(source, dict):
        value = source.get(field.name)
    else:
        value = field.value_from_object(source)
    if value is None:
        return None
    return canonical_stream_data(field, value)
