"""Update requests: how a procedure description gets changed (§ 11 of Order No. 734/2023).

A request is filed in the system by anyone who writes or uses procedures, including the
head of the Call Center (§ 8 ust. 5), or arrives by e-mail at the monitoring mailbox
(§ 11 ust. 2) and is filed by ``manage.py ingest_update_requests``. An e-mail that names
no known procedure is kept with an empty procedure until a person assigns it.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Page, Revision

from procedures.validators import validate_document_file

CHANGE_PERMISSION = "procedures.change_updaterequest"


def validate_attachment(fileobj, name):
    """An attachment passes the documents' file rule (PDF, or a DOC/DOCX/RTF form, judged
    by content) within ``UPDATE_REQUEST_ATTACHMENT_MAX_UPLOAD_SIZE``."""
    validate_document_file(
        fileobj,
        name,
        is_form=True,
        max_size=settings.UPDATE_REQUEST_ATTACHMENT_MAX_UPLOAD_SIZE,
        label="Plik",
    )


class UpdateRequestForm(WagtailAdminModelForm):
    """The request form: prefilled with the author's name, revisions of its own procedure.

    Whoever files a request is recorded as its author; the handling fields are shown only to
    those who may change requests (the Procedures Office), and the first of them to move a
    request on from "nowy" becomes the person handling it.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if self.instance._state.adding and user is not None and user.is_authenticated:
            self.initial.setdefault("requester_name", user.get_full_name() or user.get_username())
            self.initial.setdefault("requester_email", user.email)
        if "resolved_revision" in self.fields:
            procedure_id = self._chosen_procedure_id()
            live_id = (
                Page.objects.filter(pk=procedure_id)
                .values_list("live_revision_id", flat=True)
                .first()
            )
            field = self.fields["resolved_revision"]
            field.queryset = _procedure_revisions(procedure_id)
            field.label_from_instance = lambda revision: _revision_label(revision, live_id)
            field.empty_label = "(żadna)"

    def _chosen_procedure_id(self):
        if self.is_bound and "procedure" in self.fields:
            value = self.data.get(self.add_prefix("procedure"))
            return int(value) if value and str(value).isdigit() else None
        return self.instance.procedure_id

    def save(self, commit=True):
        instance = self.instance
        user = self.for_user
        if instance._state.adding and user is not None and instance.requested_by_id is None:
            instance.requested_by = user
        if (
            "status" in self.changed_data
            and instance.status != UpdateRequest.Status.NEW
            and instance.handled_by_id is None
            and user is not None
        ):
            instance.handled_by = user
        return super().save(commit=commit)


def _procedure_revisions(procedure_id):
    if procedure_id is None:
        return Revision.objects.none()
    return (
        Revision.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id=str(procedure_id),
        )
        .select_related("user")
        .order_by("-created_at")
    )


def _revision_label(revision, live_id=None):
    """ "Wersja z 2025-03-04 10:15, Jan Kowalski – opublikowana"."""
    label = "Wersja z " + timezone.localtime(revision.created_at).strftime("%Y-%m-%d %H:%M")
    if revision.user is not None:
        label += f", {revision.user.get_full_name() or revision.user.get_username()}"
    return label + (" – opublikowana" if revision.pk == live_id else "")


class UpdateRequestQuerySet(models.QuerySet):
    def resolving(self, revision):
        """The done requests that ``revision`` (an id, or ``OuterRef``) resolved, newest
        first. Field 6 of the template: when "Data wytworzenia informacji" is empty, it is
        the date of the newest of them for the live version."""
        done = self.filter(status=UpdateRequest.Status.DONE, resolved_revision_id=revision)
        return done.order_by("-created_at")


