"""The fields of a procedure, one row per key: who may see it, how it is searched, how it
is exchanged, whether it is required.

Every key of the interchange format (``procedure.schema.json``) has exactly one
:class:`Field` in :data:`FIELDS`, in the template's order: the 33 fields of
``shared/spec/procedure-template.md`` and, beside them, the procedure's ``code`` and its
``categories``. Every list of keys elsewhere is read from this table:

* :data:`procedures.public.PUBLIC_FIELDS` and ``RESTRICTED_FIELDS`` — what residents, BIP,
  the public search and the OpenAPI schema may see (``public``); restricted by default,
  so a row added without ``public=True`` never reaches a public output;
* :data:`procedures.public.SEARCH_WEIGHTS`, Wagtail's ``search_fields`` and the staff
  entries' weights in :mod:`search.indexing` (``weight``, ``boost``);
* ``KEYS`` and ``MODEL_FIELD_TO_KEY`` of :mod:`procedures.interchange.mapping`
  (``interchange``, ``attribute``, ``parts``);
* :data:`procedures.stages.REQUIRED_FIELDS` (``required``).

Labels are not repeated here: the model field's ``verbose_name`` is the label
(:attr:`Field.label`); a relation's heading is its panel's.
"""

from dataclasses import dataclass, field
from enum import StrEnum

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist


class Interchange(StrEnum):
    """How a key is written to and read from the interchange format."""

    #: The model's value as it is (a required string).
    VALUE = "value"
    #: tak/nie: ``true`` or ``false``.
    FLAG = "flag"
    #: Optional plain text: ``null`` when empty.
    TEXT = "text"
    #: HTML cleaned to the field's rich-text features, or plain text made paragraphs.
    RICH_TEXT = "rich_text"
    #: ``RRRR-MM-DD``.
    DATE = "date"
    #: ISO 8601 with the offset, stored to the minute.
    DATETIME = "datetime"
    #: Names from a managed vocabulary, added to it when missing.
    TERMS = "terms"
    #: One employee (name, e-mail, phone), matched by name, added when missing.
    PERSON = "person"
    #: Jednostka and Komórka: matched by name together, loaded before every other key.
    ORGANISATION = "organisation"
    #: A structure of its own (a stream, a list of related records, a compound value):
    #: the mapping has a converter for this key.
    STRUCTURE = "structure"


@dataclass(frozen=True)
class Field:
    """One key of a procedure.

    ``attribute`` is the model attribute holding the key (the key itself unless given);
    a key held by several model fields names them in ``parts`` instead (part → field).
    ``weight`` ranks the key's text in the search entries (A outranks B, … D; a mapping of
    part → weight for a key whose parts rank differently): a public key's in the entries
    for residents and for staff, a restricted key's in the staff entry only. ``boost``
    puts a public key's text in Wagtail's ``search_fields`` with that boost.
    """

    key: str
    interchange: Interchange
    public: bool = False
    attribute: str = ""
    parts: dict = field(default_factory=dict)
    weight: str | dict | None = None
    boost: float | None = None
    #: Required before the procedure is submitted (or, for a restricted key, approved).
    required: bool = False

    def __post_init__(self):
        if not self.attribute and not self.parts:
            object.__setattr__(self, "attribute", self.key)

    @property
    def model_fields(self):
        """Names of the model attributes holding the key."""
        return list(self.parts.values()) if self.parts else [self.attribute]

    @property
    def weights(self):
        """``(part or None, weight)`` pairs of the key's searched text."""
        if isinstance(self.weight, dict):
            return list(self.weight.items())
        return [(None, self.weight)] if self.weight else []

    @property
    def label(self):
        """The Polish label of the key's model field, or None for a relation or a
        derived value (their headings are their panels')."""
        page_class = apps.get_model("procedures", "ProcedurePage")
        try:
            model_field = page_class._meta.get_field(self.model_fields[0])
        except FieldDoesNotExist:
            return None
        return str(getattr(model_field, "verbose_name", "")) or None


