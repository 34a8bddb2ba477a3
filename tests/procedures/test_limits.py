"""Limits on the size of one procedure (settings ``PROCEDURE_MAX_*``): the model refuses
more with a Polish message naming the field, so the admin and the importer both do, and
the admin form keeps what the editor typed."""

import json

from django.conf import settings
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.test.utils.form_data import rich_text, streamfield

from procedures import roles
from procedures.blocks import iter_block_errors
from procedures.models import ProcedurePage
from tests.factories import (
    UserFactory,
    appeal_text,
    booking,
    faq_item,
    fee,
    step,
)

from .admin_forms import procedure_form_data, step_value
from .records import run_import, valid_record
from .validation import errors_of

#: The largest real procedure (the city's 20 published descriptions and the demo data).
LARGEST_REAL = {
    "steps": 8,
    "places": 6,
    "fees": 4,
    "submission_channels": 5,
    "required_documents": 5,
    "other_documents": 2,
    "legal_basis": 3,
    "cc_contacts": 2,
    "faq": 3,
}


def test_defaults_leave_room_well_above_the_largest_real_procedure():
    for field, largest in LARGEST_REAL.items():
        assert settings.PROCEDURE_MAX_ITEMS[field] >= 5 * largest, field
    assert settings.PROCEDURE_MAX_LIST_ITEMS >= 5 * 3  # ways to book, phones
    assert settings.PROCEDURE_MAX_RICH_TEXT_CHARS >= 30 * 905  # "Sposób załatwienia sprawy"
    assert settings.PROCEDURE_MAX_TEXT_CHARS >= 10 * 345  # the longest other text


def test_steps_up_to_the_limit_and_not_one_more(procedure):
    limit = settings.PROCEDURE_MAX_ITEMS["steps"]
    procedure.steps = [step(f"Etap {n}") for n in range(limit)]
    procedure.full_clean()

    procedure.steps = [step(f"Etap {n}") for n in range(limit + 1)]
    assert errors_of(procedure)["steps"] == [
        f"Pole „Najważniejsze etapy realizacji procedury” może mieć najwyżej {limit} "
        f"pozycji, a ma {limit + 1}. Usuń zbędne pozycje albo połącz podobne w jedną."
    ]


def test_rich_text_up_to_the_limit_and_not_one_more(procedure):
    limit = settings.PROCEDURE_MAX_RICH_TEXT_CHARS
    procedure.how_to = f"<p>{'a' * limit}</p>"
    procedure.full_clean()

    procedure.how_to = f"<p>{'a' * (limit + 1)}</p>"
    (message,) = errors_of(procedure)["how_to"]
    assert message.startswith("Pole „Sposób załatwienia sprawy” może mieć najwyżej 30\u00a0000 ")
    assert "a ma 30\u00a0001" in message


def test_rich_text_with_little_text_in_much_markup(procedure, settings):
    settings.PROCEDURE_MAX_RICH_TEXT_CHARS = 100
    procedure.cc_description = "<p><b>x</b></p>" * 100  # 100 characters of text
    (message,) = errors_of(procedure)["cc_description"]
    assert message.startswith("Pole „Opis” ma za dużo formatowania")


def test_plain_texts_and_texts_inside_blocks(procedure, settings):
    settings.PROCEDURE_MAX_TEXT_CHARS = 40
    procedure.submission_deadline = "x" * 41
    procedure.fees = [fee("opłata skarbowa", "17.00", remarks="u" * 41)]
    procedure.faq = [faq_item("Pytanie?", "<p>Odpowiedź.</p>")]
    errors = errors_of(procedure)
    assert errors["submission_deadline"][0].startswith(
        "Pole „Termin składania dokumentów” może mieć najwyżej 40 znaków"
    )
    assert errors["fees"] == [
        "Pole „Opłaty”, pozycja 1: pole „Uwagi” może mieć najwyżej 40 znaków (ze spacjami), "
        "a ma 41. Skróć tekst o 1 znaków."
    ]