class UpdateRequest(ClusterableModel):
    """Wniosek o aktualizację: what should change in a procedure description, and its fate."""

    objects = UpdateRequestQuerySet.as_manager()

    class Source(models.TextChoices):
        SYSTEM = "system", "w systemie"
        EMAIL = "email", "e-mail"
        # "Zgłoś błąd w opisie" on the portal: a resident's report, reviewed by the Office.
        RESIDENT = "resident", "zgłoszenie mieszkańca"

    class Status(models.TextChoices):
        NEW = "new", "nowy"
        IN_PROGRESS = "in_progress", "w realizacji"
        DONE = "done", "zrealizowany"
        REJECTED = "rejected", "odrzucony"

    procedure = models.ForeignKey(
        "procedures.ProcedurePage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="update_requests",
        verbose_name="Procedura",
        help_text="Puste, gdy wniosek przyszedł e-mailem bez kodu znanej procedury: czeka "
        "wtedy na przypisanie.",
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="update_requests",
        verbose_name="Konto wnioskującego",
    )
    requester_name = models.CharField("Wnioskujący", max_length=200, blank=True)
    requester_email = models.EmailField("E-mail wnioskującego", blank=True)
    source = models.CharField(
        "Źródło", max_length=10, choices=Source.choices, default=Source.SYSTEM
    )
    subject = models.CharField("Temat", max_length=255)
    description = models.TextField(
        "Co należy zmienić",
        help_text="Które informacje w opisie procedury są nieaktualne lub błędne i jak "
        "powinny brzmieć.",
    )
    status = models.CharField("Status", max_length=12, choices=Status.choices, default=Status.NEW)
    created_at = models.DateTimeField("Data wniosku", default=timezone.now)
    resolved_revision = models.ForeignKey(
        Revision,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="resolved_update_requests",
        verbose_name="Wersja realizująca wniosek",
        help_text="Wersja procedury, która wprowadziła zmianę. Gdy jest opublikowana, a "
        "„Data wytworzenia informacji” pusta, przyjmuje się datę tego wniosku.",
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="handled_update_requests",
        verbose_name="Realizujący",
    )
    message_id = models.CharField(
        "Identyfikator wiadomości e-mail",
        max_length=998,
        unique=True,
        null=True,
        blank=True,
        editable=False,
        help_text="Nagłówek Message-ID wiadomości, z której powstał wniosek; ta sama "
        "wiadomość nie zostanie zarejestrowana dwa razy.",
    )
    response_note = models.TextField(
        "Odpowiedź",
        blank=True,
        help_text="Co zrobiono albo dlaczego wniosek odrzucono; do przekazania wnioskującemu.",
    )

    base_form_class = UpdateRequestForm

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("procedure"),
                FieldPanel("subject"),
                FieldPanel("description"),
                InlinePanel("attachments", heading="Załączniki", label="załącznik"),
            ],
            heading="Wniosek",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("requester_name"), FieldPanel("requester_email")]),
                FieldRowPanel(
                    [
                        FieldPanel("source", permission=CHANGE_PERMISSION),
                        FieldPanel("created_at", permission=CHANGE_PERMISSION),
                    ]
                ),
            ],
            heading="Wnioskujący",
        ),
        MultiFieldPanel(
            [
                FieldPanel("status", permission=CHANGE_PERMISSION),
                FieldPanel("handled_by", permission=CHANGE_PERMISSION),
                FieldPanel("resolved_revision", permission=CHANGE_PERMISSION),
                FieldPanel("response_note", permission=CHANGE_PERMISSION),
            ],
            heading="Realizacja",
        ),
    ]

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "wniosek o aktualizację"
        verbose_name_plural = "wnioski o aktualizację"

    def __str__(self):
        code = self.procedure.code if self.procedure_id else "do przypisania"
        return f"{code}: {self.subject}"

    @property
    def requester(self):
        """The requester as an editor reads them: name and address, or the account."""
        name = self.requester_name
        if not name and self.requested_by_id:
            user = self.requested_by
            name = user.get_full_name() or user.get_username()
        if name and self.requester_email:
            return f"{name} <{self.requester_email}>"
        return name or self.requester_email

    def clean(self):
        super().clean()
        revision = self.resolved_revision if self.resolved_revision_id else None
        if revision is None:
            return
        if not self.procedure_id:
            raise ValidationError(
                {
                    "procedure": "Wskaż procedurę: „Wersja realizująca wniosek” musi być "
                    "wersją procedury, której dotyczy wniosek."
                }
            )
        page_type = ContentType.objects.get_for_model(Page)
        # A revision just created still holds the page's pk as an int in object_id.
        is_own = str(revision.object_id) == str(self.procedure_id)
        if revision.base_content_type_id != page_type.pk or not is_own:
            raise ValidationError(
                {
                    "resolved_revision": "„Wersja realizująca wniosek” musi być wersją "
                    f"procedury {self.procedure.code}, której dotyczy wniosek. Wybierz jedną "
                    "z jej wersji."
                }
            )


class UpdateRequestAttachment(models.Model):
    """A file sent with a request: a scan, a corrected form, the e-mail's attachment."""

    request = ParentalKey(
        UpdateRequest,
        on_delete=models.CASCADE,
        related_name="attachments",
        verbose_name="Wniosek",
    )
    file = models.FileField("Plik", upload_to="update-requests/", max_length=255)
    name = models.CharField(
        "Nazwa", max_length=255, blank=True, help_text="Puste: nazwa przesłanego pliku."
    )

    panels = [FieldPanel("file"), FieldPanel("name")]

    class Meta:
        verbose_name = "załącznik wniosku"
        verbose_name_plural = "załączniki wniosku"

    def __str__(self):
        return self.name or self.file.name.rsplit("/", 1)[-1]

    def save(self, *args, **kwargs):
        if not self.name and self.file:
            self.name = self.file.name.rsplit("/", 1)[-1][:255]
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.file and not getattr(self.file, "_committed", True):
            # A new upload; files already filed stay as they are.
            try:
                validate_attachment(self.file, self.file.name)
            except ValidationError as error:
                raise ValidationError({"file": error.messages}) from error
