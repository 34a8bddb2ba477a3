"""StreamField blocks of a procedure description.

Block names are part of the interchange format and the API: keep them stable.
Each repeating part of the template has one small StructBlock and one named StreamBlock
that an editor fills in. Parts that must never be silently empty ("Opłaty", "Umawianie
wizyty", "Formy składania dokumentów", "Tryb odwoławczy") offer an explicit
"brak"/"nie dotyczy" block beside the real content.
"""

import json

from django.conf import settings
from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from procedures import references
from procedures.validators import (
    STEP_COMMENT_MAX,
    STEP_NAME_MAX,
    WEB_URL_SCHEMES,
    MaxCharsValidator,
    SafeURLValidator,
    count_error,
    validate_nrb,
    validate_rich_text_size,
    validate_text_size,
)

RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


class LimitedCharBlock(blocks.CharBlock):
    """A one-line text with a character limit shown live to the editor.

    The limit is enforced on save with a message naming the field; the browser never cuts
    pasted text short, so nothing the editor typed is lost.
    """

    def __init__(self, limit, label, **kwargs):
        self.limit = limit
        super().__init__(label=label, validators=[MaxCharsValidator(label, limit)], **kwargs)
        self.field.widget.attrs["data-char-limit"] = str(limit)

    def deconstruct(self):
        path, args, kwargs = super().deconstruct()
        kwargs.pop("validators", None)
        label = kwargs.pop("label", None)
        return path, (self.limit, label), kwargs


class RememberedRecordsMixin:
    """Chosen records read through :func:`procedures.references.in_bulk`: fetched once during
    bulk jobs and API requests, from the database as usual everywhere else."""

    def bulk_to_python(self, values):
        objects = references.in_bulk(self.model_class, [v for v in values if v is not None])
        return [objects.get(value) if value is not None else None for value in values]

    def clean(self, value):
        """A choice must name an existing record. During a bulk job it is looked up through
        :func:`procedures.references.in_bulk`, once per record however many procedures
        choose it, and a missing one is refused with the chooser's own message; everywhere
        else as Wagtail checks it, with a query per choice."""
        if value is None or not references.remembering():
            return super().clean(value)
        pk = value.pk if isinstance(value, self.model_class) else value
        if not references.in_bulk(self.model_class, [pk]):
            raise ValidationError(
                self.field.error_messages["invalid_choice"], code="invalid_choice"
            )
        self.field.validate(value)
        self.field.run_validators(value)
        return value


class ReferenceChooserBlock(RememberedRecordsMixin, SnippetChooserBlock):
    """A snippet chooser whose records are fetched once during bulk jobs (see references)."""


class ReferenceDocumentChooserBlock(RememberedRecordsMixin, DocumentChooserBlock):
    """A document chooser whose documents are fetched once during bulk jobs (see references).

    Stored as Wagtail's ``DocumentChooserBlock`` stores it (a document id), so migrations
    name that block (``DECONSTRUCT_ALIASES``)."""


class SafeURLsStructBlock(blocks.StructBlock):
    """A StructBlock whose links are checked before anything else: only ``https://``,
    ``http://`` (and where a child allows them ``mailto:``, ``tel:``) addresses are kept.

    Subclasses say which children hold addresses in :meth:`url_children`. The message
    names the field, the admin form keeps what the editor typed, and an import report
    gets the path (``legal_basis[0].url``).
    """

    def url_children(self, value):
        """``(child name, allowed schemes)`` of the children holding an address."""
        return ()

    def clean(self, value):
        errors = {}
        for name, schemes in self.url_children(value):
            try:
                SafeURLValidator(self.child_blocks[name].label, schemes)(value.get(name))
            except ValidationError as error:
                errors[name] = error
        if errors:
            raise blocks.StructBlockValidationError(block_errors=errors)
        return super().clean(value)


class MarkerBlock(blocks.StaticBlock):
    """An explicit "brak" / "nie dotyczy" entry: says on purpose that there is nothing."""

    class Meta:
        icon = "minus"


def _size_errors(block, value):
    """Messages for the texts and lists inside one entry that are over their limits."""
    try:
        if isinstance(block, blocks.RichTextBlock):
            validate_rich_text_size(block.label, value.source if value else "")
        elif isinstance(block, blocks.FieldBlock) and isinstance(value, str):
            validate_text_size(block.label, value)
        elif isinstance(block, blocks.ListBlock):
            items = list(value or [])
            if len(items) > settings.PROCEDURE_MAX_LIST_ITEMS:
                raise count_error(block.label, len(items), settings.PROCEDURE_MAX_LIST_ITEMS)
            for item in items:
                yield from _size_errors(block.child_block, item)
        elif isinstance(block, blocks.StructBlock):
            for name, child in block.child_blocks.items():
                yield from _size_errors(child, value.get(name))
    except ValidationError as error:
        yield from error.messages


