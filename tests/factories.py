"""Factories for tests: each builds a valid record by default.

Stream fields take raw block data (``[{"type": ..., "value": ...}]``); the builders in
:mod:`tests.stream_data` make the common entries and are re-exported here.
"""

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile

from procedures.models import (
    Category,
    Department,
    Employee,
    InformationAuthor,
    Office,
    OrganisationalUnit,
    ProcedureDocument,
    ProcedureIndexPage,
    ProcedurePage,
)
from tests.pdf import one_page_pdf
from tests.procedures.files import PDF
from tests.stream_data import (  # noqa: F401 — re-exported for tests
    STAMP_DUTY_ACCOUNT,
    appeal_text,
    booking,
    channel,
    document,
    faq_item,
    fee,
    legal_act,
    marker,
    step,
)


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
    # Each person has a number of their own, so a leaked restricted number can be told
    # from the public ones (the city's switchboard is 42 638 xx xx; these are 42 700 …).
    phone = factory.Sequence(lambda n: f"42 700 {n // 100 % 100:02d} {n % 100:02d}")

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


#: One marker per restricted value, for tests that look for leaks in public output: every
#: restricted field, the people's phone numbers and e-mail addresses, and the title, file
#: name and text of a document linked only from "Opis*". Match them without regard to case.
RESTRICTED_MARKERS = {
    "cc_description": "MARKER-CC-DESCRIPTION",
    "cc_other": "MARKER-CC-OTHER",
    "faq_question": "MARKER-FAQ-QUESTION",
    "faq_answer": "MARKER-FAQ-ANSWER",
    "owner": "MARKER-OWNER",
    "owner_email": "marker-owner@example.invalid",
    "owner_phone": "42 799 01 01",
    "coordinator": "MARKER-COORDINATOR",
    "coordinator_email": "marker-coordinator@example.invalid",
    "coordinator_phone": "42 799 02 02",
    "cc_contacts": "MARKER-CC-CONTACT",
    "cc_contacts_email": "marker-cc-contact@example.invalid",
    "cc_contacts_phone": "42 799 03 03",
    "document_title": "MARKER-DOCUMENT-TITLE",
    "document_file": "marker-document-file",
    "document_text": "MARKER-DOCUMENT-TEXT",
}


def pdf_document(name):
    """A saved PDF document titled ``name``, with its size stored as an upload leaves it."""
    doc = ProcedureDocument(title=name)
    doc.file.save(f"{name}.pdf", ContentFile(PDF), save=False)
    doc._set_document_file_metadata()
    doc.save()
    return doc


def restricted_document(title, file_name, text):
    """A saved one-page PDF document whose printed text is ``text``."""
    doc = ProcedureDocument(title=title)
    doc.file.save(f"{file_name}.pdf", ContentFile(one_page_pdf([text])), save=False)
    doc._set_document_file_metadata()
    doc.save()
    return doc


def fill_restricted_fields(page, markers=RESTRICTED_MARKERS):
    """Put a marker in every restricted value of ``page`` (not saved); returns the markers.

    Owner, coordinator and contacts are new people who are not information authors (an
    owner who is also an author is rightly public, as the author), each with a marked name,
    e-mail address and phone number. "Opis*" links a document used nowhere else, whose
    title, file name and PDF text are marked.
    """

    def person(key):
        return EmployeeFactory(
            name=markers[key],
            email=markers[f"{key}_email"],
            phone=markers[f"{key}_phone"],
            department=page.department,
        )

    page.procedure_owner = person("owner")
    page.coordinator = person("coordinator")
    contact = person("cc_contacts")
    page.cc_contacts = [{"type": "employee", "value": contact.pk}]
    doc = restricted_document(
        markers["document_title"], markers["document_file"], markers["document_text"]
    )
    page.cc_description = (
        f'<p>{markers["cc_description"]} <a linktype="document" id="{doc.pk}">plik</a></p>'
    )
    page.faq = [faq_item(markers["faq_question"], f"<p>{markers['faq_answer']}</p>")]
    page.cc_other = markers["cc_other"]
    return markers


def store_unchecked(page, **values):
    """Write ``values`` (stream fields as raw block data) straight to the page's row, as
    content saved before a rule existed; returns the page read back."""
    ProcedurePage.objects.filter(pk=page.pk).update(**values)
    page.refresh_from_db()
    return page


def find_markers(text, markers):
    """The markers (any iterable of strings) found in ``text``, ignoring case."""
    folded = text.casefold()
    return sorted(m for m in markers if m.casefold() in folded)
