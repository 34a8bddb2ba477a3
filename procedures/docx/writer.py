"""A procedure as a Word document laid out as the order's template.

:func:`write_document` takes an interchange record (``dump_procedure``), so the document
holds exactly what the interchange export holds for the same reader: restricted keys only
when the record carries them. Each section and label of the template is a heading, the
template's guidance follows it in grey italics, then the value: paragraphs, numbered steps
with "komentarz:" and "@", bulleted terms, and tables with a header row for places, fees,
documents, legal acts, people and the FAQ. Empty tables keep one empty row to type into.
"""

import io
import re
from copy import deepcopy

from bs4 import BeautifulSoup, NavigableString
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from .guidance import GUIDANCE
from .layout import (
    APPOINTMENT_KINDS,
    BOOKING_REQUIRED,
    CALL_CENTER_NOTE,
    CALL_CENTER_SECTION,
    CHANNEL_KINDS,
    COMMENT,
    SECTIONS,
    TITLE,
    TO_INSPECT,
    TO_SUBMIT,
)

GUIDANCE_STYLE = "Wskazówka"
_BOLD = re.compile(r"\*\*(.+?)\*\*")


def _paragraph(container, text="", style_id=None):
    """A paragraph added to ``container`` (the document's body or a cell) with the style of
    ``style_id``: as ``add_paragraph(style=…)`` does, without looking the style up by name
    again for each paragraph (most of the export's time otherwise)."""
    paragraph = container._add_paragraph()
    if style_id:
        paragraph._p.style = style_id
    if text:
        paragraph.add_run(text)
    return paragraph


def _style_id(doc, name):
    """The id of the style ``name``, looked up once per document."""
    ids = doc.__dict__.setdefault("_style_ids", {})
    if name not in ids:
        ids[name] = doc.styles[name].style_id
    return ids[name]


def write_document(record, *, titles=None, with_restricted=False):
    """The ``.docx`` bytes of ``record`` (an empty dict gives the empty form).

    ``titles`` maps the codes of related procedures to their titles, written beside them.
    The Call Center section is written only ``with_restricted``.
    """
    document = _Writer(titles or {})
    document.write(record, with_restricted)
    buffer = io.BytesIO()
    document.doc.save(buffer)
    return buffer.getvalue()