class LimitedStreamBlock(blocks.StreamBlock):
    """A StreamBlock whose size is capped by settings: ``PROCEDURE_MAX_ITEMS[limit_key]``
    entries, and texts and lists inside each entry (``PROCEDURE_MAX_TEXT_CHARS``,
    ``PROCEDURE_MAX_RICH_TEXT_CHARS``, ``PROCEDURE_MAX_LIST_ITEMS``).

    Over a limit the editor reads, above the field, which field and which entry; nothing
    typed is lost. Checked before the entries' own rules, so 10,000 entries fail at once.
    """

    limit_key = None
    #: The text of the button that adds an entry, e.g. "Dodaj etap" (in the accusative).
    add_label = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Read by procedures/js/stream-buttons.js: it writes the label on Wagtail's own
        # add button and offers the choices as buttons of their own while the field is empty.
        self.meta.form_attrs = {
            **(self.meta.form_attrs or {}),
            "data-controller": "procedure-stream",
            "data-procedure-stream-add-label-value": self.add_label or "Dodaj",
            "data-procedure-stream-choices-value": json.dumps(
                self.empty_choices(), ensure_ascii=False
            ),
        }

    def empty_choices(self):
        """``{"type", "label"}`` of the entries offered as buttons while the field is empty."""
        return []

    def clean(self, value):
        messages = list(self.size_errors(value))
        if messages:
            raise blocks.StreamBlockValidationError(non_block_errors=ValidationError(messages))
        return super().clean(value)

    def size_errors(self, value):
        label = self.meta.label
        limit = settings.PROCEDURE_MAX_ITEMS[self.limit_key]
        if len(value) > limit:
            yield from count_error(label, len(value), limit).messages
            return
        for position, child in enumerate(value):
            for message in _size_errors(child.block, child.value):
                yield f"Pole „{label}”, pozycja {position + 1}: {message[0].lower()}{message[1:]}"


class FilledOrNoneBlock(LimitedStreamBlock):
    """A part that is either filled in or explicitly marked as having nothing.

    Subclasses name their marker block in ``marker``. Empty is accepted while a draft is
    saved, and rejected on publish or import with a message that says what to do.
    """

    marker = None

    def empty_choices(self):
        # "Brak opłat", "Nie dotyczy": one click, not hidden in the add menu.
        return [{"type": self.marker, "label": str(self.child_blocks[self.marker].label)}]

    def clean(self, value):
        label = self.meta.label
        marker_label = self.child_blocks[self.marker].label
        names = [child.block_type for child in value]
        if self.marker in names and len(names) > 1:
            raise blocks.StreamBlockValidationError(
                non_block_errors=ValidationError(
                    f"Pole „{label}”: „{marker_label}” nie może występować razem z innymi "
                    "wpisami. Usuń jedno albo drugie."
                )
            )
        value = super().clean(value)
        if not names and not self.is_deferred_validation:
            raise blocks.StreamBlockValidationError(
                non_block_errors=ValidationError(
                    f"Pole „{label}” nie może zostać puste: uzupełnij je albo wybierz "
                    f"„{marker_label}”."
                )
            )
        return value

    def is_marked_none(self, value):
        """True when the editor chose the explicit "brak" / "nie dotyczy"."""
        return any(child.block_type == self.marker for child in value)


# --- Najważniejsze etapy realizacji procedury --------------------------------------------


class StepBlock(blocks.StructBlock):
    """One step of the procedure, shown numbered; "@" when it can be done online."""

    name = LimitedCharBlock(STEP_NAME_MAX, "Nazwa etapu", help_text="Najwyżej 40 znaków.")
    comment = LimitedCharBlock(
        STEP_COMMENT_MAX,
        "Komentarz",
        required=False,
        help_text="Najwyżej 75 znaków ze spacjami.",
    )
    electronic = blocks.BooleanBlock(
        label="@ – etap możliwy do załatwienia bez wizyty w urzędzie", required=False
    )

    class Meta:
        icon = "list-ol"
        label = "Etap"
        template = "procedures/blocks/step.html"
        form_classname = "struct-block procedure-step"


class StepsBlock(LimitedStreamBlock):
    limit_key = "steps"
    add_label = "Dodaj etap"
    step = StepBlock()

    class Meta:
        label = "Najważniejsze etapy realizacji procedury"


# --- Miejsce i umawianie wizyty -------------------------------------------------------------


class PlacesBlock(LimitedStreamBlock):
    limit_key = "places"
    add_label = "Dodaj miejsce"
    office = ReferenceChooserBlock(
        "procedures.Office",
        label="Miejsce",
        help_text="Wybierz miejsce z listy; nowe miejsca dodaje się w „Miejsca załatwienia”.",
    )


