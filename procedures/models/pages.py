"""The procedure description page, field by field as in Order No. 734/2023.

Sections and labels follow ``shared/spec/procedure-template.md``. Fields marked ``*`` in
the template sit on the "Call Center i pola zastrzeżone" tab, each behind a permission, so
an editor without it neither sees nor wipes them. What residents and BIP may see is
declared once, in :mod:`procedures.public`.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.forms.formsets import DELETION_FIELD_NAME
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
    TitleFieldPanel,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager, PageQuerySet, PageViewRestriction
from wagtail.url_routing import RouteResult

from procedures import blocks, change_notes
from procedures.comments import RestrictedCommentPanel
from procedures.copying import ProcedureCopyForm
from procedures.dates import to_the_minute
from procedures.models.permissions import ProcedurePermissionTester, editable_departments
from procedures.models.requests import UpdateRequest
from procedures.panels import EntriesPanel, SectionPanel
from procedures.public import PublicProcedure, public_search_fields
from procedures.reading import CC_OTHER_PERMISSION, RESTRICTED_PERMISSION
from procedures.restricted import keep_restricted_values
from procedures.stages import (
    INFORMATION_AUTHORS_LABEL,
    Stage,
    field_label,
    missing_fields,
    stage_of_action,
)
from procedures.text import slugify_pl
from procedures.validators import (
    SUMMARY_MAX,
    TITLE_MAX,
    MaxCharsValidator,
    validate_procedure_code,
    validate_rich_text_size,
    validate_text_size,
)
from procedures.widgets import FilterableCheckboxSelectMultiple

from .vocabularies import ElectronicAction, UsefulInfo

RICH_TEXT_FEATURES = blocks.RICH_TEXT_FEATURES


class ProcedureQuerySet(PageQuerySet):
    def public(self, at=None):
        """Procedures a resident or BIP may see at ``at`` (default: now).

        Live, not internal, and inside "Obowiązuje od/do" at that very moment, whatever
        the scheduler has or has not done yet.
        """
        at = at or timezone.now()
        return (
            self.live()
            .filter(is_internal=False)
            .filter(models.Q(go_live_at__isnull=True) | models.Q(go_live_at__lte=at))
            .filter(models.Q(expire_at__isnull=True) | models.Q(expire_at__gt=at))
        )


ProcedureManager = PageManager.from_queryset(ProcedureQuerySet)


class ProcedurePageForm(WagtailAdminPageForm):
    """The editor's form: live character counters on the limited fields, and the rules of
    the stage the posted button asks for (``procedures.stages``), each missing field named
    in Polish; publishing a change of public content asks for its note
    (``procedures.change_notes``). ``stage`` says which stage the last validation applied."""

    char_limits = {
        "title": TITLE_MAX,
        "summary": SUMMARY_MAX,
        change_notes.NOTE_FIELD: change_notes.NOTE_MAX,
    }
    stage = Stage.DRAFT

    def full_clean(self):
        if self.is_bound:
            self.stage = stage_of_action(self.data, self.is_deferred_validation)
            self._slug_from_title()
        # save_revision() validates the page again after the form: with the same stage.
        self.instance.validation_stage = self.stage
        if "information_authors" in self.formsets:
            # An untouched author row is no author, not an error: the stage rule says
            # whether one is needed, in words naming the field.
            formset = self.formsets["information_authors"]
            formset.validate_min = False
            for form in formset.forms[formset.initial_form_count() :]:
                if not form["employee"].data:
                    form.data = form.data.copy()
                    form.data[form.add_prefix(DELETION_FIELD_NAME)] = "on"
        super().full_clean()

    def _slug_from_title(self):
        # The browser copies the title into the slug a moment after typing stops; a form
        # sent sooner (or without JavaScript) gets the same readable ASCII slug here
        # instead of "To pole jest wymagane." on the "Promocja" tab.
        slug, title = self.add_prefix("slug"), self.add_prefix("title")
        if "slug" in self.fields and not self.data.get(slug) and self.data.get(title):
            self.data = self.data.copy()
            self.data[slug] = slugify_pl(self.data[title])

    def _update_errors(self, errors):
        # The model's rules may concern a field this user's form does not show (a restricted
        # one): say so above the form instead of failing.
        if hasattr(errors, "error_dict"):
            for name in [n for n in errors.error_dict if n != "__all__" and n not in self.fields]:
                label = field_label(self._meta.model, name)
                messages = errors.error_dict.pop(name)
                errors.error_dict.setdefault("__all__", []).extend(
                    ValidationError(
                        m if label in m else f"„{label}”: {m}"
                        for error in messages
                        for m in error.messages
                    ).error_list
                )
        super()._update_errors(errors)

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        # Wagtail builds the editor's form as a subclass with its draft-state mixin first,
        # whose toggle for the scheduling dialog ("Ustaw plan", "Zmień plan") shows whenever
        # go_live_at is a field. "Obowiązuje od/do" are fields of the "Procedura" section
        # here, and there is no such dialog: the toggle would open nothing.
        cls.show_schedule_publishing_toggle = False

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("information_authors")
        if formset is not None:
            authors = [
                form
                for form in formset.forms
                if form.is_valid()
                and form.cleaned_data.get("employee")
                and not form.cleaned_data.get("DELETE")
            ]
            missing = missing_fields(
                self.instance, self.stage, {"information_authors": len(authors)}
            )
            if "information_authors" in missing:
                self.add_error(None, missing["information_authors"])
        now = timezone.now()
        go_live_at = cleaned_data.get("go_live_at")
        # The form shows minutes: the current minute is not "in the past".
        if go_live_at and "go_live_at" in self.changed_data and go_live_at < to_the_minute(now):
            self.add_error(
                "go_live_at",
                "Data „Obowiązuje od” jest już w przeszłości. Podaj przyszłą datę albo zostaw "
                "pole puste – wtedy procedura obowiązuje od opublikowania.",
            )
        return cleaned_data

    def _post_clean(self):
        # The form's BlockFields have validated the streams already, deferring what a draft
        # may leave empty; the model must not validate them again without that deferral.
        self.instance.streams_validated = True
        super()._post_clean()
        if (
            self.stage >= Stage.APPROVE
            and change_notes.NOTE_FIELD in self.fields
            and not self.errors
            and change_notes.needs_note(
                type(self.instance),
                change_notes.live_content(self.instance),
                self._posted_version(),
            )
        ):
            self.add_error(change_notes.NOTE_FIELD, change_notes.NOTE_REQUIRED)

    def _posted_version(self):
        """The version being published, serialised: the instance as the form set it, with
        the rows of its inline formsets (saved only after validation)."""
        data = self.instance.serializable_data()
        for name, formset in self.formsets.items():
            rows = []
            for form in formset.forms:
                cleaned = getattr(form, "cleaned_data", None) or {}
                if not cleaned or cleaned.get("DELETE"):
                    continue
                rows.append(
                    (
                        cleaned.get("ORDER") or 0,
                        {
                            key: getattr(value, "pk", value)
                            for key, value in cleaned.items()
                            if key not in ("id", "DELETE", "ORDER")
                        },
                    )
                )
            data[name] = [row for _, row in sorted(rows, key=lambda pair: pair[0])]
        return data

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if "department" in self.fields and user is not None:
            # An editor files procedures only under the departments they write for.
            departments = editable_departments(user)
            self.fields["department"].queryset = departments
            names = ", ".join(f"„{d.name}”" for d in departments[:10]) or "żadnej"
            self.fields["department"].error_messages["invalid_choice"] = (
                "Pole „Komórka”: możesz dodawać procedury tylko komórek, których jesteś "
                f"redaktorem ({names}). Wybierz jedną z nich albo poproś Oddział ds. Procedur "
                "o dodanie do redaktorów tej komórki."
            )
        for name, limit in self.char_limits.items():
            if name in self.fields:
                widget = self.fields[name].widget
                widget.attrs["data-char-limit"] = str(limit)
                widget.attrs.pop("maxlength", None)
        if not self.is_bound and self.instance.pk and not self.instance.has_unpublished_changes:
            # The latest version is the published one: its note is history, not this one's.
            self.initial[change_notes.NOTE_FIELD] = ""
            self.initial[change_notes.MINOR_FIELD] = False


class ProcedurePage(Page):
    """One procedure description: what residents read, BIP republishes and agents consult."""

    # --- Procedura -----------------------------------------------------------------------
    code = models.CharField(
        "Kod procedury",
        max_length=12,
        unique=True,
        # Optional in a draft (procedures.stages); NULL so that drafts without one coexist.
        null=True,
        blank=True,
        validators=[validate_procedure_code],
        help_text="Stały identyfikator procedury, np. KA-01147. Nie zmienia się między "
        "wersjami; pod nim procedurę znajdzie BIP i portal (/procedura/KA-01147/).",
    )
    is_internal = models.BooleanField(
        "Procedura wewnętrzna",
        default=False,
        help_text="Procedura tylko dla pracowników: nie pojawi się na portalu, w BIP, "
        "w wyszukiwarce ani jako procedura powiązana.",
    )
    information_date = models.DateField(
        "Data wytworzenia informacji",
        null=True,
        blank=True,
        help_text="Gdy puste, przyjmuje się datę wniosku o aktualizację, z którego "
        "powstała ta wersja.",
    )
    categories = ParentalManyToManyField(
        "procedures.Category", blank=True, related_name="procedures", verbose_name="Kategorie"
    )

    # --- Skrócony opis procedury ------------------------------------------------------------
    summary = models.TextField(
        "Skrócony opis sprawy",
        blank=True,  # required from submitting on (procedures.stages)
        validators=[MaxCharsValidator("Skrócony opis sprawy", SUMMARY_MAX)],
        help_text="Najważniejsze informacje o sprawie prostym językiem; najwyżej 650 znaków "
        "ze spacjami.",
    )
    steps = StreamField(
        blocks.StepsBlock(),
        blank=True,
        verbose_name="Najważniejsze etapy realizacji procedury",
        help_text="Kolejne kroki sprawy. Zaznacz „@” przy etapach, które można załatwić "
        "bez wizyty w urzędzie.",
    )
    electronic_actions = ParentalManyToManyField(
        ElectronicAction,
        blank=True,
        related_name="procedures",
        verbose_name="Czynności możliwe do załatwienia drogą elektroniczną",
    )
    useful_info = ParentalManyToManyField(
        UsefulInfo,
        blank=True,
        related_name="procedures",
        verbose_name="Przydatne informacje",
        help_text="Informacje hasłowo, np. „sprawa załatwiana od ręki”.",
    )

    # --- Szczegółowy opis procedury -----------------------------------------------------------
    how_to = RichTextField(
        "Sposób załatwienia sprawy",
        features=RICH_TEXT_FEATURES,
        blank=True,  # required from submitting on (procedures.stages)
        help_text="Kto i w jaki sposób może załatwić sprawę; wszystkie przypadki. "
        "Bez podstawy prawnej – ta ma własne pole.",
    )
    additional_info = RichTextField(
        "Informacje uzupełniające (dodatkowe)", features=RICH_TEXT_FEATURES, blank=True
    )

    # --- Termin i miejsce załatwienia sprawy ----------------------------------------------
    processing_time_value = models.PositiveIntegerField("Termin realizacji", null=True, blank=True)
    processing_time_unit = models.CharField(
        "Jednostka terminu",
        max_length=10,
        blank=True,
        choices=[("dni", "dni"), ("tygodnie", "tygodnie"), ("miesiące", "miesiące")],
    )
    processing_time_description = models.TextField(
        "Opis terminu",
        blank=True,
        help_text="Np. „do 30 dni od złożenia kompletnego wniosku; w sprawach "
        "szczególnie skomplikowanych do 2 miesięcy”.",
    )
    places = StreamField(blocks.PlacesBlock(), blank=True, verbose_name="Miejsce załatwienia")
    appointment = StreamField(
        blocks.AppointmentBlock(),
        blank=True,
        verbose_name="Umawianie/rezerwacja wizyty",
        help_text="Sposoby umówienia wizyty albo „Nie dotyczy”.",
    )

    # --- Opłaty --------------------------------------------------------------------------------
    fees = StreamField(
        blocks.FeesBlock(),
        blank=True,
        verbose_name="Opłaty",
        help_text="Każda opłata z kwotą i numerem rachunku albo „Brak opłat”.",
    )

    # --- Dokumenty ------------------------------------------------------------------------------
    submission_channels = StreamField(
        blocks.SubmissionChannelsBlock(),
        blank=True,
        verbose_name="Formy i miejsce składania dokumentów",
        help_text="Listownie, osobiście, pocztą elektroniczną, telefonicznie, elektronicznie "
        "– albo „Nie dotyczy”.",
    )
    submission_deadline = models.TextField("Termin składania dokumentów", blank=True)
    required_documents = StreamField(
        blocks.RequiredDocumentsBlock(),
        blank=True,
        verbose_name="Wymagane dokumenty",
        help_text="Dokumenty do złożenia i do wglądu; do każdego plik, wzór wypełnienia "
        "i e-formularze.",
    )
    other_documents = StreamField(
        blocks.OtherDocumentsBlock(),
        blank=True,
        verbose_name="Pozostałe dokumenty",
        help_text="Wykazy, regulaminy, instrukcje, klauzule RODO.",
    )

    # --- Informacje dla pracownika Oddziału Call Center (restricted) ------------------------
    cc_contacts = StreamField(
        blocks.CcContactsBlock(),
        blank=True,
        verbose_name="Telefony do pracowników jednostki/komórki",
    )
    cc_description = RichTextField("Opis", features=RICH_TEXT_FEATURES, blank=True)
    faq = StreamField(blocks.FaqBlock(), blank=True, verbose_name="Najczęściej zadawane pytania")
    cc_other = models.TextField(
        "Inne", blank=True, help_text="Uzupełniają pracownicy Oddziału Call Center."
    )

    # --- Podstawa prawna ----------------------------------------------------------------------
    legal_basis = StreamField(blocks.LegalBasisBlock(), blank=True, verbose_name="Podstawa prawna")
    appeal = StreamField(
        blocks.AppealBlock(),
        blank=True,
        verbose_name="Tryb odwoławczy",
        help_text="Opis trybu odwoławczego albo „Brak”.",
    )
    reuse_conditions = models.TextField(
        "Warunki ponownego wykorzystywania informacji publicznej",
        blank=True,
        help_text="Tylko gdy są szersze niż domyślne warunki BIP.",
    )

    # --- Realizator -------------------------------------------------------------------------
    # "owner" of the template; Page.owner (the creating user) already takes that name.
    procedure_owner = models.ForeignKey(
        "procedures.Employee",
        on_delete=models.PROTECT,
        null=True,
        blank=True,  # the Office fills it in before approving (procedures.stages)
        related_name="owned_procedures",
        verbose_name="Właściciel",
        help_text="Dokładnie jedna osoba odpowiedzialna za opis procedury.",
    )
    coordinator = models.ForeignKey(
        "procedures.Employee",
        on_delete=models.PROTECT,
        null=True,
        blank=True,  # the Office fills it in before approving (procedures.stages)
        related_name="coordinated_procedures",
        verbose_name="Koordynator",
        help_text="Jedna osoba z komórki realizującej procedurę.",
    )
    department = models.ForeignKey(
        "procedures.Department",
        on_delete=models.PROTECT,
        null=True,
        blank=True,  # required from submitting on (procedures.stages)
        related_name="procedures",
        verbose_name="Komórka",
        help_text="Wydział lub równorzędna komórka odpowiedzialna; jednostka wynika z komórki.",
    )
    handled_in_ezd = models.BooleanField(
        "Procedura prowadzona w systemie do elektronicznego zarządzania dokumentacją",
        default=False,
    )

    # --- The public note this version is published with (procedures.change_notes) ----------
    change_note = models.TextField(
        change_notes.NOTE_LABEL,
        blank=True,
        validators=[MaxCharsValidator(change_notes.NOTE_LABEL, change_notes.NOTE_MAX)],
        help_text="Krótko, dla mieszkańców, co zmienia ta wersja, np. „Zmieniono wysokość "
        "opłaty skarbowej”. Ukaże się w „Historii zmian” procedury po opublikowaniu. "
        "Wymagane przy zmianie treści, chyba że zaznaczono „Drobna poprawka”. Nie wpisuj "
        "tu treści pól zastrzeżonych (*).",
    )
    minor_change = models.BooleanField(
        change_notes.MINOR_LABEL,
        default=False,
        help_text="Poprawka literówki lub formatowania: w „Historii zmian” pojawi się "
        "bez opisu (albo z opisem, jeśli go podano).",
    )

    objects = ProcedureManager()

    base_form_class = ProcedurePageForm
    # A copy needs a code of its own: the copy form asks for it (procedures/copying.py).
    copy_form_class = ProcedureCopyForm
    parent_page_types = ["procedures.ProcedureIndexPage"]
    subpage_types = []

    # Only public text is indexed: the list comes from procedures.public.
    search_fields = [*Page.search_fields, *public_search_fields()]

    # The editor's form follows the template: each of its sections is a SectionPanel with
    # the template's heading, in the template's order, two sections to a tab so that no tab
    # is more than a few screens long. The title stays on the first tab.
    procedure_panels = [
        SectionPanel(
            [
                TitleFieldPanel(
                    "title",
                    heading="Nazwa procedury",
                    help_text="Najwyżej 160 znaków ze spacjami.",
                ),
                FieldPanel("code"),
                EntriesPanel(
                    "related_procedures",
                    heading="Powiązane procedury",
                    label="powiązana procedura",
                    add_label="powiązaną procedurę",
                ),
                FieldRowPanel(
                    [
                        FieldPanel("go_live_at", heading="Obowiązuje od"),
                        FieldPanel("expire_at", heading="Obowiązuje do"),
                    ],
                    help_text="Ta wersja procedury ukaże się na portalu i w BIP od podanej "
                    "chwili i zniknie po dacie „do”. Puste: od opublikowania, bezterminowo.",
                ),
                FieldPanel("information_date"),
                FieldPanel("categories", widget=FilterableCheckboxSelectMultiple),
            ],
            heading="Procedura",
        ),
        SectionPanel(
            [
                FieldPanel("summary"),
                FieldPanel("steps"),
                FieldPanel("electronic_actions", widget=FilterableCheckboxSelectMultiple),
                FieldPanel("useful_info", widget=FilterableCheckboxSelectMultiple),
            ],
            heading="Skrócony opis procedury",
        ),
        # Not a section of the template: the public note this version is published with
        # (procedures.change_notes), last on the first tab, where every editor starts.
        SectionPanel(
            [FieldPanel(change_notes.NOTE_FIELD), FieldPanel(change_notes.MINOR_FIELD)],
            heading="Informacja o zmianie",
        ),
    ]

    description_panels = [
        SectionPanel(
            [FieldPanel("how_to"), FieldPanel("additional_info")],
            heading="Szczegółowy opis procedury",
        ),
        SectionPanel(
            [
                FieldRowPanel(
                    [FieldPanel("processing_time_value"), FieldPanel("processing_time_unit")]
                ),
                FieldPanel("processing_time_description"),
                FieldPanel("places"),
                FieldPanel("appointment"),
            ],
            heading="Termin i miejsce załatwienia sprawy",
        ),
    ]

    fees_and_documents_panels = [
        SectionPanel([FieldPanel("fees")], heading="Opłaty"),
        SectionPanel(
            [
                FieldPanel("submission_channels"),
                FieldPanel("submission_deadline"),
                FieldPanel("required_documents"),
                FieldPanel("other_documents"),
            ],
            heading="Dokumenty",
        ),
    ]

    legal_and_responsible_panels = [
        SectionPanel(
            [FieldPanel("legal_basis"), FieldPanel("appeal"), FieldPanel("reuse_conditions")],
            heading="Podstawa prawna",
        ),
        SectionPanel(
            [
                FieldPanel("department"),
                EntriesPanel(
                    "information_authors",
                    heading=INFORMATION_AUTHORS_LABEL,
                    label="osoba",
                    add_label="osobę",
                    min_num=1,
                ),
            ],
            heading="Realizator",
        ),
    ]

    content_panels = [
        *procedure_panels,
        *description_panels,
        *fees_and_documents_panels,
        *legal_and_responsible_panels,
    ]

    restricted_panels = [
        SectionPanel(
            [
                FieldPanel("is_internal", permission=RESTRICTED_PERMISSION),
                FieldPanel("procedure_owner", permission=RESTRICTED_PERMISSION),
                FieldPanel("coordinator", permission=RESTRICTED_PERMISSION),
                FieldPanel("handled_in_ezd", permission=RESTRICTED_PERMISSION),
            ],
            heading="Pola zastrzeżone",
        ),
        SectionPanel(
            [
                FieldPanel("cc_contacts", permission=RESTRICTED_PERMISSION),
                FieldPanel("cc_description", permission=RESTRICTED_PERMISSION),
                FieldPanel("faq", permission=RESTRICTED_PERMISSION),
                # Written by agents in their own form ("Uwagi Call Center"), outside the
                # moderation workflow; read-only here so a stale editor never overwrites it.
                FieldPanel(
                    "cc_other",
                    permission=CC_OTHER_PERMISSION,
                    read_only=True,
                    help_text="Uzupełniają pracownicy Oddziału Call Center w „Uwagi Call Center”.",
                ),
            ],
            heading="Informacje dla pracownika Oddziału Call Center",
            optional=True,
        ),
    ]

    promote_panels = [
        MultiFieldPanel(
            [FieldPanel("slug"), FieldPanel("seo_title"), FieldPanel("search_description")],
            heading="Adres i wyszukiwarki",
        ),
    ]

    edit_handler = TabbedInterface(
        [
            ObjectList(procedure_panels, heading="Procedura"),
            ObjectList(description_panels, heading="Opis, termin i miejsce"),
            ObjectList(fees_and_documents_panels, heading="Opłaty i dokumenty"),
            ObjectList(legal_and_responsible_panels, heading="Podstawa prawna i realizator"),
            ObjectList(restricted_panels, heading="Call Center i pola zastrzeżone"),
            ObjectList(promote_panels, heading="Promocja"),
            # Comments only (scheduling, "Obowiązuje od/do", lives in the Procedura section);
            # those on restricted fields only for users who may read them.
            ObjectList([RestrictedCommentPanel()], heading="Ustawienia"),
        ],
        base_form_class=ProcedurePageForm,
    )

    class Meta:
        verbose_name = "procedura"
        verbose_name_plural = "procedury"
        permissions = [
            ("change_restricted_fields", "Może widzieć i edytować pola zastrzeżone (*)"),
            ("change_cc_other", "Może edytować pole „Inne*” (Call Center)"),
            ("edit_any_department", "Może edytować procedury wszystkich komórek"),
        ]

    def __str__(self):
        return f"{self.code} {self.title}" if self.code else self.title

    def requested_information_date(self):
        """The date of the update request this live version resolved, or ``None``: field 6
        of the template when "Data wytworzenia informacji" is empty."""
        if not self.live_revision_id:
            return None
        newest = UpdateRequest.objects.resolving(self.live_revision_id).first()
        return timezone.localdate(newest.created_at) if newest else None

    def permissions_for_user(self, user):
        """Wagtail's page permissions, narrowed to the editor's own departments."""
        return ProcedurePermissionTester(user, self)

    def route(self, request, path_components):
        # Once the scheduler has unpublished a withdrawn procedure, Wagtail's routing would
        # answer 404; let serve() say 410 Gone, as it does before the scheduler runs.
        if not path_components and not self.live and self.expired and not self.is_internal:
            return RouteResult(self)
        return super().route(request, path_components)

    def get_view_restrictions(self):
        """Wagtail's view restrictions of this page and its ancestors; none, without a
        query, when the portal's routing found that none can apply (``home.routing``)."""
        if getattr(self, "open_to_all", False):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def serve(self, request, *args, **kwargs):
        """Residents get the page only while it is public: 410 once withdrawn ("Obowiązuje
        do" has passed), 404 before "Obowiązuje od" and for internal procedures."""
        # The procedure list's routing tells it in the query that found the page.
        public = getattr(self, "public_now", None)
        if public is None:
            public = ProcedurePage.objects.public().filter(pk=self.pk).exists()
        if not public:
            if not self.is_internal and self.expire_at and self.expire_at <= timezone.now():
                return TemplateResponse(
                    request, "procedures/withdrawn.html", {"page": self}, status=410
                )
            raise Http404("Procedura nie jest dostępna.")
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["procedure"] = PublicProcedure(self)
        return context

    def save(self, *args, **kwargs):
        self._dates_to_the_minute()
        return super().save(*args, **kwargs)

    def save_revision(self, user=None, **kwargs):
        """Wagtail's ``save_revision``; the revision holds the dates to the minute and, for
        a ``user`` without the permission, the latest values of the restricted fields."""
        self._dates_to_the_minute()
        # Every admin path (edit, revert, copy, workflow actions) and the importer save
        # versions here: none of them can let a user change a field closed to them.
        keep_restricted_values(self, user)
        return super().save_revision(user=user, **kwargs)

    def _dates_to_the_minute(self):
        # "Obowiązuje od/do" are stored as the form shows them, whoever sets them (an
        # import, a script); see procedures.dates.
        self.go_live_at = to_the_minute(self.go_live_at)
        self.expire_at = to_the_minute(self.expire_at)

    def _set_core_field_defaults(self):
        # A readable ASCII slug ("wydanie-dowodu-osobistego"), not percent-encoded Polish.
        parent_is_known = bool(self.path or getattr(self, "_cached_parent_obj", None))
        self._slug_found_free = None
        if not self.slug and parent_is_known and slugify_pl(self.title):
            self.slug = self._slug_found_free = self._get_autogenerated_slug(slugify_pl(self.title))
        super()._set_core_field_defaults()

    def _check_slug_is_unique(self):
        # The slug that full_clean() has just chosen as free among the siblings (above, in
        # the same check) is not looked up a second time.
        found_free, self._slug_found_free = getattr(self, "_slug_found_free", None), None
        if not found_free or found_free != self.slug:
            super()._check_slug_is_unique()

    # --- Derived values -----------------------------------------------------------------

    @property
    def unit(self):
        """Jednostka: the unit of the procedure's department."""
        return self.department.unit if self.department_id else None

    @property
    def valid_from(self):
        return self.go_live_at

    @property
    def valid_to(self):
        return self.expire_at

    # --- The template's rules across fields -----------------------------------------------

    #: Set by the admin form, whose fields have already validated the StreamFields.
    streams_validated = False
    #: The stage whose rules ``full_clean()`` applies (procedures.stages). The admin form
    #: sets it from the button pressed; every other path (importer, scripts) gets them all.
    validation_stage = Stage.APPROVE

    def stream_errors(self, deferred=False):
        """``(path, message)`` for every StreamField value that breaks its blocks' rules.

        Django does not validate StreamField content on ``full_clean()``; imports and
        scripts get the admin's rules through this. ``deferred`` applies the rules of a
        draft, as the admin does on "Zapisz wersję roboczą": empty is then allowed.
        """
        errors = []
        for field in self._meta.concrete_fields:
            if not isinstance(field, StreamField):
                continue
            block = field.stream_block
            value = getattr(self, field.name)
            try:
                block.clean_deferred(value) if deferred else block.clean(value)
            except ValidationError as error:
                errors += list(blocks.iter_block_errors(error, field.name))
        return errors

    def text_size_errors(self):
        """``{field name: [message]}`` for rich-text and long plain-text fields over their
        size limits (settings ``PROCEDURE_MAX_RICH_TEXT_CHARS``, ``PROCEDURE_MAX_TEXT_CHARS``).
        "Skrócony opis sprawy" has its own, stricter limit."""
        errors = {}
        for field in self._meta.concrete_fields:
            if isinstance(field, RichTextField):
                check = validate_rich_text_size
            elif isinstance(field, models.TextField) and field.name != "summary":
                check = validate_text_size
            else:
                continue
            try:
                check(field.verbose_name, field.value_from_object(self))
            except ValidationError as error:
                errors[field.name] = error.messages
        return errors

    def clean(self):
        super().clean()
        errors = {}
        stage = self.validation_stage
        if not self.streams_validated:
            for path, message in self.stream_errors(deferred=stage == Stage.DRAFT):
                field_name = path.split("[", 1)[0].split(".", 1)[0]
                detail = path[len(field_name) :].lstrip(".")
                errors.setdefault(field_name, []).append(
                    f"{detail}: {message}" if detail else message
                )
        for name, messages in self.text_size_errors().items():
            errors.setdefault(name, []).extend(messages)
        if self.title and len(self.title) > TITLE_MAX:
            try:
                MaxCharsValidator("Nazwa procedury", TITLE_MAX)(self.title)
            except ValidationError as error:
                errors["title"] = error.messages
        # Authors are rows of their own, saved after the page (by factories, the importer):
        # the admin form and the approval check (procedures.stages) count them instead.
        for name, message in missing_fields(self, stage, {"information_authors": 1}).items():
            errors.setdefault(name, []).append(message)
        # Koordynator* is the Office's: checked against the department when it approves.
        if stage >= Stage.APPROVE and self.coordinator_id and self.department_id:
            coordinator = self.coordinator
            if coordinator.department_id != self.department_id:
                errors["coordinator"] = [
                    f"Koordynator musi być pracownikiem komórki realizującej procedurę "
                    f"(„{self.department.name}”), a {coordinator.name} należy do "
                    f"„{coordinator.department.name}”. Wybierz osobę z tej komórki."
                ]
        if self.go_live_at and self.expire_at and self.expire_at <= self.go_live_at:
            errors["expire_at"] = ["Data „Obowiązuje do” musi być późniejsza niż „Obowiązuje od”."]
        if errors:
            raise ValidationError(errors)


