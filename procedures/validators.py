"""The template's rules that guard single values, with the messages an editor reads.

Each message names the field in Polish, so it is as clear in an import report as it is
under the field in the admin.
"""

import re
import zipfile
from html import unescape

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.html import strip_tags

# --- Character limits -------------------------------------------------------------------

TITLE_MAX = 160
SUMMARY_MAX = 650
STEP_NAME_MAX = 40
STEP_COMMENT_MAX = 75

#: The template sets no limit on the names of reference records (units, departments,
#: vocabulary terms, categories); they are unique, and a unique index needs a bounded key.
#: 500 characters keep the widest UTF-8 key (4 bytes a character, 2,000 bytes) inside
#: PostgreSQL's B-tree entry limit (about 2,700 bytes) and MySQL's (3,072 bytes), and are
#: well above the longest real name (345 characters, an electronic action).
INDEXED_NAME_MAX = 500


@deconstructible
class MaxCharsValidator:
    """Rejects text longer than ``limit`` characters, spaces included, naming the field."""

    def __init__(self, label, limit):
        self.label = label
        self.limit = limit

    def __call__(self, value):
        count = len(value or "")
        if count > self.limit:
            raise ValidationError(
                "Pole „%(label)s” może mieć najwyżej %(limit)s znaków (ze spacjami), "
                "a ma %(count)s. Skróć tekst o %(over)s znaków.",
                code="max_chars",
                params={
                    "label": self.label,
                    "limit": _number(self.limit),
                    "count": _number(count),
                    "over": _number(count - self.limit),
                },
            )

    def __eq__(self, other):
        return (
            isinstance(other, MaxCharsValidator)
            and self.label == other.label
            and self.limit == other.limit
        )


# --- Size of one procedure (settings PROCEDURE_MAX_*) ---------------------------------

#: Rich text may carry this many times its text limit in markup (lists, links, emphasis).
RICH_TEXT_MARKUP_FACTOR = 4


def _number(value):
    """``30000`` → ``30 000``, as Polish writes large numbers (non-breaking space)."""
    return f"{value:,}".replace(",", "\u00a0")


def _entries(count):
    """``count`` with "pozycja" in the accusative Polish needs after it."""
    if count == 1:
        return "1 pozycję"
    if count % 10 in (2, 3, 4) and count % 100 not in (12, 13, 14):
        return f"{_number(count)} pozycje"
    return f"{_number(count)} pozycji"


def count_error(label, count, limit):
    """The message for a field with more entries than ``limit``."""
    return ValidationError(
        "Pole „%(label)s” może mieć najwyżej %(limit)s, a ma %(count)s. Usuń zbędne "
        "pozycje albo połącz podobne w jedną.",
        code="max_items",
        params={"label": label, "limit": _entries(limit), "count": _number(count)},
    )


def validate_text_size(label, value):
    """A plain text within ``PROCEDURE_MAX_TEXT_CHARS``, spaces included."""
    MaxCharsValidator(label, settings.PROCEDURE_MAX_TEXT_CHARS)(value)


def validate_rich_text_size(label, html):
    """Rich text whose text (without markup) is within ``PROCEDURE_MAX_RICH_TEXT_CHARS``
    and whose markup is no more than a few times that."""
    limit = settings.PROCEDURE_MAX_RICH_TEXT_CHARS
    html = html or ""
    MaxCharsValidator(label, limit)(unescape(strip_tags(html)))
    if len(html) > limit * RICH_TEXT_MARKUP_FACTOR:
        raise ValidationError(
            "Pole „%(label)s” ma za dużo formatowania: jego kod ma %(count)s znaków, a może "
            "mieć najwyżej %(limit)s. Usuń zbędne formatowanie, np. wklejone z edytora "
            "tekstu.",
            code="max_markup",
            params={
                "label": label,
                "count": _number(len(html)),
                "limit": _number(limit * RICH_TEXT_MARKUP_FACTOR),
            },
        )


# --- Procedure code ---------------------------------------------------------------------

CODE_PATTERN = r"^[A-Z]{2,4}-[0-9]{4,6}$"


