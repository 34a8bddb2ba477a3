"""POST data for an admin form exactly as a browser would send the rendered form back.

``querydict_from_html`` reads the plain inputs; StreamFields and Draftail fields exist only
as JSON for the admin's JavaScript, so their inputs are written here the way that
JavaScript writes them: the blocks' form state under the names ``value_from_datadict``
reads, and Draftail's value ``null`` for an editor with no text.
"""

import json

from wagtail import blocks
from wagtail.test.utils import WagtailTestUtils
from wagtail.test.utils.form_data import querydict_from_html


def draftail_value(contentstate_json):
    """What Draftail posts for this content: ``null`` when no block holds text, a link or
    a style (its ``serialiseEditorStateToRaw``)."""
    contentstate = json.loads(contentstate_json or "null")
    if not contentstate or all(
        not block["text"].strip()
        and not block.get("entityRanges")
        and not block.get("inlineStyleRanges")
        for block in contentstate["blocks"]
    ):
        return "null"
    return contentstate_json


def _block_inputs(block, state, prefix, data):
    if isinstance(block, (blocks.StreamBlock, blocks.ListBlock)):
        data[f"{prefix}-count"] = str(len(state or []))
        for position, child in enumerate(state or []):
            if isinstance(block, blocks.StreamBlock):
                data[f"{prefix}-{position}-type"] = child["type"]
                child_block = block.child_blocks[child["type"]]
            else:
                child_block = block.child_block
            data[f"{prefix}-{position}-id"] = child.get("id") or ""
            data[f"{prefix}-{position}-deleted"] = ""
            data[f"{prefix}-{position}-order"] = str(position)
            _block_inputs(child_block, child["value"], f"{prefix}-{position}-value", data)
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            _block_inputs(child_block, (state or {}).get(name), f"{prefix}-{name}", data)
    elif isinstance(block, blocks.StaticBlock):
        pass
    elif isinstance(block, blocks.BooleanBlock):
        if state:
            data[prefix] = "on"
    elif isinstance(block, blocks.RichTextBlock):
        data[prefix] = draftail_value(state)
    elif isinstance(block, blocks.ChooserBlock) or isinstance(state, dict):
        data[prefix] = str(state["id"]) if state else ""
    elif isinstance(state, list):  # a <select>: its selected options
        data.setlist(prefix, [str(item) for item in state])
    else:
        data[prefix] = "" if state is None else str(state)


def posted_form(html, model, form_id="page-edit-form"):
    """The POST a browser sends when the form ``form_id`` of ``html`` is submitted as it is,
    as ``{name: [values]}`` for the test client.

    ``model`` is the page (or snippet) model, whose StreamFields say how to read the blocks'
    JSON.
    """
    data = querydict_from_html(html, form_id=form_id)
    form = WagtailTestUtils.get_soup(html).find("form", attrs={"id": form_id})
    for checkbox in form.select("input[type=checkbox][checked]:not([value])"):
        data[checkbox["name"]] = "on"  # a browser's value for a checkbox without one
    for field_input in form.select('input[data-controller~="w-draftail"]'):
        data[field_input["name"]] = draftail_value(field_input.get("value"))
    for element in form.select("[data-block][data-w-block-arguments-value]"):
        name = element["id"]
        state = json.loads(element["data-w-block-arguments-value"])[0]
        _block_inputs(model._meta.get_field(name).stream_block, state, name, data)
    return dict(data.lists())
