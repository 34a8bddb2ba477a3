"""A filled Word form imported as a draft, with a field-by-field report in Polish.

The reader (:mod:`procedures.docx.reader`) turns the form into an interchange record; the
record goes through the interchange :class:`~procedures.interchange.importer.Importer`
as a draft (never published), so it is validated with the same rules and messages as the
admin and the JSON import, and a rejected record leaves nothing behind. Files are named
in the form, not attached: each is matched to an existing document by its file name or
title, otherwise reported as missing.
"""

import io
import re
import zipfile
from dataclasses import dataclass, field

import docx
from django.conf import settings
from django.utils.html import escape

from procedures.interchange.importer import Importer
from procedures.interchange.schema import schema_errors, text_errors
from procedures.models import Department, ProcedureDocument, ProcedurePage
from procedures.models.permissions import may_edit_department
from procedures.reading import can_read_restricted
from procedures.rich_text import canonical_rich_text

from .layout import SLOTS, label_of, normalised
from .reader import NOT_UNDERSTOOD, read_document

#: Largest form accepted (bytes); its parts together may unpack to 10 times as much.
MAX_BYTES = getattr(settings, "PROCEDURE_DOCX_MAX_BYTES", 10 * 1024 * 1024)
#: Keys a draft may leave empty although the interchange format requires them.
_DRAFT_MAY_LACK = {"code", "summary", "how_to"}
#: Heading of the text kept in the draft because no field took it.
UNPLACED_HEADING = "[DO SPRAWDZENIA] Tekst z pliku Word, którego nie przypisano do żadnego pola"


class DocxFileError(Exception):
    """The file cannot be read as a Word form; the message says why, in Polish."""


@dataclass
class Report:
    """What an import did, for the command and the admin view."""

    file_name: str
    file_error: str | None = None
    fields: list = field(default_factory=list)  # reader.FieldReading, in the form's order
    #: ``(label, message)``: the template's rules the form breaks; nothing was saved.
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    unplaced: list = field(default_factory=list)  # (where, text)
    missing_documents: list = field(default_factory=list)
    page: ProcedurePage | None = None
    status: str | None = None  # created / updated / unchanged / rejected

    @property
    def saved(self):
        return self.page is not None and self.status in ("created", "updated", "unchanged")

    def lines(self):
        """The report as lines of text (the command prints them)."""
        if self.file_error:
            return [f"BŁĄD: {self.file_error}"]
        out = [f"Plik: {self.file_name}"]
        for reading in self.fields:
            line = f"  {reading.label}: {reading.status}"
            if reading.detail:
                line += f" – tekst: „{reading.detail}”"
            out.append(line)
        for label, message in self.errors:
            out.append(f"REGUŁA „{label}”: {message}")
        for name in self.missing_documents:
            out.append(f"BRAK PLIKU: {name}")
        for where, text in self.unplaced:
            out.append(f"BEZ POLA ({where}): {text}")
        out += [f"UWAGA: {warning}" for warning in self.warnings]
        out.append(self.summary())
        return out

    def summary(self):
        if self.file_error:
            return self.file_error
        if not self.saved:
            return "Nie zapisano szkicu: popraw plik według raportu i wczytaj go ponownie."
        code = f" {self.page.code}" if self.page.code else ""
        if self.status == "unchanged":
            return f"Szkic procedury{code} „{self.page.title}” bez zmian – plik zawiera to samo."
        what = "Utworzono szkic" if self.status == "created" else "Zapisano nową wersję roboczą"
        return f"{what} procedury{code} „{self.page.title}”. Nic nie opublikowano."


def size_error(name, size):
    """The message for a form over :data:`MAX_BYTES`."""
    return (
        f"Plik „{name}” ma {size / 1024 / 1024:.1f} MB, a można wczytać najwyżej "
        f"{MAX_BYTES / 1024 / 1024:.0f} MB. Usuń z niego obrazy i załączniki."
    )


def open_document(data, name):
    """The python-docx document of ``data`` (bytes); :class:`DocxFileError` if it is not a
    Word form this importer can read."""
    not_docx = (
        f"Plik „{name}” nie jest dokumentem Word (.docx). Zapisz go w Wordzie jako „Dokument "
        "programu Word (*.docx)” i wczytaj ponownie."
    )
    if len(data) > MAX_BYTES:
        raise DocxFileError(size_error(name, len(data)))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(info.file_size for info in archive.infolist()) > 10 * MAX_BYTES:
                raise DocxFileError(not_docx)
            if "word/document.xml" not in archive.namelist():
                raise DocxFileError(not_docx)
        return docx.Document(io.BytesIO(data))
    except DocxFileError:
        raise
    except Exception as error:  # a broken archive fails in many ways inside python-docx
        raise DocxFileError(not_docx) from error