def validate_procedure_code(value):
    """A code like ``KA-01147``: 2–4 capital letters, a hyphen, 4–6 digits."""
    if not re.fullmatch(CODE_PATTERN, value or ""):
        raise ValidationError(
            "Kod procedury „%(value)s” ma zły format. Wpisz 2–4 wielkie litery, myślnik "
            "i 4–6 cyfr, np. KA-01147.",
            code="invalid_code",
            params={"value": value},
        )


# --- Bank accounts ----------------------------------------------------------------------


def normalise_account(value):
    """The account as 26 digits (spaces, hyphens and a leading ``PL`` removed)."""
    compact = re.sub(r"[\s-]", "", value or "").upper()
    return compact.removeprefix("PL")


def validate_nrb(value):
    """A Polish account number (NRB, 26 digits) or IBAN ``PL…`` whose checksum holds."""
    digits = normalise_account(value)
    if not re.fullmatch(r"[0-9]{26}", digits):
        raise ValidationError(
            "Numer rachunku „%(value)s” jest niepoprawny: polski numer rachunku (NRB) ma "
            "26 cyfr, opcjonalnie poprzedzonych literami PL.",
            code="nrb_format",
            params={"value": value},
        )
    # ISO 13616: move the country code (P=25, L=21) and check digits to the end; mod 97 == 1.
    rearranged = digits[2:] + "2521" + digits[:2]
    if int(rearranged) % 97 != 1:
        raise ValidationError(
            "Numer rachunku „%(value)s” ma błędną sumę kontrolną. Sprawdź, czy wszystkie "
            "cyfry zostały przepisane poprawnie.",
            code="nrb_checksum",
            params={"value": value},
        )


def format_nrb(value):
    """``50124010371111001109250073`` → ``50 1240 1037 1111 0011 0925 0073``."""
    digits = normalise_account(value)
    return " ".join([digits[:2], *(digits[i : i + 4] for i in range(2, 26, 4))])


# --- Files ------------------------------------------------------------------------------

#: Formats allowed by § 9 ust. 3 of the instruction: PDF always; these only for forms.
FORM_FORMATS = {"doc", "docx", "rtf"}
STANDARD_FORMATS = {"pdf"} | FORM_FORMATS

_FORMAT_LABELS = {"pdf": "PDF", "doc": "DOC", "docx": "DOCX", "rtf": "RTF"}


def detect_format(fileobj):
    """The real format of a file judged by its content: pdf, doc, docx, rtf or None."""
    position = fileobj.tell() if hasattr(fileobj, "tell") else 0
    try:
        fileobj.seek(0)
        head = fileobj.read(2048)
        if head.startswith(b"%PDF-"):
            return "pdf"
        if head.startswith(b"{\\rtf"):
            return "rtf"
        if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
            return "doc"
        if head.startswith(b"PK\x03\x04"):
            fileobj.seek(0)
            try:
                with zipfile.ZipFile(fileobj) as archive:
                    if "word/document.xml" in archive.namelist():
                        return "docx"
            except zipfile.BadZipFile:
                return None
        return None
    finally:
        fileobj.seek(position)


def file_extension(name):
    return name.rsplit(".", 1)[-1].lower() if "." in (name or "") else ""


def file_size(fileobj):
    """The size in bytes of an uploaded, stored or open file."""
    size = getattr(fileobj, "size", None)
    if size is not None:
        return size
    position = fileobj.tell()
    try:
        return fileobj.seek(0, 2)
    finally:
        fileobj.seek(position)


def size_text(size):
    """``12 345 678`` → ``11,8 MB``, as Polish writes it."""
    if size < 1024 * 1024:
        return f"{max(size / 1024, 0.1):.1f} kB".replace(".", ",")
    return f"{size / 1024 / 1024:.1f} MB".replace(".", ",")


def validate_file_size(fileobj, name, *, limit, label="Plik"):
    """A file of at most ``limit`` bytes; the message names the file and the field."""
    size = file_size(fileobj)
    if limit is not None and size > limit:
        raise ValidationError(
            "Plik „%(name)s” w polu „%(label)s” ma %(size)s, a może mieć najwyżej "
            "%(limit)s. Zmniejsz plik (np. zapisz skan w niższej rozdzielczości) albo "
            "podziel go na części.",
            code="file_too_large",
            params={
                "name": name,
                "label": label,
                "size": size_text(size),
                "limit": size_text(limit),
            },
        )


