"""What the Polish search keeps: analysed entries, their vocabulary, synonyms and statistics."""

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models

from search.analysis import query_words


class Audience(models.TextChoices):
    """Who an entry is for: residents see public text of public procedures only."""

    PUBLIC = "public", "mieszkańcy"
    STAFF = "staff", "pracownicy"


class VectorField(SearchVectorField):
    """A ``tsvector`` on PostgreSQL; elsewhere an unused text column (search reads the terms)."""

    def db_type(self, connection):
        return "tsvector" if connection.vendor == "postgresql" else "text"

    def _check_postgres_installed(self, *args, **kwargs):
        return []


#: The weights of :class:`SearchEntry`, one ``terms_<weight>`` column each, strongest first.
WEIGHTS = "ABCD"


class SearchEntry(models.Model):
    """One procedure as one audience finds it: its analysed terms by weight.

    A: title and code; B: summary and categories (and FAQ questions for staff); C: steps,
    documents and how-to; D: the rest. Each column holds space-separated terms with a
    space at both ends, so a whole term is found with ``contains(" term ")``.
    """

    page = models.ForeignKey(
        "procedures.ProcedurePage", on_delete=models.CASCADE, related_name="search_entries"
    )
    audience = models.CharField(max_length=6, choices=Audience.choices)
    terms_a = models.TextField(blank=True)
    terms_b = models.TextField(blank=True)
    terms_c = models.TextField(blank=True)
    terms_d = models.TextField(blank=True)
    vector = VectorField(null=True, editable=False)
    #: Title, code (A) and summary, categories, FAQ questions (B) only: small, so ranking
    #: reads it instead of the whole text's vector.
    head_vector = VectorField(null=True, editable=False)
    #: Title and code only, unweighted: title matches and suggestions come from its index
    #: without reading any row.
    title_vector = VectorField(null=True, editable=False)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["page", "audience"], name="search_entry_unique")
        ]

    def __str__(self):
        return f"{self.page_id} ({self.audience})"


class SearchTerm(models.Model):
    """A term some entry of the audience holds: the vocabulary typos are corrected against."""

    term = models.CharField(max_length=64)
    audience = models.CharField(max_length=6, choices=Audience.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["audience", "term"], name="search_term_unique")
        ]

    def __str__(self):
        return self.term


class SynonymGroup(models.Model):
    """Words and phrases that mean the same to a caller, e.g. "meldunek" and "zameldowanie".

    A query holding any of them also finds procedures that use another. Takes effect at
    once, with no re-indexing.
    """

    terms = models.TextField(
        "Wyrażenia",
        help_text=(
            "Słowa lub wyrażenia o tym samym znaczeniu, każde w osobnym wierszu, "
            "np. „meldunek” i „zameldowanie”. Odmiana i polskie znaki nie mają znaczenia."
        ),
    )
    note = models.CharField("Uwagi", max_length=255, blank=True)

    class Meta:
        verbose_name = "synonimy"
        verbose_name_plural = "synonimy"
        ordering = ["pk"]

    def __str__(self):
        return " = ".join(self.phrases())

    def phrases(self):
        """The group's phrases, one per non-empty line (commas and semicolons split too)."""
        parts = self.terms.replace(";", "\n").replace(",", "\n").splitlines()
        return [" ".join(p.split()) for p in parts if p.strip()]

    def clean(self):
        phrases = self.phrases()
        if len(phrases) < 2:
            raise ValidationError(
                {"terms": "Podaj co najmniej dwa wyrażenia, każde w osobnym wierszu."}
            )
        for phrase in phrases:
            if not query_words(phrase):
                raise ValidationError(
                    {"terms": f"Wyrażenie „{phrase}” nie zawiera słowa, którego można szukać."}
                )


class SearchQueryStat(models.Model):
    """How often a query was asked on a day and how many procedures it found.

    Holds no user, address or session: only the query, folded to lower case with numbers
    that could identify a person (PESEL, phone, account) masked.
    """

    day = models.DateField("Dzień")
    audience = models.CharField("Kto szukał", max_length=6, choices=Audience.choices)
    query = models.CharField("Zapytanie", max_length=200)
    searches = models.PositiveIntegerField("Wyszukiwania", default=0)
    zero_hit_searches = models.PositiveIntegerField("Bez wyników", default=0)
    last_hits = models.PositiveIntegerField("Wyników ostatnio", default=0)

    class Meta:
        verbose_name = "statystyka wyszukiwania"
        verbose_name_plural = "statystyki wyszukiwania"
        constraints = [
            models.UniqueConstraint(
                fields=["day", "audience", "query"], name="search_query_stat_unique"
            )
        ]

    def __str__(self):
        return f"{self.day} {self.query}"