class _Writer:
    def __init__(self, titles):
        self.doc = Document()
        self.titles = titles
        self._guidance_style()
        self.style_ids = {
            name: self.doc.styles[name].style_id
            for name in (GUIDANCE_STYLE, "List Bullet", "List Number")
        }
        self.body = self.doc._body
        self.table_style = self.doc.styles["Table Grid"]
        self.doc.core_properties.title = TITLE
        self.doc.core_properties.language = "pl-PL"

    def _guidance_style(self):
        style = self.doc.styles.add_style(GUIDANCE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = self.doc.styles["Normal"]
        style.font.italic = True
        style.font.size = Pt(9)
        style.font.color.rgb = RGBColor(0x59, 0x59, 0x59)
        # Typing Enter after the guidance gives an ordinary paragraph.
        style.next_paragraph_style = self.doc.styles["Normal"]

    # --- Layout ------------------------------------------------------------------------------

    def write(self, record, with_restricted):
        self._heading(TITLE, 0)
        for section in SECTIONS:
            if section.title == CALL_CENTER_SECTION and not with_restricted:
                continue
            self._heading(section.title, 1)
            if section.title == CALL_CENTER_SECTION:
                note = _paragraph(self.body, style_id=self.style_ids[GUIDANCE_STYLE])
                note.add_run(CALL_CENTER_NOTE).bold = True
            self._guidance(section.guidance)
            for slot in section.slots:
                self._heading(slot.label + ":", 2)
                self._guidance(slot.guidance)
                getattr(self, f"_write_{slot.kind}")(slot, record.get(slot.key))
        if with_restricted:
            self._guidance(GUIDANCE["footnote"])

    def _heading(self, text, level):
        name = "Title" if level == 0 else f"Heading {level}"
        return _paragraph(self.body, text, _style_id(self.doc, name))

    def _guidance(self, paragraphs):
        for text in paragraphs:
            paragraph = _paragraph(self.body, style_id=self.style_ids[GUIDANCE_STYLE])
            for position, part in enumerate(_BOLD.split(text)):
                if part:
                    paragraph.add_run(part).bold = bool(position % 2)

    # --- Values ------------------------------------------------------------------------------

    def _text(self, text):
        """One paragraph; line breaks inside the text stay line breaks."""
        return _paragraph(self.body, text or "")

    def _write_text(self, slot, value):
        self._text(value)

    def _write_flag(self, slot, value):
        self._text("" if value is None else ("tak" if value else "nie"))

    def _write_date(self, slot, value):
        self._text(value)

    def _write_datetime(self, slot, value):
        moment = parse_datetime(value) if value else None
        self._text(timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else "")

    def _bullets(self, items):
        if not items:
            _paragraph(self.body, style_id=self.style_ids["List Bullet"])
        for item in items:
            _paragraph(self.body, item, self.style_ids["List Bullet"])

    def _write_terms(self, slot, value):
        self._bullets(value or [])

    def _write_related(self, slot, value):
        self._bullets(
            [
                f"{code} – {self.titles[code]}" if code in self.titles else code
                for code in value or []
            ]
        )

    def _write_steps(self, slot, value):
        numbering = _Numbering(self.doc)
        if not value:
            numbering.paragraph()
        for step in value or []:
            numbering.paragraph(step["name"] + (" @" if step.get("electronic") else ""))
            if step.get("comment"):
                self._text(f"{COMMENT}: {step['comment']}")

    def _write_rich(self, slot, value):
        if value:
            _Html(self.doc, self.body).write(value)
        else:
            self._text("")

    def _write_appeal(self, slot, value):
        if value == "brak":
            self._text("brak")
        else:
            self._write_rich(slot, value)

    def _write_processing_time(self, slot, value):
        value = value or {}
        amount = " ".join(
            str(part) for part in (value.get("value"), value.get("unit")) if part is not None
        )
        if amount:
            self._text(amount)
        if value.get("description") or not amount:
            self._text(value.get("description"))

    def _write_table(self, slot, value, rows=None):
        rows = rows if rows is not None else [self._cells(slot, item) for item in value or []]
        table = self.doc.add_table(rows=1, cols=len(slot.table.columns))
        table.style = self.table_style
        for cell, header in zip(table.rows[0].cells, slot.table.headers, strict=True):
            cell.text = ""
            cell.paragraphs[0].add_run(header).bold = True
        for cells in rows or [[""] * len(slot.table.columns)]:
            row = table.add_row()
            for cell, content in zip(row.cells, cells, strict=True):
                if isinstance(content, _RichCell):
                    cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
                    _Html(self.doc, cell).write(content.html)
                else:
                    cell.text = content or ""
        _paragraph(self.body)

    def _cells(self, slot, item):
        return [_cell_text(part, item.get(part)) for part, _header in slot.table.columns]

    def _write_person(self, slot, value):
        self._write_table(slot, [value] if value else [])

    def _write_appointment(self, slot, value):
        if value == "nie dotyczy":
            self._text("nie dotyczy")
            return
        value = value or {}
        required = value.get("required")
        self._text(f"{BOOKING_REQUIRED}: {'tak' if required else 'nie'}" if value else "")
        rows = [
            [APPOINTMENT_KINDS[m["kind"]], m["value"], m.get("note") or ""]
            for m in value.get("methods") or []
        ]
        self._write_table(slot, None, rows)

    def _write_fees(self, slot, value):
        if value == "brak":
            self._text("brak")
            return
        rows = [
            [fee["type"], fee["amount"].replace(".", ","), fee["account"], fee.get("remarks")]
            for fee in value or []
        ]
        self._write_table(slot, None, rows)

    def _write_channels(self, slot, value):
        if value == "nie dotyczy":
            self._text("nie dotyczy")
            return
        rows = [
            [
                CHANNEL_KINDS[channel["kind"]],
                channel.get("details"),
                ", ".join(channel.get("platforms") or []),
            ]
            for channel in value or []
        ]
        self._write_table(slot, None, rows)

    def _write_documents(self, slot, value):
        value = value or {}
        for group, heading in (("to_submit", TO_SUBMIT), ("to_inspect", TO_INSPECT)):
            _paragraph(self.body).add_run(heading + ":").bold = True
            self._write_table(slot, value.get(group) or [])


class _RichCell:
    def __init__(self, html):
        self.html = html


def _cell_text(part, value):
    if part == "answer":
        return _RichCell(value or "")
    if part == "phones":
        return ", ".join(value or [])
    if part == "eforms":
        return "\n".join(
            f"{eform['platform']}: {eform['url']}" if eform.get("url") else eform["platform"]
            for eform in value or []
        )
    return value or ""


class _Numbering:
    """Paragraphs of one numbered list that starts again at 1 (Word's "List Number" would
    go on counting from the previous list)."""

    def __init__(self, doc):
        self.doc = doc
        self.num_id = None

    def paragraph(self, text=""):
        paragraph = _paragraph(self.doc._body, text, _style_id(self.doc, "List Number"))
        return self.number(paragraph)

    def number(self, paragraph):
        if self.num_id is None:
            self.num_id = _restarted_list(self.doc)
        if self.num_id is not None:
            num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
            num_pr.get_or_add_ilvl().val = 0
            num_pr.get_or_add_numId().val = self.num_id
        return paragraph


def _restarted_list(doc):
    """A new numbering instance of the "List Number" style's list, restarting at 1."""
    style = doc.styles["List Number"]
    num_pr = style.element.pPr.numPr if style.element.pPr is not None else None
    if num_pr is None or num_pr.numId is None:
        return None
    numbering = doc.part.numbering_part.element
    (num,) = numbering.xpath(f"./w:num[@w:numId='{num_pr.numId.val}']")
    abstract_id = num.abstractNumId.val
    new = numbering.add_num(abstract_id)
    override = OxmlElement("w:lvlOverride")
    override.set(qn("w:ilvl"), "0")
    start = OxmlElement("w:startOverride")
    start.set(qn("w:val"), "1")
    override.append(start)
    new.append(override)
    return new.numId


class _Html:
    """Rich text (the fields' features: paragraphs, bold, italic, lists, links) as Word
    paragraphs of ``container`` (the document or a table cell)."""

    def __init__(self, doc, container):
        self.doc = doc
        self.container = container

    def write(self, html):
        soup = BeautifulSoup(html, "html.parser")
        for element in soup.children:
            if isinstance(element, NavigableString):
                if element.strip():
                    self._inline(_paragraph(self.container), element, {})
            elif element.name in ("ul", "ol"):
                numbering = _Numbering(self.doc) if element.name == "ol" else None
                style = "List Number" if element.name == "ol" else "List Bullet"
                for item in element.find_all("li", recursive=False):
                    paragraph = _paragraph(self.container, "", _style_id(self.doc, style))
                    if numbering:
                        numbering.number(paragraph)
                    self._inline(paragraph, item, {})
            else:
                self._inline(_paragraph(self.container), element, {})

    def _inline(self, paragraph, element, marks):
        if isinstance(element, NavigableString):
            if str(element):
                run = paragraph.add_run(str(element))
                run.bold = marks.get("bold") or None
                run.italic = marks.get("italic") or None
            return
        if element.name == "br":
            paragraph.add_run().add_break()
            return
        if element.name == "a":
            self._link(paragraph, element, marks)
            return
        marks = dict(marks)
        if element.name in ("b", "strong"):
            marks["bold"] = True
        if element.name in ("i", "em"):
            marks["italic"] = True
        for child in element.children:
            self._inline(paragraph, child, marks)

    def _link(self, paragraph, element, marks):
        href = element.get("href")
        if element.get("linktype") == "document":
            href = f"dokument:{element.get('id')}"
        if not href:
            for child in element.children:
                self._inline(paragraph, child, marks)
            return
        relation = paragraph.part.relate_to(
            href,
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
            is_external=True,
        )
        link = OxmlElement("w:hyperlink")
        link.set(qn("r:id"), relation)
        paragraph._p.append(link)
        for child in element.children:
            before = len(paragraph.runs)
            self._inline(paragraph, child, marks)
            for run in paragraph.runs[before:]:
                run.font.underline = True
                link.append(deepcopy(run._r))
                run._r.getparent().remove(run._r)
