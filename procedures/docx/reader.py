"""A filled Word form read back as an interchange record, field by field.

Fields are found by their labels (headings, bold lines or plain lines; "Label: value" on
one line too), wherever they are; the template's guidance, blank paragraphs and section
headings are skipped. Lists may be real Word lists or typed with dashes or numbers;
tables may have rows added or their header row deleted. What cannot be put into a field
is kept in :attr:`Reading.unplaced` with where it was found, never dropped.
"""

import html
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils import timezone
from docx.table import Table as DocxTable
from docx.text.hyperlink import Hyperlink

from procedures.models import ProcedurePage

from .guidance import GUIDANCE
from .layout import (
    APPOINTMENT_KINDS,
    BOOKING_REQUIRED,
    CALL_CENTER_NOTE,
    CHANNEL_KINDS,
    COMMENT,
    KIND_SYNONYMS,
    LABELS,
    SECTION_TITLES,
    SLOTS,
    TO_INSPECT,
    TO_SUBMIT,
    label_of,
    normalised,
)

READ, EMPTY, NOT_UNDERSTOOD, ABSENT = "wczytano", "puste", "nie zrozumiano", "brak w pliku"
_MARKER = re.compile(r"^\s*(?:krok\s*\d+\s*[-–—:.]?|\d{1,2}[.)]|[-–—•*·▪○]|[a-z]\))\s*", re.I)
_CODE = re.compile(r"\b([A-Z]{2,4}-\d{4,6})\b")
_LEGAL_KINDS = (
    "ustawa",
    "rozporządzenie",
    "uchwała Rady Miejskiej w Łodzi",
    "zarządzenie Prezydenta Miasta Łodzi",
    "inne",
)
_NONE_WORDS = {"brak", "nie dotyczy", "brak opłat", "bez opłat", "nie ma", "-", "–"}
_UNITS = {
    "dni": "dni",
    "dzień": "dni",
    "dnia": "dni",
    "tydzień": "tygodnie",
    "tygodnie": "tygodnie",
    "tygodni": "tygodnie",
    "miesiąc": "miesiące",
    "miesiące": "miesiące",
    "miesięcy": "miesiące",
}
_AMOUNT = re.compile(r"^\d+(\.\d{1,2})?$")


def _squash(text):
    return re.sub(r"\s+", " ", text.replace("**", "")).strip()


_GUIDANCE = {_squash(text) for texts in GUIDANCE.values() for text in texts} | {
    _squash(CALL_CENTER_NOTE)
}


@dataclass
class FieldReading:
    """What the form gave for one field: its status and the text not understood."""

    key: str
    status: str
    detail: str = ""

    @property
    def label(self):
        return label_of(self.key)


@dataclass
class Reading:
    record: dict = field(default_factory=dict)
    fields: dict = field(default_factory=dict)  # key → FieldReading
    #: ``(where, text)``: text that fits no field, in the form's order.
    unplaced: list = field(default_factory=list)
    #: Keys whose unplaced text came from a restricted field.
    restricted_unplaced: list = field(default_factory=list)


def is_none_marker(text):
    return normalised(text).strip(".! ") in _NONE_WORDS


def read_document(document):
    """The :class:`Reading` of a python-docx ``Document``."""
    return _Reader().read(document)