def test_rich_text_blocks_and_nested_lists(procedure, settings):
    settings.PROCEDURE_MAX_RICH_TEXT_CHARS = 10
    settings.PROCEDURE_MAX_LIST_ITEMS = 2
    procedure.appeal = [appeal_text("<p>Odwołanie składa się w terminie.</p>")]
    procedure.appointment = [booking(*[("phone", f"42 638 40 0{n}") for n in range(3)])]
    errors = errors_of(procedure)
    assert errors["appeal"][0].startswith(
        "Pole „Tryb odwoławczy”, pozycja 1: pole „Tryb odwoławczy” może mieć najwyżej 10 znaków"
    )
    assert errors["appointment"] == [
        "Pole „Umawianie/rezerwacja wizyty”, pozycja 1: pole „Sposoby umówienia” może mieć "
        "najwyżej 2 pozycje, a ma 3. Usuń zbędne pozycje albo połącz podobne w jedną."
    ]


def test_importer_rejects_oversized_records_naming_the_field_and_goes_on(procedure_index, tmp_path):
    """The findings of issue #13: 10,000 steps and a 5 MB "Sposób załatwienia sprawy"."""
    records = [
        valid_record(
            "KA-03001",
            steps=[
                {"name": f"Etap {n}", "comment": None, "electronic": False} for n in range(10_000)
            ],
        ),
        valid_record("KA-03002", how_to="<p>" + "Złóż wniosek. " * 375_000 + "</p>"),
        valid_record("KA-03003"),
    ]
    path = tmp_path / "procedury.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")

    status, report = run_import(path, "--publish")

    assert status == 1
    outcomes = {r["code"]: r for r in report["records"]}
    assert outcomes["KA-03003"]["status"] == "created"
    assert list(ProcedurePage.objects.values_list("code", flat=True)) == ["KA-03003"]
    (steps_error,) = outcomes["KA-03001"]["errors"]
    assert steps_error["path"] == "steps"
    assert steps_error["message"].startswith(
        "Pole „Najważniejsze etapy realizacji procedury” może mieć najwyżej 50 pozycji, "
        "a ma 10\u00a0000."
    )
    (how_to_error,) = outcomes["KA-03002"]["errors"]
    assert how_to_error["path"] == "how_to"
    assert how_to_error["message"].startswith(
        "Pole „Sposób załatwienia sprawy” może mieć najwyżej 30\u00a0000 znaków"
    )


def edit(client, page, **changes):
    client.force_login(UserFactory(groups=[Group.objects.get(name=roles.MODERATORS)]))
    data = procedure_form_data(page, **changes, **{"action-publish": "action-publish"})
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def form_messages(response, field):
    errors = response.context["form"].errors.as_data()
    return [message for error in errors[field] for _, message in iter_block_errors(error)]


def test_admin_keeps_the_text_and_names_the_field(client, procedure, settings):
    settings.PROCEDURE_MAX_ITEMS = {**settings.PROCEDURE_MAX_ITEMS, "steps": 3}
    typed = "Wniosek składa się w Sali Obsługi Klienta. " * 800  # 35,200 characters
    steps = [("step", step_value(f"Etap wpisany nr {n}")) for n in range(4)]

    response = edit(
        client, procedure, how_to=rich_text(f"<p>{typed}</p>"), steps=streamfield(steps)
    )

    assert response.status_code == 200
    assert form_messages(response, "how_to")[0].startswith(
        "Pole „Sposób załatwienia sprawy” może mieć najwyżej 30\u00a0000 znaków"
    )
    assert form_messages(response, "steps") == [
        "Pole „Najważniejsze etapy realizacji procedury” może mieć najwyżej 3 pozycje, a ma 4. "
        "Usuń zbędne pozycje albo połącz podobne w jedną."
    ]
    assert typed.strip() in response.context["form"]["how_to"].value()  # nothing is lost
    assert "Etap wpisany nr 3" in response.text
    procedure.refresh_from_db()
    assert "Sali Obsługi" not in procedure.how_to


def test_a_paste_larger_than_djangos_default_post_limit_gets_the_message(client, procedure):
    """Django refuses a POST over 2.5 MB with a bare 400, losing the editor's text; the
    editor's form has room for 10 MB, so a 3 MB paste meets the field's own message."""
    typed = "Złóż wniosek. " * 220_000  # 3.1 million characters
    response = edit(client, procedure, how_to=rich_text(f"<p>{typed}</p>"))
    assert response.status_code == 200
    assert form_messages(response, "how_to")[0].startswith(
        "Pole „Sposób załatwienia sprawy” może mieć najwyżej 30\u00a0000 znaków"
    )
