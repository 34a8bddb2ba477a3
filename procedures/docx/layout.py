"""The Word form of a procedure: the template's sections and labels in its order, how each
key of the interchange format is written, and the tables' columns.

One declaration serves the writer (:mod:`procedures.docx.writer`), which lays a procedure
out as the order's template, and the reader (:mod:`procedures.docx.reader`), which finds
each field by its label, wherever it is. The restricted keys (``*``) of
:data:`procedures.public.RESTRICTED_FIELDS` are gathered in the Call Center section, which
only staff who may read them receive.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from procedures.public import RESTRICTED_FIELDS

from .guidance import GUIDANCE

TITLE = "Wzór opisu procedury"
CALL_CENTER_SECTION = "Informacje dla pracownika Oddziału Call Center"
CALL_CENTER_NOTE = (
    "Sekcja tylko dla Call Center: pola oznaczone * nie są publikowane na portalu ani w BIP. "
    "Nie przekazuj tej części osobom bez uprawnień."
)
#: Sub-headings of "Wymagane dokumenty".
TO_SUBMIT, TO_INSPECT = "Do złożenia", "Do wglądu"
#: The line above the booking table.
BOOKING_REQUIRED = "Umówienie wizyty jest konieczne"
COMMENT = "komentarz"


@dataclass(frozen=True)
class Table:
    """Columns of a table: ``(part of the format's object, header)``."""

    columns: tuple

    @property
    def headers(self):
        return [header for _part, header in self.columns]


@dataclass(frozen=True)
class Slot:
    """One field of the form: its key, the template's label, how its value is written."""

    key: str
    label: str
    kind: str
    table: Table | None = None
    #: Other ways people write the label (the model's name, a typo of the template's).
    aliases: tuple = ()

    @property
    def restricted(self):
        return self.key in RESTRICTED_FIELDS

    @property
    def guidance(self):
        return GUIDANCE.get(self.key, ())


@dataclass(frozen=True)
class Section:
    title: str
    slots: tuple = field(default_factory=tuple)

    @property
    def guidance(self):
        return GUIDANCE.get(f"section:{self.title}", ())


PERSON = Table((("name", "Imię i nazwisko"), ("email", "E-mail"), ("phone", "Telefon")))
DOCUMENT = Table(
    (
        ("name", "Nazwa dokumentu"),
        ("file", "Plik"),
        ("sample_file", "Przykładowo wypełniony"),
        ("eforms", "Formularze elektroniczne"),
    )
)

_SLOTS = (
    Slot("code", "Kod procedury", "text"),
    Slot("title", "Nazwa procedury", "text"),
    Slot("is_internal", "Procedura wewnętrzna* (tak/nie)", "flag"),
    Slot("related_procedures", "Powiązane procedury (nazwa procedury/procedur)", "related"),
    Slot("valid_from", "Obowiązuje od*", "datetime"),
    Slot("valid_to", "Obowiązuje do*", "datetime"),
    Slot("information_date", "Data wytworzenia informacji", "date"),
    Slot("categories", "Kategorie", "terms"),
    Slot("summary", "Skrócony opis sprawy", "text"),
    Slot("steps", "Najważniejsze etapy realizacji procedury", "steps"),
    Slot("electronic_actions", "Czynności możliwe do załatwienia drogą elektroniczną", "terms"),
    Slot("useful_info", "Przydatne informacje", "terms"),
    Slot("how_to", "Sposób załatwienia sprawy", "rich"),
    Slot("additional_info", "Informacje uzupełniające (dodatkowe)", "rich"),
    Slot("processing_time", "Termin realizacji", "processing_time"),
    Slot(
        "places",
        "Miejsce załatwienia",
        "table",
        Table(
            (
                ("name", "Jednostka lub komórka"),
                ("address", "Adres"),
                ("details", "Piętro, pokój, godziny"),
                ("phones", "Telefony"),
            )
        ),
    ),
    Slot(
        "appointment",
        "Umawianie/rezerwacja wizyty",
        "appointment",
        Table((("kind", "Sposób"), ("value", "Numer, adres lub link"), ("note", "Uwagi"))),
    ),
    Slot(
        "fees",
        "Opłaty",
        "fees",
        Table(
            (
                ("type", "Rodzaj opłaty"),
                ("amount", "Kwota (zł)"),
                ("account", "Numer rachunku"),
                ("remarks", "Uwagi"),
            )
        ),
    ),
    Slot(
        "submission_channels",
        "Formy i miejsce składania dokumentów",
        "channels",
        Table(
            (
                ("kind", "Forma"),
                ("details", "Adresy, pokoje, e-maile, telefony"),
                ("platforms", "Platformy"),
            )
        ),
    ),
    Slot("submission_deadline", "Termin składania dokumentów", "text"),
    Slot(
        "required_documents",
        "Wymagane dokumenty (nazwa, szablon dokumentu, formularz)",
        "documents",
        DOCUMENT,
    ),
    Slot(
        "other_documents",
        "Pozostałe dokumenty",
        "table",
        Table((("name", "Nazwa dokumentu"), ("file", "Plik"))),
    ),
    Slot(
        "cc_contacts",
        "Telefony do pracowników jednostki/komórki*",
        "table",
        Table((("name", "Imię i nazwisko"), ("phone", "Telefon"))),
    ),
    Slot("cc_description", "Opis*", "rich"),
    Slot(
        "faq",
        "Najczęściej zadawane pytania*",
        "table",
        Table((("question", "Pytanie"), ("answer", "Odpowiedź"))),
    ),
    Slot("cc_other", "Inne*", "text"),
    Slot(
        "legal_basis",
        "Podstawa prawna",
        "table",
        Table((("kind", "Rodzaj aktu"), ("title", "Tytuł"), ("url", "Adres internetowy"))),
    ),
    Slot("appeal", "Tryb odwoławczy", "appeal"),
    Slot("reuse_conditions", "Warunki ponownego wykorzystywania informacji publicznej", "text"),
    Slot("owner", "Właściciel*", "person", PERSON),
    Slot(
        "information_authors",
        "Osoba, która wytworzyła informację lub osoba, która odpowiada za treść informacji",
        "table",
        PERSON,
        aliases=("Autorzy informacji",),
    ),
    Slot("coordinator", "Koordynator*", "person", PERSON, aliases=("Koordinator",)),
    Slot("unit", "Jednostka", "text"),
    Slot("department", "Komórka", "text"),
    Slot(
        "handled_in_ezd",
        "Procedura prowadzona w systemie do elektronicznego zarządzania dokumentacją* (tak/nie)",
        "flag",
        aliases=("EZD",),
    ),
)

SLOTS = {slot.key: slot for slot in _SLOTS}


def _section(title, keys):
    return Section(title, tuple(SLOTS[key] for key in keys))


#: The template's sections in its order; the restricted keys all in the Call Center one.
SECTIONS = (
    _section(
        "Procedura",
        ["code", "title", "related_procedures", "information_date", "categories"],
    ),
    _section("Skrócony opis procedury", ["summary", "steps", "electronic_actions", "useful_info"]),
    _section("Szczegółowy opis procedury", ["how_to", "additional_info"]),
    _section("Termin i miejsce załatwienia sprawy", ["processing_time", "places", "appointment"]),
    _section("Opłaty", ["fees"]),
    _section(
        "Dokumenty",
        ["submission_channels", "submission_deadline", "required_documents", "other_documents"],
    ),
    _section(
        CALL_CENTER_SECTION,
        [
            "is_internal",
            "valid_from",
            "valid_to",
            "cc_contacts",
            "cc_description",
            "faq",
            "cc_other",
            "owner",
            "coordinator",
            "handled_in_ezd",
        ],
    ),
    _section("Podstawa prawna", ["legal_basis", "appeal", "reuse_conditions"]),
    _section("Realizator", ["information_authors", "unit", "department"]),
)

#: Choices written in Polish: the format's value → the word in the form.
APPOINTMENT_KINDS = {
    "phone": "telefonicznie",
    "email": "pocztą elektroniczną",
    "url": "przez internet",
    "other": "inaczej",
}
CHANNEL_KINDS = {
    "post": "listownie",
    "in_person": "osobiście",
    "email": "pocztą elektroniczną",
    "phone": "telefonicznie",
    "electronic": "elektronicznie",
}
#: Other words people use for them.
KIND_SYNONYMS = {
    "telefon": "phone",
    "tel": "phone",
    "e-mail": "email",
    "email": "email",
    "mail": "email",
    "link": "url",
    "strona": "url",
    "strona internetowa": "url",
    "internet": "url",
    "internetowo": "url",
    "poczta": "post",
    "pocztą": "post",
    "pocztą tradycyjną": "post",
    "osobiście w urzędzie": "in_person",
    "e-mailem": "email",
    "elektronicznie (epuap)": "electronic",
    "inne": "other",
}


def normalised(text):
    """A label or a word as compared: lower case, one space, no ``*``, no colon at the end,
    no parenthesised remark, no bold markers."""
    text = unicodedata.normalize("NFC", text or "").replace("*", " ")
    text = re.sub(r"\([^)]*\)", " ", text)
    text = re.sub(r"\s+", " ", text).strip().strip(":").strip()
    return text.lower()


#: Normalised label → key, for the reader.
LABELS = {}
for _slot in _SLOTS:
    for _label in (_slot.label, *_slot.aliases):
        LABELS[normalised(_label)] = _slot.key

SECTION_TITLES = {normalised(section.title) for section in SECTIONS} | {
    normalised(TITLE),
    "dane techniczne",
}


def label_of(key):
    """The template's label of ``key`` (without ``*`` remarks), for messages."""
    slot = SLOTS.get(key)
    return slot.label.split(" (")[0] if slot else key