def _by_file_name(base):
    """The document stored as ``base``, or as ``base`` with the suffix storage adds to a
    name already taken (``wniosek_AbC1234.pdf``): the same file in another installation."""
    stem, dot, extension = base.rpartition(".")
    if not dot:
        stem, extension = base, ""
    pattern = re.compile(
        rf"(^|/){re.escape(stem)}(_[A-Za-z0-9]{{7}})?{re.escape(dot + extension)}$"
    )
    candidates = ProcedureDocument.objects.filter(file__contains=stem).order_by("pk")
    matches = [doc for doc in candidates if pattern.search(doc.file.name)]
    exact = [doc for doc in matches if doc.file.name.rsplit("/", 1)[-1] == base]
    return (exact or matches or [None])[0]


class DocumentsByName:
    """Names of files in the form → existing documents (by file name, then title)."""

    def __init__(self):
        self.created = []
        self.missing = []

    def load(self, name, path, *, title, form=False):
        if not name:
            return None
        base = name.strip().rsplit("/", 1)[-1]
        document = _by_file_name(base) or (
            ProcedureDocument.objects.filter(title__iexact=name.strip()).order_by("pk").first()
        )
        if document is None:
            self.missing.append(f"{name} (dokument „{title}”)")
            return None
        return document.pk

    def file_under(self, department_id):
        pass

    def discard_created(self):
        pass


class DraftImporter(Importer):
    """The interchange importer for one form: drafts only, documents named, not attached,
    and a draft may lack a code, a summary or "Sposób załatwienia sprawy" as in the
    admin."""

    def __init__(self, *, user=None):
        super().__init__(settings.MEDIA_ROOT, publish=False, user=user, batch_size=1)
        self.documents = DocumentsByName()

    def record_findings(self, record):
        findings = [
            (path, message)
            for path, message in schema_errors(record)
            if not (path in _DRAFT_MAY_LACK and path not in record)
        ]
        return findings or text_errors(record)

    def document_loader(self, code):
        return self.documents


def import_docx(data, name, *, user=None, code=None):
    """Import the form ``data`` (bytes) as a draft; the :class:`Report`.

    ``code`` names the procedure to update (a new draft revision); otherwise the form's
    own "Kod procedury", or a new procedure when it has none. ``user`` (the admin's) must
    be allowed to edit the procedure and its department; restricted fields they may not
    change are kept as they were.
    """
    report = Report(file_name=name)
    try:
        document = open_document(data, name)
    except DocxFileError as error:
        report.file_error = str(error)
        return report
    reading = read_document(document)
    record = reading.record
    report.fields = [reading.fields[key] for key in SLOTS]
    report.unplaced = list(reading.unplaced)
    if code:
        if record.get("code") and record["code"] != code:
            report.warnings.append(
                f"W pliku jest kod {record['code']}, a wskazano {code}: zapisano jako {code}."
            )
        record["code"] = code
    if user is not None and not can_read_restricted(user):
        dropped = [key for key in record if SLOTS[key].restricted]
        for key in dropped:
            del record[key]
        if dropped:
            report.warnings.append(
                "Pominięto pola zastrzeżone "
                + ", ".join(f"„{label_of(key)}”" for key in dropped)
                + ": nie masz uprawnienia do ich zmiany, więc ich nie zmieniono."
            )
    if not _resolve_department(record, user, report):
        report.status = "rejected"
        return report
    if reading.unplaced:
        _keep_unplaced(record, reading, user)
    _keep_unchanged_rich_text(record)
    importer = DraftImporter(user=user)
    (outcome,) = importer.run([record])
    report.status = outcome.status
    report.warnings += outcome.warnings
    report.missing_documents = importer.documents.missing
    report.errors = [(_label_of_path(path), message) for path, message in outcome.errors]
    if outcome.page_id:
        report.page = ProcedurePage.objects.get(pk=outcome.page_id)
    return report


