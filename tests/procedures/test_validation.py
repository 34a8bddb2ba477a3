"""The template's rules reject bad input with a Polish message naming the field, and
accept values exactly at the limit."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from procedures.validators import format_nrb, validate_nrb
from tests.factories import (
    EmployeeFactory,
    channel,
    fee,
    marker,
    step,
)

from .validation import errors_of

VALID_NRB = "50 1240 1037 1111 0011 0925 0073"  # the city's stamp-duty account


def test_a_complete_procedure_is_valid(procedure):
    procedure.full_clean()


@pytest.mark.parametrize(
    ("field", "limit", "label"),
    [("title", 160, "Nazwa procedury"), ("summary", 650, "Skrócony opis sprawy")],
)
def test_text_limits_accept_the_limit_and_reject_one_more(procedure, field, limit, label):
    setattr(procedure, field, "a" * limit)
    procedure.full_clean()

    setattr(procedure, field, "a" * (limit + 1))
    messages = errors_of(procedure)[field]
    assert any(f"„{label}” może mieć najwyżej {limit} znaków" in m for m in messages)
    assert any(f"ma {limit + 1}" in m for m in messages)


def test_spaces_count_towards_the_title_limit(procedure):
    procedure.title = "a " * 80 + "b"  # 161 characters, 81 of them spaces
    assert "title" in errors_of(procedure)


@pytest.mark.parametrize(
    ("part", "limit", "label"),
    [("name", 40, "Nazwa etapu"), ("comment", 75, "Komentarz")],
)
def test_step_limits(procedure, part, limit, label):
    ok = {"name": "Złóż wniosek", "comment": ""}
    ok[part] = "x" * limit
    procedure.steps = [step(ok["name"], ok["comment"])]
    procedure.full_clean()

    ok[part] = "x" * (limit + 1)
    procedure.steps = [step(ok["name"], ok["comment"])]
    messages = errors_of(procedure)["steps"]
    assert any(m.startswith(f"[0].{part}: ") for m in messages)
    with pytest.raises(ValidationError) as caught:
        procedure._meta.get_field("steps").stream_block.clean(procedure.steps)
    block_error = caught.value.block_errors[0].block_errors[part]
    assert f"„{label}” może mieć najwyżej {limit} znaków" in block_error.messages[0]


def test_valid_nrb_with_or_without_pl_and_spaces():
    validate_nrb(VALID_NRB)
    validate_nrb("PL50124010371111001109250073")
    assert format_nrb("PL50124010371111001109250073") == VALID_NRB


@pytest.mark.parametrize(
    ("account", "code"),
    [
        ("50 1240 1037 1111 0011 0925 0074", "nrb_checksum"),  # one digit changed
        ("51 1240 1037 1111 0011 0925 0073", "nrb_checksum"),
        ("50 1240 1037 1111 0011 0925", "nrb_format"),  # too short
        ("DE89370400440532013000", "nrb_format"),  # a valid German IBAN is not an NRB
    ],
)
def test_invalid_nrb_is_rejected(account, code):
    with pytest.raises(ValidationError) as caught:
        validate_nrb(account)
    assert caught.value.code == code
    assert "Numer rachunku" in caught.value.messages[0]


def test_fee_needs_an_amount_and_a_valid_account(procedure):
    procedure.fees = [fee("opłata skarbowa", "17.00", account="50 1240 1037 1111 0011 0925 0074")]
    assert "fees" in errors_of(procedure)

    procedure.fees = [
        {"type": "fee", "value": {"type": "opłata", "amount": None, "account": VALID_NRB}}
    ]
    assert "fees" in errors_of(procedure)

    procedure.fees = [fee("opłata skarbowa", "17.00")]
    procedure.full_clean()
    assert procedure.fees[0].value["amount"] == Decimal("17.00")


@pytest.mark.parametrize(
    ("field", "marker_name", "content"),
    [
        ("fees", "none", fee("opłata skarbowa", "17")),
        ("appointment", "not_applicable", None),
        ("submission_channels", "not_applicable", channel("post", "ul. Piotrkowska 104")),
        ("appeal", "none", {"type": "text", "value": "<p>Odwołanie do SKO.</p>"}),
    ],
)
def test_filled_or_explicitly_none_never_silently_empty(procedure, field, marker_name, content):
    setattr(procedure, field, [])
    messages = errors_of(procedure)[field]
    assert any("nie może zostać puste" in m for m in messages)

    setattr(procedure, field, [marker(marker_name)])
    procedure.full_clean()

    if content is not None:
        setattr(procedure, field, [marker(marker_name), content])
        messages = errors_of(procedure)[field]
        assert any("nie może występować razem" in m for m in messages)


def test_owner_is_required_and_single(procedure):
    procedure.procedure_owner = None
    assert "procedure_owner" in errors_of(procedure)
    field = procedure._meta.get_field("procedure_owner")
    assert field.many_to_one  # a single employee by construction: never two owners


def test_coordinator_must_belong_to_the_procedures_department(procedure):
    outsider = EmployeeFactory()  # another department
    procedure.coordinator = outsider
    messages = errors_of(procedure)["coordinator"]
    assert "Koordynator musi być pracownikiem komórki" in messages[0]
    assert outsider.department.name in messages[0]

    procedure.coordinator = EmployeeFactory(department=procedure.department)
    procedure.full_clean()


def test_coordinator_is_required(procedure):
    procedure.coordinator = None
    assert "coordinator" in errors_of(procedure)


def test_code_format(procedure):
    procedure.code = "KA01147"
    assert "Kod procedury" in errors_of(procedure)["code"][0]
    procedure.code = "KA-01147"
    procedure.full_clean()


def test_required_texts(procedure):
    procedure.summary = ""
    procedure.how_to = ""
    errors = errors_of(procedure)
    assert {"summary", "how_to"} <= set(errors)


def test_valid_to_after_valid_from(procedure):
    from datetime import timedelta

    from django.utils import timezone

    procedure.go_live_at = timezone.now() + timedelta(days=2)
    procedure.expire_at = timezone.now() + timedelta(days=1)
    assert "Obowiązuje do" in errors_of(procedure)["expire_at"][0]
