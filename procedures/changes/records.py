"""Shared records (offices, people, departments, units, vocabulary entries) and the
procedures that show them.

An office's address is typed once and shown by every procedure dealt with there, so a
change to it changes those procedures' pages without a new version of any of them. The
record's edit view says beforehand which procedures use it (:func:`procedures_using`);
saving a change to what residents see of it leaves a public change note on each live
procedure that shows it (:func:`notes_for_change`), e.g. "Zmiana adresu: ul. Piotrkowska
110". Only the fields below count: a person's phone number or e-mail address is for
staff, so changing it leaves no note.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import ReferenceIndex

from procedures import fragments
from procedures.change_notes import NOTE_MAX
from procedures.models import (
    Category,
    Department,
    EFormPlatform,
    ElectronicAction,
    Employee,
    Office,
    OrganisationalUnit,
    ProcedurePage,
    UsefulInfo,
)

#: For each shared record, the fields residents see on a procedure's page and the note a
#: change of each gives (``{value}`` the new value, ``{record}`` the record's name).
PUBLIC_RECORD_FIELDS = {
    Office: {
        "name": "Zmiana nazwy miejsca załatwienia sprawy: {value}",
        "address": "Zmiana adresu: {value}",
        "details": "Zmiana informacji o miejscu załatwienia sprawy: {record}",
        "phones": "Zmiana numeru telefonu: {value}",
    },
    Employee: {
        "name": "Zmiana osoby odpowiedzialnej za treść informacji: {value}",
        "position": "Zmiana stanowiska osoby odpowiedzialnej za treść informacji: {record}",
    },
    Department: {"name": "Zmiana nazwy komórki: {value}"},
    OrganisationalUnit: {"name": "Zmiana nazwy jednostki: {value}"},
    Category: {"name": "Zmiana nazwy kategorii: {value}"},
    UsefulInfo: {"name": "Zmiana przydatnej informacji: {value}"},
    ElectronicAction: {"name": "Zmiana czynności możliwej drogą elektroniczną: {value}"},
    EFormPlatform: {
        "name": "Zmiana nazwy platformy e-usług: {value}",
        "url": "Zmiana adresu platformy e-usług {record}: {value}",
    },
}

RECORD_MODELS = tuple(PUBLIC_RECORD_FIELDS)


def _one_line(value):
    return " ".join(str(value or "").split()) or "–"


def note_for_change(record, before):
    """The public note for saving ``record`` whose public fields held ``before`` (a dict),
    or ``""`` when none of them changed. At most ``NOTE_MAX`` characters."""
    sentences = []
    for name, sentence in PUBLIC_RECORD_FIELDS.get(type(record), {}).items():
        old, new = before.get(name), getattr(record, name)
        if (old or "") != (new or ""):
            sentences.append(sentence.format(value=_one_line(new), record=_one_line(record)))
    text = "; ".join(sentences[:1] + [s[0].lower() + s[1:] for s in sentences[1:]])
    return text if len(text) <= NOTE_MAX else text[: NOTE_MAX - 1].rstrip() + "…"


def public_values(record):
    """The record's public fields as stored now (``{}`` for a new record)."""
    names = list(PUBLIC_RECORD_FIELDS.get(type(record), {}))
    if not record.pk or not names:
        return {}
    return type(record).objects.filter(pk=record.pk).values(*names).first() or {}


def _direct(record):
    """Procedures tied to ``record`` by a column (the reference index may not hold them)."""
    if isinstance(record, OrganisationalUnit):
        return ProcedurePage.objects.filter(department__unit=record)
    if isinstance(record, Department):
        return ProcedurePage.objects.filter(department=record)
    return ProcedurePage.objects.none()


def public_procedures_showing(record):
    """The procedures residents see now whose live version shows ``record`` in a public
    field: they get a note when it changes."""
    ids = fragments.pages_showing([record]) | set(_direct(record).values_list("pk", flat=True))
    return ProcedurePage.objects.public().filter(pk__in=ids).order_by("code", "pk")


def procedures_using(record):
    """Every procedure using ``record``, in any field and in any version (Wagtail's
    reference index, the many-to-many choices and the department columns), by code."""
    page_type = ContentType.objects.get_for_model(ProcedurePage, for_concrete_model=False)
    ids = {
        int(object_id)
        for object_id in ReferenceIndex.get_references_to(record)
        .filter(content_type=page_type)
        .values_list("object_id", flat=True)
    }
    ids |= fragments.pages_showing([record])
    ids |= set(_direct(record).values_list("pk", flat=True))
    return ProcedurePage.objects.filter(pk__in=ids).order_by("code", "pk")