class _Reader:
    def read(self, document):
        self.reading = Reading()
        parts = self._split(document)
        for key, items in parts.items():
            self.key = key
            slot = SLOTS[key]
            self.problems = []
            value = getattr(self, f"_read_{slot.kind}")(slot, items)
            if value is _MISSING:
                status = NOT_UNDERSTOOD if self.problems else EMPTY
            else:
                self.reading.record[key] = value
                status = (
                    NOT_UNDERSTOOD
                    if self.problems
                    else (
                        EMPTY
                        if value in (None, [], {}, "")
                        or value == {"to_submit": [], "to_inspect": []}
                        else READ
                    )
                )
            detail = " | ".join(self.problems)
            self.reading.fields[key] = FieldReading(key, status, detail)
            for text in self.problems:
                self.reading.unplaced.append((label_of(key), text))
                if slot.restricted:
                    self.reading.restricted_unplaced.append(key)
        for key in SLOTS:
            self.reading.fields.setdefault(key, FieldReading(key, ABSENT))
        return self.reading

    # --- Finding the fields -----------------------------------------------------------------

    def _split(self, document):
        parts, current, where = {}, None, "początek dokumentu"
        for item in document.iter_inner_content():
            if isinstance(item, DocxTable):
                if current:
                    parts[current].append(item)
                else:
                    self.reading.unplaced.append((where, _table_text(item)))
                continue
            text = item.text.strip()
            if not text:
                continue
            squashed = _squash(text)
            if squashed in _GUIDANCE:
                continue
            for guidance in _GUIDANCE:
                if len(guidance) > 40 and squashed.startswith(guidance):
                    text = squashed[len(guidance) :].strip()
                    break
            norm = normalised(text)
            if norm in LABELS:
                current = LABELS[norm]
                parts.setdefault(current, [])
                continue
            if norm in SECTION_TITLES:
                current, where = None, f"sekcja „{text.strip(':')}”"
                continue
            inline = self._inline_label(item, text, current)
            if inline:
                current, value = inline
                parts.setdefault(current, []).append(value)
                continue
            if current:
                parts[current].append(item if text == item.text.strip() else text)
            else:
                self.reading.unplaced.append((where, text))
        return parts

    @staticmethod
    def _inline_label(paragraph, text, current):
        """``Label: value`` typed on one line: the label's key and the value, when the label
        stands out (bold, a heading) or the current field takes no free text."""
        head, colon, rest = text.partition(":")
        if not colon or not rest.strip() or normalised(head) not in LABELS:
            return None
        stands_out = paragraph.style.name.lower().startswith(("heading", "nagłówek")) or any(
            run.bold for run in paragraph.runs[:1]
        )
        if stands_out or current is None or SLOTS[current].kind not in ("text", "rich", "appeal"):
            return LABELS[normalised(head)], rest.strip()
        return None

    # --- Helpers ----------------------------------------------------------------------------

    def _lines(self, items, tables_too=False, as_typed=False):
        """Texts of the paragraphs (each line of a paragraph with breaks kept together);
        ``as_typed`` keeps spaces at their ends."""
        lines = []
        for item in items:
            if isinstance(item, DocxTable):
                if tables_too:
                    lines += [_row_text(row) for row in _rows(item)]
                else:
                    self.problems.append(_table_text(item))
            elif isinstance(item, str):
                lines.append(item)
            else:
                lines.append(item.text if as_typed else item.text.strip())
        return [line for line in lines if line.strip()]

    def _list_items(self, items):
        out = []
        for line in self._lines(items, tables_too=True):
            for part in line.split("\n"):
                part = _MARKER.sub("", part, count=1).strip()
                if part:
                    out.append(part)
        return out

    # --- Kinds ------------------------------------------------------------------------------

    def _read_text(self, slot, items):
        lines = self._lines(items, as_typed=True)
        text = "\n".join(lines)
        if not text:
            return (
                None
                if slot.key in ("submission_deadline", "reuse_conditions", "cc_other")
                else _MISSING
            )
        return text

    def _read_flag(self, slot, items):
        text = "\n".join(self._lines(items))
        if not text:
            return _MISSING
        word = normalised(text).strip(".")
        if word in ("tak", "t", "prawda", "yes"):
            return True
        if word in ("nie", "n", "fałsz", "no"):
            return False
        self.problems.append(text)
        return _MISSING

    def _read_date(self, slot, items):
        text = "\n".join(self._lines(items))
        if not text:
            return None
        parsed = _date(text)
        if parsed is None:
            self.problems.append(text)
            return _MISSING
        return parsed.isoformat()

    def _read_datetime(self, slot, items):
        text = "\n".join(self._lines(items))
        if not text:
            return None
        match = re.fullmatch(r"(.+?)(?:[ T,]+(\d{1,2})[:.](\d{2}))?", text.strip())
        day = _date(match.group(1)) if match else None
        if day is None:
            self.problems.append(text)
            return _MISSING
        hour, minute = (int(match.group(2) or 0), int(match.group(3) or 0))
        try:
            moment = datetime(day.year, day.month, day.day, hour, minute)
        except ValueError:
            self.problems.append(text)
            return _MISSING
        return timezone.make_aware(moment).isoformat()

    def _read_terms(self, slot, items):
        terms = self._list_items(items)
        if len(terms) == 1 and is_none_marker(terms[0]):
            return []
        return terms

    def _read_related(self, slot, items):
        codes = []
        for item in self._list_items(items):
            if is_none_marker(item):
                continue
            match = _CODE.search(item)
            if match:
                codes.append(match.group(1))
                continue
            page = ProcedurePage.objects.filter(title__iexact=item.strip()).first()
            if page and page.code:
                codes.append(page.code)
            else:
                self.problems.append(item)
        return codes

    def _read_steps(self, slot, items):
        steps = []
        for line in self._lines(items, tables_too=True):
            for part in line.split("\n"):
                part = _MARKER.sub("", part, count=1).strip()
                if not part:
                    continue
                head, colon, rest = part.partition(":")
                if colon and normalised(head) == COMMENT:
                    if steps and not steps[-1]["comment"]:
                        steps[-1]["comment"] = rest.strip() or None
                    else:
                        self.problems.append(part)
                    continue
                if is_none_marker(part) and not steps:
                    continue
                electronic = part.endswith("@")
                steps.append(
                    {"name": part.rstrip("@").strip(), "comment": None, "electronic": electronic}
                )
        return steps

    def _read_rich(self, slot, items):
        html_text = _Html().convert([item for item in items if not isinstance(item, DocxTable)])
        for item in items:
            if isinstance(item, DocxTable):
                self.problems.append(_table_text(item))
        return html_text or (None if slot.key != "how_to" else _MISSING)

    def _read_appeal(self, slot, items):
        lines = self._lines(items)
        if len(lines) == 1 and is_none_marker(lines[0]):
            return "brak"
        value = self._read_rich(slot, items)
        return _MISSING if value is None else value

    def _read_processing_time(self, slot, items):
        lines = self._lines(items)
        if not lines:
            return None
        value = {"value": None, "unit": None, "description": None}
        match = re.fullmatch(r"(\d+)\s*([^\W\d_]+)?\.?", lines[0].strip())
        if match and (match.group(2) is None or match.group(2).lower() in _UNITS):
            value["value"] = int(match.group(1))
            value["unit"] = _UNITS.get((match.group(2) or "").lower())
            lines = lines[1:]
        value["description"] = "\n".join(lines) or None
        return value

    # --- Tables -----------------------------------------------------------------------------

    def _table_rows(self, slot, items, keep_rich=False):
        """Rows of the field's tables as ``{part: text}``; paragraphs are returned apart."""
        rows, lines = [], []
        for item in items:
            if isinstance(item, DocxTable):
                rows += _table_dicts(item, slot.table, keep_rich)
            else:
                lines.append(item if isinstance(item, str) else item.text.strip())
        return rows, [line for line in lines if line.strip()]

    def _read_table(self, slot, items):
        rows, lines = self._table_rows(slot, items, keep_rich=slot.key == "faq")
        if len(lines) == 1 and is_none_marker(lines[0]) and not rows:
            return []
        convert = getattr(self, f"_row_{slot.key}", None) or self._row_person
        values = []
        for row in rows:
            value = convert(row)
            if value is None:
                self.problems.append(" | ".join(str(v) for v in row.values() if v))
            else:
                values.append(value)
        for line in lines:
            if slot.table.columns[0][0] == "name" and slot.key != "cc_contacts":
                # A list typed instead of the table: one name a line.
                values.append(convert({"name": _MARKER.sub("", line, count=1).strip()}))
            else:
                self.problems.append(line)
        return [value for value in values if value is not None]

    def _read_person(self, slot, items):
        people = self._read_table(slot, items)
        if not people:
            return _MISSING
        for extra in people[1:]:
            self.problems.append(f"{extra['name']} (można wskazać tylko jednego pracownika)")
        return people[0]

    @staticmethod
    def _row_person(row):
        if not row.get("name"):
            return None
        return {
            "name": row["name"],
            "email": row.get("email") or None,
            "phone": row.get("phone") or None,
        }

    @staticmethod
    def _row_cc_contacts(row):
        if not row.get("name"):
            return None
        return {"name": row["name"], "phone": row.get("phone") or ""}

    @staticmethod
    def _row_places(row):
        if not row.get("name"):
            return None
        return {
            "name": row["name"],
            "address": row.get("address") or None,
            "details": row.get("details") or None,
            "phones": _split(row.get("phones")),
        }

    @staticmethod
    def _row_other_documents(row):
        if not row.get("name"):
            return None
        return {"name": row["name"], "file": row.get("file") or None}

    @staticmethod
    def _row_faq(row):
        if not row.get("question") or not row.get("answer"):
            return None
        return {"question": row["question"], "answer": row["answer"]}

    def _row_legal_basis(self, row):
        if not row.get("title"):
            return None
        kind = None
        if row.get("kind"):
            word = normalised(row["kind"])
            kind = next(
                (
                    k
                    for k in _LEGAL_KINDS
                    if normalised(k).startswith(word) or word.startswith(normalised(k).split()[0])
                ),
                None,
            )
            if kind is None:
                self.problems.append(row["kind"])
        url = row.get("url") or None
        if url and not re.match(r"^https?://\S+$", url):
            self.problems.append(url)
            url = None
        return {"kind": kind, "title": row["title"], "url": url}

    def _read_appointment(self, slot, items):
        rows, lines = self._table_rows(slot, items)
        if not rows and len(lines) == 1 and is_none_marker(lines[0]):
            return "nie dotyczy"
        required = False
        methods = []
        for line in lines:
            head, colon, rest = line.partition(":")
            if colon and normalised(head) == normalised(BOOKING_REQUIRED):
                required = normalised(rest).startswith("tak")
            elif colon and _kind(head, APPOINTMENT_KINDS) and rest.strip():
                methods.append(
                    {"kind": _kind(head, APPOINTMENT_KINDS), "value": rest.strip(), "note": None}
                )
            else:
                self.problems.append(line)
        for row in rows:
            if not row.get("value"):
                self.problems.append(" | ".join(v for v in row.values() if v))
                continue
            methods.append(
                {
                    "kind": _kind(row.get("kind") or "", APPOINTMENT_KINDS) or "other",
                    "value": row["value"],
                    "note": row.get("note") or None,
                }
            )
        if not methods:
            return _MISSING
        return {"required": required, "methods": methods}

    def _read_fees(self, slot, items):
        rows, lines = self._table_rows(slot, items)
        if not rows and lines and all(is_none_marker(line) for line in lines):
            return "brak"
        for line in lines:
            self.problems.append(line)
        fees = []
        for row in rows:
            amount = re.sub(r"(?i)\s|zł|pln", "", row.get("amount") or "").replace(",", ".")
            if not row.get("type") or not _AMOUNT.match(amount) or not row.get("account"):
                self.problems.append(" | ".join(v for v in row.values() if v))
                continue
            fees.append(
                {
                    "type": row["type"],
                    "amount": amount,
                    "account": row["account"],
                    "remarks": row.get("remarks") or None,
                }
            )
        return fees or _MISSING

    def _read_channels(self, slot, items):
        rows, lines = self._table_rows(slot, items)
        if not rows and len(lines) == 1 and is_none_marker(lines[0]):
            return "nie dotyczy"
        channels = []
        for line in lines:
            head, colon, rest = _MARKER.sub("", line, count=1).partition(":")
            kind = _kind(head, CHANNEL_KINDS)
            if kind:
                channels.append({"kind": kind, "details": rest.strip() or None, "platforms": []})
            else:
                self.problems.append(line)
        for row in rows:
            kind = _kind(row.get("kind") or "", CHANNEL_KINDS)
            if kind is None:
                self.problems.append(" | ".join(v for v in row.values() if v))
                continue
            channels.append(
                {
                    "kind": kind,
                    "details": row.get("details") or None,
                    "platforms": _split(row.get("platforms")),
                }
            )
        return channels or _MISSING

    def _read_documents(self, slot, items):
        groups = {"to_submit": [], "to_inspect": []}
        group = "to_submit"
        for item in items:
            if isinstance(item, DocxTable):
                for row in _table_dicts(item, slot.table):
                    if not row.get("name"):
                        if any(row.values()):
                            self.problems.append(" | ".join(v for v in row.values() if v))
                        continue
                    groups[group].append(self._document(row))
                continue
            text = item if isinstance(item, str) else item.text.strip()
            norm = normalised(text)
            if norm.startswith(normalised(TO_SUBMIT)) or "do złożenia" in norm:
                group = "to_submit"
            elif norm.startswith(normalised(TO_INSPECT)) or "do wglądu" in norm:
                group = "to_inspect"
            elif is_none_marker(text):
                continue
            else:
                name = _MARKER.sub("", text, count=1).strip()
                if name:
                    groups[group].append(self._document({"name": name}))
        return groups

    def _document(self, row):
        eforms = []
        for line in (row.get("eforms") or "").split("\n"):
            line = _MARKER.sub("", line, count=1).strip()
            if not line:
                continue
            match = re.match(r"^(.*?)[:\s–-]+\s*(https?://\S+)\s*$", line)
            if match and match.group(1).strip():
                eforms.append({"platform": match.group(1).strip(), "url": match.group(2)})
            elif re.match(r"^https?://", line):
                self.problems.append(line)
            else:
                eforms.append({"platform": line, "url": None})
        return {
            "name": row["name"],
            "file": row.get("file") or None,
            "sample_file": row.get("sample_file") or None,
            "eforms": eforms,
        }


