"""The city's organisational structure and its people, chosen from lists in procedures."""

from django import forms
from django.conf import settings
from django.db import models, transaction
from wagtail.admin.panels import FieldPanel
from wagtail.models import Collection
from wagtail.search import index

from procedures.validators import INDEXED_NAME_MAX

# The template limits none of these texts: names that must be unique are bounded only as
# far as their index needs (INDEXED_NAME_MAX), the rest are TextFields edited on one line.
ONE_LINE = forms.TextInput

#: The collection under which every department has its own ("Dokumenty / <komórka>").
DOCUMENTS_COLLECTION = "Dokumenty"


class OrganisationalUnit(index.Indexed, models.Model):
    """Jednostka: Urząd Miasta Łodzi or a municipal organisational unit."""

    name = models.CharField("Nazwa jednostki", max_length=INDEXED_NAME_MAX, unique=True)
    short_name = models.CharField("Skrót", max_length=30, blank=True)

    panels = [FieldPanel("name"), FieldPanel("short_name")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = "jednostka"
        verbose_name_plural = "jednostki"

    def __str__(self):
        return self.name


class Department(index.Indexed, models.Model):
    """Komórka: a department (wydział or equivalent) of a unit, responsible for procedures."""

    unit = models.ForeignKey(
        OrganisationalUnit,
        on_delete=models.PROTECT,
        related_name="departments",
        verbose_name="Jednostka",
    )
    name = models.CharField("Nazwa komórki", max_length=INDEXED_NAME_MAX)
    short_name = models.CharField("Skrót", max_length=30, blank=True)
    editors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="edited_departments",
        verbose_name="Redaktorzy komórki",
        help_text="Użytkownicy, którzy mogą przygotowywać i zmieniać procedury tej komórki.",
    )
    document_collection = models.OneToOneField(
        Collection,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="department",
        verbose_name="Kolekcja dokumentów",
        help_text="Pliki tej komórki: zarządzają nimi jej redaktorzy i Oddział ds. Procedur.",
    )

    panels = [
        FieldPanel("unit"),
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("editors"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.RelatedFields("unit", [index.SearchField("name")]),
    ]

    class Meta:
        ordering = ["unit__name", "name"]
        verbose_name = "komórka"
        verbose_name_plural = "komórki"
        constraints = [
            models.UniqueConstraint(fields=["unit", "name"], name="unique_department_per_unit")
        ]

    def __str__(self):
        return f"{self.name} ({self.unit})"

    def save(self, *args, **kwargs):
        with transaction.atomic():
            super().save(*args, **kwargs)
            self.get_document_collection()

    def get_document_collection(self):
        """The department's "Dokumenty / <komórka>" collection, made on first use and
        renamed with the department."""
        collection = self.document_collection
        name = str(self)[:255]
        if collection is None:
            root = Collection.get_first_root_node()
            parent = root.get_children().filter(name=DOCUMENTS_COLLECTION).first()
            if parent is None:
                parent = root.add_child(name=DOCUMENTS_COLLECTION)
            collection = parent.add_child(name=name)
            Department.objects.filter(pk=self.pk).update(document_collection=collection)
            self.document_collection = collection
        elif collection.name != name:
            collection.name = name
            collection.save(update_fields=["name"])
        return collection


class Employee(index.Indexed, models.Model):
    """A member of staff: owner, coordinator, author or Call Center contact of procedures."""

    name = models.TextField("Imię i nazwisko")
    position = models.TextField("Stanowisko", blank=True)
    department = models.ForeignKey(
        Department,
        on_delete=models.PROTECT,
        related_name="employees",
        verbose_name="Komórka",
    )
    email = models.EmailField("E-mail", blank=True)
    phone = models.TextField("Telefon", blank=True)

    panels = [
        FieldPanel("name", widget=ONE_LINE),
        FieldPanel("position", widget=ONE_LINE),
        FieldPanel("department"),
        FieldPanel("email"),
        FieldPanel("phone", widget=ONE_LINE),
    ]
    # Choosers find a person by name, position or department ("kierownik oddziału").
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("position"),
        index.RelatedFields("department", [index.SearchField("name")]),
        index.FilterField("department"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = "pracownik"
        verbose_name_plural = "pracownicy"

    def __str__(self):
        return self.name


class Office(index.Indexed, models.Model):
    """Miejsce załatwienia: an office where residents handle a matter, reused by procedures."""

    name = models.TextField(
        "Nazwa",
        help_text="Jednostka lub komórka organizacyjna (także wewnętrzna), "
        "np. „Oddział Dowodów Osobistych – Sala Obsługi Klienta”.",
    )
    department = models.ForeignKey(
        Department,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="offices",
        verbose_name="Komórka",
    )
    address = models.TextField("Adres", blank=True)
    details = models.TextField(
        "Szczegóły", blank=True, help_text="Piętro, pokój, stanowisko, godziny przyjęć."
    )
    phones = models.TextField(
        "Telefony", blank=True, help_text="Kilka numerów oddziel przecinkami."
    )

    panels = [
        FieldPanel("name", widget=ONE_LINE),
        FieldPanel("department"),
        FieldPanel("address", widget=ONE_LINE),
        FieldPanel("details"),
        FieldPanel("phones", widget=ONE_LINE),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("address"),
        index.AutocompleteField("name"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = "miejsce załatwienia sprawy"
        verbose_name_plural = "miejsca załatwienia sprawy"

    def __str__(self):
        return f"{self.name}, {self.address}" if self.address else self.name

    @property
    def phone_list(self):
        return [p.strip() for p in self.phones.split(",") if p.strip()]
