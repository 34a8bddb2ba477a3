"""Which fields a procedure needs at which stage of its life, declared once.

* A **draft** ("Zapisz wersję roboczą") saves with whatever it has: a title at least. What
  is filled in must still be right (a code's format and uniqueness, lengths, dates).
* **Submitting** for approval ("Wyślij do akceptacji") needs what the department editor
  fills in: the template's required fields that are not restricted.
* **Approving** (the Procedures Office's workflow task) and **publishing** need everything,
  the restricted (*) fields the Office fills in (Właściciel*, Koordynator*) included.

Which fields are required is declared by their rows in :data:`procedures.fields.FIELDS`
(``required=True``); the stage follows from :data:`procedures.public.RESTRICTED_FIELDS`:
a restricted field is the Office's, so it is required when the Office approves. The
"filled in or explicitly none" parts (Opłaty, Tryb odwoławczy, …) are their blocks' rule
(``procedures.blocks.FilledOrNoneBlock``), deferred for a draft as Wagtail defers blocks.

The page form (``ProcedurePageForm``), the model's ``clean()`` and the approval task
(``procedures.workflow``) all read :func:`missing_fields`.
"""

from enum import IntEnum

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.html import strip_tags

from procedures import change_notes
from procedures.dates import to_the_minute
from procedures.fields import FIELDS
from procedures.public import restricted_model_fields


class Stage(IntEnum):
    """Stages in the order in which they require more."""

    DRAFT = 0
    SUBMIT = 1
    APPROVE = 2  # publishing needs the same


#: The template's required fields (shared/spec/procedure-template.md), model names, in the
#: template's order. The title is Wagtail's own and required at every stage.
REQUIRED_FIELDS = tuple(name for row in FIELDS if row.required for name in row.model_fields)

#: What the editor reads after the field's name, by stage.
_WHY = {
    Stage.SUBMIT: "bez niego procedury nie można wysłać do akceptacji",
    Stage.APPROVE: "bez niego Oddział ds. Procedur nie może zatwierdzić ani opublikować procedury",
}


def stage_of(field_name):
    """The stage from which ``field_name`` is required."""
    return Stage.APPROVE if field_name in restricted_model_fields() else Stage.SUBMIT


def required_fields(stage):
    """Names of the fields required at ``stage``, in the template's order."""
    return [name for name in REQUIRED_FIELDS if stage_of(name) <= stage]


def missing_message(label, stage):
    """The Polish message naming the field: "Uzupełnij pole „Właściciel” – bez niego …"."""
    return f"Uzupełnij pole „{label}” – {_WHY[max(stage, Stage.SUBMIT)]}."


#: The heading of the information authors' panel (a relation has no verbose name).
INFORMATION_AUTHORS_LABEL = (
    "Osoba, która wytworzyła informację lub osoba, która odpowiada za treść informacji"
)


def field_label(page_class, name):
    """The field's label as the editor's form shows it."""
    if name == "information_authors":
        return INFORMATION_AUTHORS_LABEL
    return str(page_class._meta.get_field(name).verbose_name)


def missing_fields(page, stage, values=None):
    """``{field name: message}`` for every field required at ``stage`` that ``page`` lacks.

    ``values`` overrides what ``page`` holds (the admin form passes what was posted; for
    ``information_authors``, the number of authors).
    """
    values = values or {}
    missing = {}
    for name in required_fields(stage):
        if name in values:
            value = values[name]
        elif name == "information_authors":
            value = len(page.information_authors.all())
        else:
            value = getattr(page, page._meta.get_field(name).attname)
        # Rich text counts as empty when it has no words ("<p></p>").
        if value in (None, "", 0) or (isinstance(value, str) and not strip_tags(value).strip()):
            missing[name] = missing_message(field_label(type(page), name), stage)
    return missing


def stage_of_action(data, deferred):
    """The stage a post to the page editor asks for.

    ``deferred`` is Wagtail's own word that the action is a plain save (the editor defers
    required fields then); otherwise the posted button says: "Opublikuj", a workflow
    "Zatwierdź", or submitting / another workflow action (which needs what was submitted).
    """
    if deferred:
        return Stage.DRAFT
    if data.get("action-publish"):
        return Stage.APPROVE
    if data.get("action-workflow-action") and data.get("workflow-action-name") == "approve":
        return Stage.APPROVE
    if data.get("action-cancel-workflow"):
        return Stage.DRAFT
    return Stage.SUBMIT


def approval_problems(page, now=None):
    """Polish messages, each naming its field, for what keeps ``page`` (the version
    awaiting approval) from being approved: every rule of :attr:`Stage.APPROVE`, and an
    "Obowiązuje od" that has passed while the version waited, and a change of public
    content without its note (:mod:`procedures.change_notes`)."""
    problems = []
    page.validation_stage = Stage.APPROVE
    try:
        page.full_clean()
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            label = None if name == "__all__" else field_label(type(page), name)
            problems += [m if not label or label in m else f"„{label}”: {m}" for m in messages]
    if "information_authors" in (missing := missing_fields(page, Stage.APPROVE)):
        problems.append(missing["information_authors"])
    if change_notes.needs_note(
        type(page), change_notes.live_content(page), page.serializable_data()
    ):
        problems.append(change_notes.NOTE_REQUIRED)
    if page.go_live_at and page.go_live_at < to_the_minute(now or timezone.now()):
        stored = type(page).objects.filter(pk=page.pk, live=True).values("go_live_at").first()
        if not stored or stored["go_live_at"] != page.go_live_at:
            when = timezone.localtime(page.go_live_at).strftime("%d.%m.%Y %H:%M")
            problems.append(
                f"Data „Obowiązuje od” ({when}) jest już w przeszłości. Zmień ją w edytorze "
                "albo usuń – wtedy procedura obowiązuje od zatwierdzenia."
            )
    return problems
