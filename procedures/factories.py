"""Factories for tests and the demo: each builds a valid record by default.

Stream fields take raw block data (``[{"type": ..., "value": ...}]``), the same shape the
interchange format and the database use; helpers below build the common entries.
"""

from decimal import Decimal

import factory
import wagtail_factories
from django.contrib.auth import get_user_model

from procedures.models import (
    Category,
    Department,
    Employee,
    InformationAuthor,
    Office,
    OrganisationalUnit,
    ProcedureIndexPage,
    ProcedurePage,
)

STAMP_DUTY_ACCOUNT = "50 1240 1037 1111 0011 0925 0073"


def step(name, comment="", electronic=False):
    return {"type": "step", "value": {"name": name, "comment": comment, "electronic": electronic}}


def fee(fee_type, amount, account=STAMP_DUTY_ACCOUNT, remarks=""):
    return {
        "type": "fee",
        "value": {
            "type": fee_type,
            "amount": str(Decimal(amount)),
            "account": account,
            "remarks": remarks,
        },
    }


def marker(name):
    """An explicit "brak" / "nie dotyczy" entry (``none`` or ``not_applicable``)."""
    return {"type": name, "value": None}


def channel(kind, details="", platforms=()):
    return {
        "type": "channel",
        "value": {"kind": kind, "details": details, "platforms": [p.pk for p in platforms]},
    }


def booking(*methods, required=False):
    """``booking(("phone", "+48 (42) 638-44-44"), ("url", "https://wizyty.uml.lodz.pl/"))``"""
    return {
        "type": "booking",
        "value": {
            "required": required,
            "methods": [{"kind": kind, "value": value, "note": ""} for kind, value in methods],
        },
    }


def appeal_text(html):
    return {"type": "text", "value": html}


def document(name, file=None, sample_file=None, eforms=(), group="to_submit"):
    return {
        "type": group,
        "value": {
            "name": name,
            "file": file.pk if file else None,
            "sample_file": sample_file.pk if sample_file else None,
            "eforms": [{"platform": p.pk, "url": url} for p, url in eforms],
        },
    }


def legal_act(title, kind=None, url=""):
    return {"type": "act", "value": {"kind": kind.pk if kind else None, "title": title, "url": url}}


def faq_item(question, answer_html):
    return {"type": "item", "value": {"question": question, "answer": answer_html}}


class OrganisationalUnitFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Jednostka testowa {n}")

    class Meta:
        model = OrganisationalUnit
        django_get_or_create = ["name"]


class DepartmentFactory(factory.django.DjangoModelFactory):
    unit = factory.SubFactory(OrganisationalUnitFactory)
    name = factory.Sequence(lambda n: f"Wydział Testowy {n}")

    class Meta:
        model = Department
        django_get_or_create = ["unit", "name"]


class EmployeeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Pracownik {n}")
    position = "inspektor"
    department = factory.SubFactory(DepartmentFactory)
    email = factory.Sequence(lambda n: f"pracownik{n}@uml.lodz.pl")
    phone = "42 638 40 00"

    class Meta:
        model = Employee


class OfficeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Punkt obsługi {n}")
    address = "ul. Piotrkowska 110, 90-447 Łódź"
    phones = "+48 (42) 638-44-44"

    class Meta:
        model = Office


class CategoryFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Kategoria {n}")

    class Meta:
        model = Category
        django_get_or_create = ["name"]


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Łódzkie Centrum Kontaktu z Mieszkańcami"

    class Meta:
        model = "home.HomePage"


class ProcedureIndexPageFactory(wagtail_factories.PageFactory):
    title = "Procedury"
    slug = "procedury"

    class Meta:
        model = ProcedureIndexPage


class ProcedurePageFactory(wagtail_factories.PageFactory):
    """A complete, valid, live procedure of its own department."""

    title = factory.Sequence(lambda n: f"Wydanie zaświadczenia testowego nr {n}")
    code = factory.Sequence(lambda n: f"KA-{10000 + n:05d}")
    summary = "Zaświadczenie wydaje się na wniosek osoby, której dotyczy."
    how_to = "<p>Złóż wniosek osobiście albo elektronicznie.</p>"
    department = factory.SubFactory(DepartmentFactory)
    procedure_owner = factory.SubFactory(
        EmployeeFactory, department=factory.SelfAttribute("..department")
    )
    coordinator = factory.SubFactory(
        EmployeeFactory, department=factory.SelfAttribute("..department")
    )
    steps = factory.LazyFunction(
        lambda: [
            step("Złóż wniosek", "elektronicznie lub w urzędzie", electronic=True),
            step("Odbierz zaświadczenie"),
        ]
    )
    fees = factory.LazyFunction(lambda: [fee("opłata skarbowa", "17.00")])
    appointment = factory.LazyFunction(lambda: [marker("not_applicable")])
    submission_channels = factory.LazyFunction(
        lambda: [channel("in_person", "ul. Piotrkowska 110")]
    )
    appeal = factory.LazyFunction(lambda: [marker("none")])

    class Meta:
        model = ProcedurePage
        skip_postgeneration_save = True

    @factory.post_generation
    def authors(self, create, extracted, **kwargs):
        """Information authors; by default the owner."""
        if not create:
            return
        for position, employee in enumerate(extracted or [self.procedure_owner]):
            InformationAuthor.objects.create(page=self, employee=employee, sort_order=position)


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@uml.lodz.pl")
    password = factory.django.Password("haslo-testowe-123")
    is_active = True

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*extracted)