class AppointmentMethodBlock(SafeURLsStructBlock):
    """One way to book a visit; a "link" must be a web address (never ``javascript:``)."""

    kind = blocks.ChoiceBlock(
        label="Sposób",
        choices=[
            ("phone", "telefonicznie"),
            ("email", "pocztą elektroniczną"),
            ("url", "przez system rezerwacji (link)"),
            ("other", "inny"),
        ],
    )
    value = blocks.CharBlock(label="Numer, adres lub link")
    note = blocks.CharBlock(label="Uwagi", required=False)

    def url_children(self, value):
        return [("value", WEB_URL_SCHEMES)] if value.get("kind") == "url" else []

    class Meta:
        icon = "calendar"
        label = "Sposób umówienia wizyty"
        template = "procedures/blocks/appointment_method.html"


class BookingBlock(blocks.StructBlock):
    required = blocks.BooleanBlock(
        label="Umówienie wizyty jest konieczne do załatwienia sprawy", required=False
    )
    methods = blocks.ListBlock(AppointmentMethodBlock(), label="Sposoby umówienia", min_num=1)

    class Meta:
        icon = "calendar"
        label = "Umawianie wizyty"
        template = "procedures/blocks/booking.html"


class AppointmentBlock(FilledOrNoneBlock):
    limit_key = "appointment"
    add_label = "Dodaj sposób umawiania wizyty"
    marker = "not_applicable"

    booking = BookingBlock()
    not_applicable = MarkerBlock(label="Nie dotyczy", admin_text="Umawianie wizyty: nie dotyczy.")

    class Meta:
        label = "Umawianie/rezerwacja wizyty"
        max_num = 1


# --- Opłaty ------------------------------------------------------------------------------


class FeeBlock(blocks.StructBlock):
    """A fee with its amount in PLN and the account it is paid to."""

    type = blocks.CharBlock(
        label="Rodzaj opłaty",
        help_text="Np. opłata skarbowa za wydanie zaświadczenia, opłata za pełnomocnictwo.",
    )
    # Grosze, but no cap on the amount: the template sets none.
    amount = blocks.DecimalBlock(label="Kwota (zł)", min_value=0, decimal_places=2)
    account = blocks.CharBlock(
        label="Numer rachunku",
        help_text="26 cyfr (NRB), np. 50 1240 1037 1111 0011 0925 0073.",
        validators=[validate_nrb],
    )
    remarks = blocks.TextBlock(label="Uwagi", required=False)

    class Meta:
        icon = "form"
        label = "Opłata"
        template = "procedures/blocks/fee.html"


class FeesBlock(FilledOrNoneBlock):
    limit_key = "fees"
    add_label = "Dodaj opłatę"
    marker = "none"

    fee = FeeBlock()
    none = MarkerBlock(label="Brak opłat", admin_text="Sprawa nie wymaga opłat.")

    class Meta:
        label = "Opłaty"


# --- Dokumenty --------------------------------------------------------------------------------


CHANNEL_KINDS = [
    ("post", "listownie"),
    ("in_person", "osobiście"),
    ("email", "pocztą elektroniczną"),
    ("phone", "telefonicznie"),
    ("electronic", "elektronicznie"),
]


class SubmissionChannelBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(label="Forma", choices=CHANNEL_KINDS)
    details = blocks.TextBlock(
        label="Szczegóły", required=False, help_text="Adres, pokój, e-mail, telefon."
    )
    platforms = blocks.ListBlock(
        ReferenceChooserBlock("procedures.EFormPlatform"),
        label="Platformy (dla formy elektronicznej)",
        default=[],
    )

    class Meta:
        icon = "mail"
        label = "Forma składania dokumentów"
        template = "procedures/blocks/submission_channel.html"


class SubmissionChannelsBlock(FilledOrNoneBlock):
    limit_key = "submission_channels"
    add_label = "Dodaj formę składania dokumentów"
    marker = "not_applicable"

    channel = SubmissionChannelBlock()
    not_applicable = MarkerBlock(
        label="Nie dotyczy", admin_text="Składanie dokumentów: nie dotyczy."
    )

    class Meta:
        label = "Formy i miejsce składania dokumentów"


class EFormLinkBlock(SafeURLsStructBlock):
    platform = ReferenceChooserBlock("procedures.EFormPlatform", label="Platforma")
    url = blocks.URLBlock(label="Adres e-formularza", required=False)

    def url_children(self, value):
        return [("url", WEB_URL_SCHEMES)]

    class Meta:
        icon = "link"
        label = "E-formularz"