def validate_document_file(
    fileobj, name, *, is_form=False, allow_other_format=False, max_size=None, label="Plik"
):
    """Check a file against the template's file rule, by content and not just by name,
    and against the upload limit (``max_size``, default ``WAGTAILDOCS_MAX_UPLOAD_SIZE``).

    ``allow_other_format`` is the Procedures Office's consent to a non-standard format.
    """
    validate_file_size(
        fileobj,
        name,
        limit=max_size or getattr(settings, "WAGTAILDOCS_MAX_UPLOAD_SIZE", None),
        label=label,
    )
    extension = file_extension(name)
    detected = detect_format(fileobj)
    if allow_other_format and extension not in STANDARD_FORMATS:
        return
    if extension not in STANDARD_FORMATS:
        raise ValidationError(
            "Plik „%(name)s” ma niedozwolony format. Dokumenty dodaje się jako PDF, a "
            "formularze do wypełnienia jako DOC, DOCX lub RTF. Inny format wymaga zgody "
            "Oddziału ds. Procedur i Zgłoszeń Interwencyjnych.",
            code="file_format",
            params={"name": name},
        )
    if detected != extension:
        raise ValidationError(
            "Zawartość pliku „%(name)s” nie jest plikiem %(format)s, choć tak wskazuje jego "
            "nazwa. Zapisz dokument ponownie jako %(format)s i dodaj go jeszcze raz.",
            code="file_content",
            params={"name": name, "format": _FORMAT_LABELS[extension]},
        )
    if extension in FORM_FORMATS and not is_form and not allow_other_format:
        raise ValidationError(
            "Plik „%(name)s” jest w formacie %(format)s, który jest dozwolony tylko dla "
            "formularzy do wypełnienia. Zaznacz „Formularz do wypełnienia” albo dodaj "
            "dokument jako PDF.",
            code="file_not_form",
            params={"name": name, "format": _FORMAT_LABELS[extension]},
        )


# --- Links --------------------------------------------------------------------------------

#: The only kinds of address a procedure may link to: web pages, e-mail and phone numbers.
SAFE_URL_SCHEMES = ("http", "https", "mailto", "tel")
WEB_URL_SCHEMES = ("http", "https")

#: Characters browsers ignore inside a scheme ("jav&#9;ascript:" runs as "javascript:").
_IGNORED_IN_SCHEME = re.compile(r"[`\x00-\x20\x7f-\xa0\s\ufffd]+")
_SCHEME = re.compile(r"^([a-z][-+.a-z0-9]*):")


def url_scheme(url):
    """The scheme a browser would follow for ``url`` (``"javascript"``), or ``""`` when the
    address has none (a relative link)."""
    compact = _IGNORED_IN_SCHEME.sub("", unescape(str(url or ""))).lower()
    match = _SCHEME.match(compact)
    return match.group(1) if match else ""


def safe_url(url, schemes=SAFE_URL_SCHEMES):
    """``url`` stripped when it is an absolute address with one of ``schemes``, else ``""``.

    What every template writes into ``href``: a stored ``javascript:`` value (or anything
    without a scheme) is never a live link.
    """
    url = str(url or "").strip()
    return url if url_scheme(url) in schemes else ""


@deconstructible
class SafeURLValidator:
    """Accepts only an address starting with one of ``schemes`` (by default ``https://``,
    ``http://``, ``mailto:``, ``tel:``), naming the field in the message."""

    def __init__(self, label, schemes=SAFE_URL_SCHEMES):
        self.label = label
        self.schemes = tuple(schemes)

    def __call__(self, value):
        if not value or safe_url(value, self.schemes):
            return
        examples = {
            "http": "https://…",
            "https": "https://…",
            "mailto": "mailto:…",
            "tel": "tel:…",
        }
        allowed = ", ".join(dict.fromkeys(examples[scheme] for scheme in self.schemes))
        raise ValidationError(
            "Pole „%(label)s”: „%(value)s” nie jest dozwolonym adresem. Wpisz pełny adres "
            "zaczynający się od: %(allowed)s.",
            code="unsafe_url",
            params={"label": self.label, "value": value, "allowed": allowed},
        )

    def __eq__(self, other):
        return (
            isinstance(other, SafeURLValidator)
            and self.label == other.label
            and self.schemes == other.schemes
        )
