"""Demo update requests: one of each kind an editor meets in "Wnioski o aktualizację",
a resident's report from the portal's "Zgłoś błąd w opisie" among them.

Matched by procedure and subject (by Message-ID for the e-mail), so running again creates
nothing and leaves requests handled in the meantime as they are. Procedures missing from
the database are skipped.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from procedures import roles
from procedures.models import ProcedurePage, UpdateRequest

Status = UpdateRequest.Status
Source = UpdateRequest.Source

EMAIL_MESSAGE_ID = "<demo-wniosek-01@poczta.example.com>"

REQUESTS = [
    {
        "code": "KA-01147",
        "subject": "Odbiór dowodu przez pełnomocnika – brak informacji o pełnomocnictwie",
        "description": (
            "Mieszkańcy dzwoniący na infolinię pytają, jakie pełnomocnictwo jest potrzebne do "
            "odbioru dowodu osobistego w imieniu innej osoby. Etap „Odbierz dowód osobisty” "
            "wspomina pełnomocnika, ale opis nie mówi, czy pełnomocnictwo musi być notarialne "
            "i czy pełnomocnik okazuje własny dowód. Prosimy o uzupełnienie sekcji „Wymagane "
            "dokumenty”."
        ),
        "requester_name": "Kierownik Oddziału Call Center",
        "requested_by_group": roles.CALL_CENTER_HEADS,
        "status": Status.NEW,
        "days_ago": 2,
    },
    {
        "code": "KA-01305",
        "subject": "Nowe godziny pracy punktu meldunkowego przy al. Politechniki",
        "description": (
            "Od przyszłego miesiąca punkt przy al. Politechniki 32 będzie czynny w poniedziałki "
            "do 18:00, a w piątki do 14:00. Prosimy o zmianę godzin w „Miejscu załatwienia "
            "sprawy”."
        ),
        "requester_name": "Redaktor Wydziału Spraw Obywatelskich i Komunikacji",
        "requested_by_username": "redaktor",
        "status": Status.IN_PROGRESS,
        "handled_by_username": "moderator",
        "days_ago": 9,
    },
    {
        "code": "KA-01180",
        "subject": "Nowa stawka opłaty za gospodarowanie odpadami",
        "description": (
            "Rada Miejska przyjęła uchwałę zmieniającą stawkę opłaty za gospodarowanie odpadami "
            "komunalnymi. Prosimy o aktualizację sekcji „Opłaty” i podstawy prawnej."
        ),
        "requester_name": "Dział Obsługi Opłat za Odpady",
        "requested_by_username": "redaktor",
        "status": Status.DONE,
        "handled_by_username": "moderator",
        "response_note": "Zaktualizowano stawkę i dodano uchwałę do podstawy prawnej.",
        "resolved_by_live_revision": True,
        "days_ago": 30,
    },
    {
        # As the portal's feedback form files it (procedures.feedback): no name, an
        # address given for a reply.
        "code": "KA-01137",
        "source": Source.RESIDENT,
        "subject": "Zgłoszenie mieszkańca – błąd w części „Opłaty”",
        "description": (
            "Na stronie jest napisane, że odpis zupełny kosztuje 33 zł, a w Urzędzie Stanu "
            "Cywilnego przy ul. Piotrkowskiej 110 zapłaciłam za niego 39 zł. Proszę sprawdzić, "
            "która kwota jest aktualna."
        ),
        "requester_email": "mieszkanka@example.com",
        "status": Status.NEW,
        "days_ago": 0,
    },
]

EMAIL_REQUEST = {
    "subject": "Nieaktualny numer telefonu na stronie o karcie parkingowej",
    "description": (
        "Dzień dobry,\n\nna stronie z informacją o karcie parkingowej podany jest numer "
        "telefonu, pod którym nikt nie odbiera. Proszę o sprawdzenie i poprawienie danych "
        "kontaktowych.\n\nZ poważaniem\nAnna Nowak"
    ),
    "requester_name": "Anna Nowak",
    "requester_email": "anna.nowak@example.com",
    "days_ago": 1,
}


def seed_update_requests(stdout):
    """Create the demo requests that are missing; writes one tally line to ``stdout``."""
    users = get_user_model().objects
    now = timezone.now()
    created = present = 0
    for spec in REQUESTS:
        procedure = ProcedurePage.objects.filter(code=spec["code"]).first()
        if procedure is None:
            continue
        requested_by = None
        if "requested_by_group" in spec:
            requested_by = users.filter(groups__name=spec["requested_by_group"]).first()
        elif "requested_by_username" in spec:
            requested_by = users.filter(username=spec["requested_by_username"]).first()
        created_at = now - timedelta(days=spec["days_ago"])
        resolved_revision = None
        if spec.get("resolved_by_live_revision") and procedure.live_revision_id:
            resolved_revision = procedure.live_revision
            created_at = min(created_at, resolved_revision.created_at - timedelta(days=3))
        _request, was_created = UpdateRequest.objects.get_or_create(
            procedure=procedure,
            subject=spec["subject"],
            defaults={
                "description": spec["description"],
                "requester_name": spec.get("requester_name", ""),
                "requester_email": spec.get("requester_email", ""),
                "requested_by": requested_by,
                "source": spec.get("source", Source.SYSTEM),
                "status": spec["status"],
                "created_at": created_at,
                "handled_by": users.filter(username=spec.get("handled_by_username")).first(),
                "resolved_revision": resolved_revision,
                "response_note": spec.get("response_note", ""),
            },
        )
        created += was_created
        present += not was_created

    _request, was_created = UpdateRequest.objects.get_or_create(
        message_id=EMAIL_MESSAGE_ID,
        defaults={
            "procedure": None,
            "source": Source.EMAIL,
            "subject": EMAIL_REQUEST["subject"],
            "description": EMAIL_REQUEST["description"],
            "requester_name": EMAIL_REQUEST["requester_name"],
            "requester_email": EMAIL_REQUEST["requester_email"],
            "created_at": now - timedelta(days=EMAIL_REQUEST["days_ago"]),
        },
    )
    created += was_created
    present += not was_created
    stdout.write(f"  {'update requests':<34} {created:>4} created {present:>4} present")
    return created