class DocumentBlock(blocks.StructBlock):
    """A required document: its name, the file or blank form, a filled-in sample, e-forms."""

    name = blocks.CharBlock(label="Nazwa dokumentu")
    file = ReferenceDocumentChooserBlock(label="Plik / formularz", required=False)
    sample_file = ReferenceDocumentChooserBlock(label="Wzór wypełnienia", required=False)
    eforms = blocks.ListBlock(EFormLinkBlock(), label="E-formularze", default=[])

    class Meta:
        icon = "doc-full"
        label = "Dokument"
        template = "procedures/blocks/document.html"


class RequiredDocumentsBlock(LimitedStreamBlock):
    limit_key = "required_documents"
    add_label = "Dodaj dokument"
    to_submit = DocumentBlock(label="Dokument do złożenia", icon="upload")
    to_inspect = DocumentBlock(label="Dokument do wglądu", icon="view")

    class Meta:
        label = "Wymagane dokumenty"


class OtherDocumentBlock(blocks.StructBlock):
    name = blocks.CharBlock(label="Nazwa")
    file = ReferenceDocumentChooserBlock(label="Plik", required=False)

    class Meta:
        icon = "doc-empty"
        label = "Dokument"
        template = "procedures/blocks/other_document.html"


class OtherDocumentsBlock(LimitedStreamBlock):
    limit_key = "other_documents"
    add_label = "Dodaj dokument"
    document = OtherDocumentBlock()

    class Meta:
        label = "Pozostałe dokumenty"


# --- Podstawa prawna i tryb odwoławczy -------------------------------------------------------


class LegalActBlock(SafeURLsStructBlock):
    kind = ReferenceChooserBlock("procedures.LegalActKind", label="Rodzaj aktu", required=False)
    title = blocks.CharBlock(
        label="Tytuł aktu",
        help_text="Np. Ustawa z dnia 6 sierpnia 2010 r. o dowodach osobistych (Dz. U. …).",
    )
    url = blocks.URLBlock(label="Link do aktu", required=False)

    def url_children(self, value):
        return [("url", WEB_URL_SCHEMES)]

    class Meta:
        icon = "doc-full-inverse"
        label = "Akt prawny"
        template = "procedures/blocks/legal_act.html"


class LegalBasisBlock(LimitedStreamBlock):
    limit_key = "legal_basis"
    add_label = "Dodaj akt prawny"
    act = LegalActBlock()

    class Meta:
        label = "Podstawa prawna"


class AppealBlock(FilledOrNoneBlock):
    limit_key = "appeal"
    add_label = "Dodaj tryb odwoławczy"
    marker = "none"

    text = blocks.RichTextBlock(label="Tryb odwoławczy", features=RICH_TEXT_FEATURES)
    none = MarkerBlock(label="Brak", admin_text="Od rozstrzygnięcia nie przysługuje odwołanie.")

    class Meta:
        label = "Tryb odwoławczy"
        max_num = 1


# --- Informacje dla pracownika Oddziału Call Center (restricted) --------------------------


class CcContactsBlock(LimitedStreamBlock):
    limit_key = "cc_contacts"
    add_label = "Dodaj pracownika"
    employee = ReferenceChooserBlock("procedures.Employee", label="Pracownik")

    class Meta:
        label = "Telefony do pracowników jednostki/komórki"


class FaqItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label="Pytanie")
    answer = blocks.RichTextBlock(label="Odpowiedź", features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = "Pytanie i odpowiedź"


class FaqBlock(LimitedStreamBlock):
    limit_key = "faq"
    add_label = "Dodaj pytanie"
    item = FaqItemBlock()

    class Meta:
        label = "Najczęściej zadawane pytania"


def iter_block_errors(error, path=""):
    """Flatten a block validation error into ``(path, message)`` pairs.

    Paths use the interchange format's style, ``steps[2].comment`` (0-based positions, as in
    the JSON file), so the same message serves the admin and an import report.
    """
    block_errors = getattr(error, "block_errors", None)
    non_block_errors = getattr(error, "non_block_errors", None)
    if block_errors is None and non_block_errors is None:
        for message in error.messages:
            yield path, message
        return
    for item in non_block_errors or []:
        for message in item.messages if isinstance(item, ValidationError) else [item]:
            yield path, message
    items = block_errors.items() if isinstance(block_errors, dict) else enumerate(block_errors)
    for key, child in items:
        if child is None:
            continue
        child_path = f"{path}[{key}]" if isinstance(key, int) else f"{path}.{key}"
        yield from iter_block_errors(child, child_path)


#: Blocks that store what a Wagtail block stores, named as that block in migrations.
DECONSTRUCT_ALIASES = {
    ReferenceDocumentChooserBlock: "wagtail.documents.blocks.DocumentChooserBlock",
}
