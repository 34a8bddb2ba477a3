"""Controlled vocabularies editors pick from, so the same thing is always said the same way."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.http import MAX_URL_LENGTH
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from procedures.text import slugify_pl
from procedures.validators import INDEXED_NAME_MAX, WEB_URL_SCHEMES, SafeURLValidator


class VocabularyTerm(index.Indexed, models.Model):
    """A term with a unique name; concrete vocabularies add what else they need."""

    name = models.CharField("Nazwa", max_length=INDEXED_NAME_MAX, unique=True)

    panels = [FieldPanel("name")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class UsefulInfo(VocabularyTerm):
    """A "Przydatne informacje" keyword, e.g. "sprawa załatwiana od ręki"."""

    class Meta(VocabularyTerm.Meta):
        verbose_name = "przydatna informacja"
        verbose_name_plural = "przydatne informacje"


class ElectronicAction(VocabularyTerm):
    """An action residents can do online, e.g. "złożenie wniosku"."""

    class Meta(VocabularyTerm.Meta):
        verbose_name = "czynność elektroniczna"
        verbose_name_plural = "czynności możliwe do załatwienia drogą elektroniczną"


class EFormPlatform(VocabularyTerm):
    """A platform hosting e-forms or e-submission: ePUAP, biznes.gov.pl, PUE ZUS, …"""

    # As long as a URL may be (Django's URLValidator), not URLField's default 200.
    url = models.URLField("Adres platformy", max_length=MAX_URL_LENGTH, blank=True)

    panels = [FieldPanel("name"), FieldPanel("url")]

    class Meta(VocabularyTerm.Meta):
        verbose_name = "platforma e-usług"
        verbose_name_plural = "platformy e-usług"

    def clean(self):
        super().clean()
        try:
            SafeURLValidator(self._meta.get_field("url").verbose_name, WEB_URL_SCHEMES)(self.url)
        except ValidationError as error:
            raise ValidationError({"url": error}) from error


class LegalActKind(VocabularyTerm):
    """A kind of legal act: ustawa, rozporządzenie, uchwała Rady Miejskiej w Łodzi, …"""

    class Meta(VocabularyTerm.Meta):
        verbose_name = "rodzaj aktu prawnego"
        verbose_name_plural = "rodzaje aktów prawnych"


class CategoryQuerySet(models.QuerySet):
    """Categories as the portal needs them."""

    def with_public_count(self):
        """Categories annotated with ``public_count``: how many procedures of each a
        resident sees now (``ProcedurePage.objects.public()``; internal ones never count)."""
        procedure_model = self.model._meta.get_field("procedures").related_model
        public = procedure_model.objects.public().values("pk")
        # Meta.ordering does not apply to aggregating queries; keep the editors' order.
        return self.annotate(
            public_count=models.Count(
                "procedures", filter=models.Q(procedures__in=public), distinct=True
            )
        ).order_by(*Category._meta.ordering)


class Category(index.Indexed, models.Model):
    """A group of procedures on the portal and in BIP, e.g. "sprawy obywatelskie"."""

    name = models.CharField("Nazwa", max_length=INDEXED_NAME_MAX, unique=True)
    slug = models.SlugField("Adres (slug)", max_length=120, unique=True, allow_unicode=False)
    description = models.TextField("Opis", blank=True)
    sort_order = models.PositiveIntegerField("Kolejność", default=0)

    objects = CategoryQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = "kategoria"
        verbose_name_plural = "kategorie"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self._free_slug()
        super().save(*args, **kwargs)

    def _free_slug(self):
        """A slug from the name that no other category has: names that differ only in
        letters slugify drops, or only after its first 80 characters, get ``-2``, ``-3``…"""
        base = slugify_pl(self.name) or "kategoria"
        taken = set(
            Category.objects.exclude(pk=self.pk)
            .filter(slug__startswith=base)
            .values_list("slug", flat=True)
        )
        slug, number = base, 1
        while slug in taken:
            number += 1
            slug = f"{base}-{number}"
        return slug