def _resolve_department(record, user, report):
    """Put the department's and unit's names as the organisation has them; whether the
    department exists and ``user`` may write its procedures (else the report says why)."""
    existing = (
        ProcedurePage.objects.filter(code=record["code"]).first() if record.get("code") else None
    )
    if existing is not None and user is not None:
        if not existing.permissions_for_user(user).can_edit():
            report.errors.append(
                ("Kod procedury", f"Nie możesz zmieniać procedury {existing.code}.")
            )
            return False
    name = record.get("department")
    if not name:
        if existing is not None and existing.department_id:
            record["department"] = existing.department.name
            record["unit"] = existing.department.unit.name
            return True
        report.errors.append(
            ("Komórka", "Uzupełnij pole „Komórka” – bez niego nie wiadomo, czyja to procedura.")
        )
        return False
    wanted = normalised(name)
    candidates = [
        d for d in Department.objects.select_related("unit") if normalised(d.name) == wanted
    ]
    if record.get("unit"):
        same_unit = [d for d in candidates if normalised(d.unit.name) == normalised(record["unit"])]
        candidates = same_unit or candidates
    if not candidates:
        report.errors.append(
            (
                "Komórka",
                f"Nie ma komórki „{name}” w strukturze organizacyjnej. Wpisz jej nazwę tak, "
                "jak w panelu (Struktura organizacyjna → Komórki).",
            )
        )
        return False
    department = candidates[0]
    if user is not None and not may_edit_department(user, department.pk):
        report.errors.append(
            ("Komórka", f"Nie możesz dodawać ani zmieniać procedur komórki „{department.name}”.")
        )
        return False
    record["department"], record["unit"] = department.name, department.unit.name
    return True


_BLOCK_KEYS = re.compile(r' data-block-key="[^"]*"')


def _same_text(stored, typed, features):
    """Whether rich text read from the form means what is stored: the same once both are
    written as the editor saves them, block keys aside."""

    def bare(html):
        return _BLOCK_KEYS.sub("", canonical_rich_text(html or "", features))

    return bare(stored) == bare(typed)


def _keep_unchanged_rich_text(record):
    """Rich text the form left as it was is left out of the record, so the stored HTML
    stays, block keys included: the editor gives its blocks random keys, which a form
    cannot carry, and new keys alone would make an unchanged procedure a new revision."""
    code = record.get("code")
    existing = ProcedurePage.objects.filter(code=code).first() if code else None
    if existing is None:
        return
    page = existing.get_latest_revision_as_object()
    for key in ("how_to", "additional_info", "cc_description"):
        features = ProcedurePage._meta.get_field(key).features
        stored = getattr(page, key)
        if record.get(key) and stored and _same_text(stored, record[key], features):
            del record[key]
    streams = {name: ProcedurePage._meta.get_field(name).stream_block for name in ("appeal", "faq")}
    appeal = [child.value.source for child in page.appeal if child.block_type == "text"]
    features = streams["appeal"].child_blocks["text"].features
    if appeal and record.get("appeal") not in (None, "brak"):
        if _same_text(appeal[0], record["appeal"], features):
            del record["appeal"]
    stored_faq = [(child.value["question"], child.value["answer"].source) for child in page.faq]
    features = streams["faq"].child_blocks["item"].child_blocks["answer"].features
    typed_faq = record.get("faq")
    if (
        typed_faq
        and len(typed_faq) == len(stored_faq)
        and all(
            item["question"] == question and _same_text(answer, item["answer"], features)
            for item, (question, answer) in zip(typed_faq, stored_faq, strict=True)
        )
    ):
        del record["faq"]


def _keep_unplaced(record, reading, user):
    """Text no field took, kept in the draft under a heading that says so: in "Opis*" when
    it came from a restricted field and the user may write it there, otherwise at the end
    of "Informacje uzupełniające"."""
    restricted = [
        (where, text)
        for where, text in reading.unplaced
        if any(label_of(key) == where for key in reading.restricted_unplaced)
    ]
    public = [item for item in reading.unplaced if item not in restricted]
    if restricted and (user is None or can_read_restricted(user)):
        record["cc_description"] = _with_unplaced(record.get("cc_description"), restricted)
    else:
        public += restricted
    if public:
        record["additional_info"] = _with_unplaced(record.get("additional_info"), public)


def _with_unplaced(html, items):
    kept = "".join(
        f"<p><i>{escape(where)}:</i> {escape(text).replace(chr(10), '<br/>')}</p>"
        for where, text in items
    )
    return (html or "") + f"<p><b>{escape(UNPLACED_HEADING)}</b></p>" + kept


def _label_of_path(path):
    key = re.split(r"[.\[]", path, maxsplit=1)[0]
    return label_of(key) if key in SLOTS else "Cała procedura"


def reading_problems(report):
    """The fields the form gave text for that was not understood."""
    return [reading for reading in report.fields if reading.status == NOT_UNDERSTOOD]