_MISSING = object()


def _kind(word, kinds):
    word = normalised(word)
    if not word:
        return None
    for key, label in kinds.items():
        if word == label or word == key:
            return key
    key = KIND_SYNONYMS.get(word)
    if key in kinds:
        return key
    for key, label in kinds.items():
        if label.startswith(word) or word.startswith(label):
            return key
    return None


def _split(text):
    return [part.strip() for part in re.split(r"[,;\n]", text or "") if part.strip()]


def _date(text):
    text = text.strip().rstrip(".").replace(" r", "")
    for pattern in ("%Y-%m-%d", "%d.%m.%Y", "%d-%m-%Y", "%Y.%m.%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None


def _rows(table):
    return list(table.rows)


def _cell_text(cell):
    return "\n".join(p.text.strip() for p in cell.paragraphs if p.text.strip())


def _row_text(row):
    cells = []
    for cell in row.cells:
        text = _cell_text(cell)
        if text and (not cells or cells[-1] != text):
            cells.append(text)
    return " | ".join(cells)


def _table_text(table):
    return "\n".join(text for text in (_row_text(row) for row in table.rows) if text)


def _table_dicts(table, spec, keep_rich=False):
    """Rows as ``{part: text}``, columns found by their headers (in order when the header
    row is missing); empty rows and repeated header rows skipped."""
    rows = _rows(table)
    if not rows:
        return []
    columns = [part for part, _header in spec.columns]
    headers = [normalised(h) for h in spec.headers]
    first = [normalised(_cell_text(cell)) for cell in rows[0].cells]
    mapping = []
    for text in first:
        match = next(
            (
                part
                for part, header in zip(columns, headers, strict=True)
                if text
                and (
                    text == header or header.startswith(text) or text.startswith(header.split()[0])
                )
            ),
            None,
        )
        mapping.append(match)
    if any(mapping):
        body = rows[1:]
    else:
        mapping = columns + [None] * max(0, len(first) - len(columns))
        body = rows
    out = []
    for row in body:
        values = {}
        for part, cell in zip(mapping, row.cells, strict=False):
            if part is None or part in values:
                continue
            if keep_rich and part == "answer":
                values[part] = _Html().convert(cell.paragraphs)
            else:
                values[part] = _cell_text(cell)
        texts = [normalised(v) for v in values.values() if v]
        if not texts or texts == [h for h in headers if h in texts]:
            continue
        out.append(values)
    return out


class _Html:
    """Word paragraphs as rich text of the fields' features: paragraphs, bold, italic, links,
    bulleted and numbered lists (real ones, or typed with dashes)."""

    def convert(self, paragraphs):
        out, open_list = [], None
        for paragraph in paragraphs:
            if isinstance(paragraph, str):
                text, inner, kind = paragraph, html.escape(paragraph), None
            else:
                text = paragraph.text.strip()
                kind = _list_kind(paragraph)
                inner = self._inline(paragraph)
            if not text.strip():
                continue
            if kind is None and re.match(r"^\s*[-–•▪]\s+", text):
                kind = "ul"
                inner = re.sub(r"^\s*[-–•▪]\s+", "", inner, count=1)
            if kind != open_list:
                if open_list:
                    out.append(f"</{open_list}>")
                if kind:
                    out.append(f"<{kind}>")
                open_list = kind
            out.append(f"<li>{inner}</li>" if kind else f"<p>{inner}</p>")
        if open_list:
            out.append(f"</{open_list}>")
        return "".join(out)

    def _inline(self, paragraph):
        parts = []
        for item in paragraph.iter_inner_content():
            if isinstance(item, Hyperlink):
                text = "".join(self._run(run) for run in item.runs)
                address = item.address or ""
                if address.startswith("dokument:"):
                    parts.append(
                        f'<a linktype="document" id="{html.escape(address[9:])}">{text}</a>'
                    )
                elif address:
                    parts.append(f'<a href="{html.escape(address)}">{text}</a>')
                else:
                    parts.append(text)
            else:
                parts.append(self._run(item))
        return "".join(parts).strip()

    @staticmethod
    def _run(run):
        text = html.escape(run.text).replace("\n", "<br/>").replace("\t", " ")
        if not text:
            return ""
        if run.bold:
            text = f"<b>{text}</b>"
        if run.italic:
            text = f"<i>{text}</i>"
        return text


def _list_kind(paragraph):
    """``"ul"``/``"ol"`` for a Word list item, ``None`` for an ordinary paragraph."""
    style = (paragraph.style.name if paragraph.style is not None else "").lower()
    p_pr = paragraph._p.pPr
    numbered = p_pr is not None and p_pr.numPr is not None
    if "number" in style or "numer" in style:
        return "ol"
    if "bullet" in style or "punktor" in style:
        return "ul"
    if numbered or style.startswith("list") or "akapit z listą" in style:
        return "ol" if _num_format(paragraph) not in ("bullet", None) else "ul"
    return None


def _num_format(paragraph):
    try:
        num_pr = paragraph._p.pPr.numPr
        numbering = paragraph.part.numbering_part.element
        num_id = num_pr.numId.val
        level = num_pr.ilvl.val if num_pr.ilvl is not None else 0
        (num,) = numbering.xpath(f"./w:num[@w:numId='{num_id}']")
        abstract = numbering.xpath(
            f"./w:abstractNum[@w:abstractNumId='{num.abstractNumId.val}']"
            f"/w:lvl[@w:ilvl='{level}']/w:numFmt/@w:val"
        )
        return abstract[0] if abstract else None
    except (AttributeError, ValueError, NotImplementedError, KeyError):
        return None