#: One row per key, in the template's order (``code`` and ``categories`` beside it).
FIELDS = (
    Field("code", Interchange.VALUE, public=True, weight="A", boost=5, required=True),
    # 1–6: Procedura. The title is Page's own: indexed and required by Wagtail.
    Field("title", Interchange.VALUE, public=True, weight="A"),
    Field("is_internal", Interchange.FLAG),
    Field("categories", Interchange.TERMS, public=True, weight="B"),
    # Only public procedures are linked in public outputs (procedures.public).
    Field("related_procedures", Interchange.STRUCTURE, public=True),
    # The values are staff-only; their effect (scheduled go-live, expiry) is public.
    Field("valid_from", Interchange.DATETIME, attribute="go_live_at"),
    Field("valid_to", Interchange.DATETIME, attribute="expire_at"),
    Field("information_date", Interchange.DATE, public=True),
    # 7–10: Skrócony opis procedury
    Field("summary", Interchange.VALUE, public=True, weight="B", boost=2, required=True),
    Field("steps", Interchange.STRUCTURE, public=True, weight="C", boost=1),
    Field("electronic_actions", Interchange.TERMS, public=True, weight="D"),
    Field("useful_info", Interchange.TERMS, public=True, weight="D"),
    # 11–12: Szczegółowy opis procedury
    Field("how_to", Interchange.RICH_TEXT, public=True, weight="C", boost=1, required=True),
    Field("additional_info", Interchange.RICH_TEXT, public=True, weight="D", boost=1),
    # 13–15: Termin i miejsce załatwienia sprawy. Wagtail indexes the descriptive part.
    Field(
        "processing_time",
        Interchange.STRUCTURE,
        public=True,
        parts={
            "value": "processing_time_value",
            "unit": "processing_time_unit",
            "description": "processing_time_description",
        },
        weight="D",
        boost=1,
    ),
    Field("places", Interchange.STRUCTURE, public=True, weight="D"),
    Field("appointment", Interchange.STRUCTURE, public=True),
    # 16: Opłaty
    Field("fees", Interchange.STRUCTURE, public=True, weight="D"),
    # 17–20: Dokumenty
    Field("submission_channels", Interchange.STRUCTURE, public=True, weight="D"),
    Field("submission_deadline", Interchange.TEXT, public=True, weight="D", boost=1),
    Field("required_documents", Interchange.STRUCTURE, public=True, weight="C", boost=1),
    Field("other_documents", Interchange.STRUCTURE, public=True, weight="D"),
    # 21–24: Informacje dla pracownika Oddziału Call Center (all restricted). FAQ questions
    # rank with the summary: agents often find a procedure by the caller's question.
    Field("cc_contacts", Interchange.STRUCTURE, weight="D"),
    Field("cc_description", Interchange.RICH_TEXT, weight="C"),
    Field("faq", Interchange.STRUCTURE, weight={"question": "B", "answer": "C"}),
    Field("cc_other", Interchange.TEXT, weight="C"),
    # 25–27: Podstawa prawna
    Field("legal_basis", Interchange.STRUCTURE, public=True, weight="D", boost=1),
    Field("appeal", Interchange.STRUCTURE, public=True, weight="D"),
    Field("reuse_conditions", Interchange.TEXT, public=True),
    # 28–33: Realizator. Page.owner (the creating user) already takes "owner".
    Field("owner", Interchange.PERSON, attribute="procedure_owner", required=True),
    Field("information_authors", Interchange.STRUCTURE, public=True, required=True),
    Field("coordinator", Interchange.PERSON, required=True),
    # The unit is the department's (ProcedurePage.unit); only the department is stored.
    Field("unit", Interchange.ORGANISATION, public=True, weight="D"),
    Field("department", Interchange.ORGANISATION, public=True, weight="D", required=True),
    Field("handled_in_ezd", Interchange.FLAG),
)

#: The row of each key.
FIELDS_BY_KEY = {row.key: row for row in FIELDS}