class RelatedProcedure(Orderable):
    """A link from one procedure to another (e.g. one that must be completed first)."""

    page = ParentalKey(ProcedurePage, on_delete=models.CASCADE, related_name="related_procedures")
    procedure = models.ForeignKey(
        ProcedurePage,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name="Procedura",
    )

    panels = [FieldPanel("procedure")]

    class Meta(Orderable.Meta):
        verbose_name = "powiązana procedura"
        verbose_name_plural = "powiązane procedury"


class InformationAuthor(Orderable):
    """Osoba, która wytworzyła informację lub odpowiada za jej treść (BIP metadata)."""

    page = ParentalKey(ProcedurePage, on_delete=models.CASCADE, related_name="information_authors")
    employee = models.ForeignKey(
        "procedures.Employee", on_delete=models.PROTECT, related_name="+", verbose_name="Osoba"
    )

    panels = [FieldPanel("employee")]

    class Meta(Orderable.Meta):
        verbose_name = "autor informacji"
        verbose_name_plural = "autorzy informacji"


class ProcedureIndexPage(Page):
    """The "Procedury" section that holds every procedure page."""

    intro = RichTextField("Wstęp", blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["procedures.ProcedurePage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        public = ProcedurePage.objects.public().child_of(self).order_by("title")
        context["procedures"] = [PublicProcedure(page) for page in public]
        return context

    def route(self, request, path_components):
        """One query for a public procedure below, already of its own type (Wagtail's
        routing takes two: the page, then its specific class); a second one for any other
        procedure (internal, withdrawn, not yet valid), which ``serve()`` then refuses."""
        if len(path_components) >= 1:
            procedures = ProcedurePage.objects.child_of(self).filter(slug=path_components[0])
            child = procedures.public().first()
            if child is not None:
                child.public_now = True  # serve() need not ask again
            else:
                child = procedures.first()
            if child is None:
                raise Http404
            return child.route(request, path_components[1:])
        return super().route(request, path_components)

    class Meta:
        verbose_name = "spis procedur"
        verbose_name_plural = "spisy procedur"


__all__ = [
    "InformationAuthor",
    "ProcedureIndexPage",
    "ProcedurePage",
    "ProcedureQuerySet",
    "RelatedProcedure",
]
