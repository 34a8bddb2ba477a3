"""Wagtail's search backend in Polish: the admin's explorer, page chooser, snippet, document
and image choosers and listings find by inflected words, words typed without diacritics,
typos and codes ("prawa jazdy", "zameldowanie pobyt staly", "KA-01147", "ka01147").

Configured as ``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backend"}}``.

- **Pages.** Procedures are found through their search entries (:mod:`search.engine`:
  lemmas, restored diacritics, typo correction, synonyms, codes), ranked as the Call Center
  ranks them. Which entries depends on who searches (:mod:`search.readers`): staff who may
  read restricted content search all of a procedure's text; everybody else (department
  editors) searches the entries without restricted text, so a word that occurs only in a
  restricted field finds nothing for them. Pages without such an entry (home and index
  pages; internal procedures, which have no entry without restricted text) are found by
  their title and code.
- **Other models** (departments, employees, offices, vocabularies, documents, images…)
  are read from their tables, as Wagtail's database fallback does, and both sides go
  through the analyser: the text of the model's search fields (or of the ``fields`` asked
  for; related fields too, e.g. an employee's department) and the query.

Nothing is indexed here: the search entries are kept by :mod:`search.signals`, other
models are read as they stand. The queryset's own filters and ordering are applied by
the database, so any filter works (not only ``FilterField``s).

A search box types as it goes: ``autocomplete()`` also completes the last word ("zamel"
finds "Zameldowanie"). Every word of the query must match (a synonym, a lemma or a
correction of it will do), as in Wagtail's own backends: a chooser lists what was asked
for, and a word that only a restricted field holds can never bring a procedure in.
"""

import difflib
import functools
import logging
from collections import OrderedDict

from django.contrib.admin.utils import get_fields_from_path
from django.core.exceptions import FieldDoesNotExist
from django.db import DatabaseError, transaction
from django.db.models import Count
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from modelsearch.backends.base import (
    BaseSearchBackend,
    BaseSearchQueryCompiler,
    BaseSearchResults,
)
from modelsearch.index import AutocompleteField, RelatedFields, SearchField
from modelsearch.query import And, Boost, Fuzzy, MatchAll, Not, Or, Phrase, PlainText
from wagtail.models import Page

from procedures.models import ProcedurePage
from search import engine
from search.analysis import document_terms, query_words
from search.databases.base import TYPO_CANDIDATES
from search.models import SearchEntry
from search.readers import current_audience

logger = logging.getLogger(__name__)

#: Most procedures one admin search ranks; a query matching more lists its best ones.
MAX_RESULTS = 1000


def query_text(query):
    """The words of a Wagtail search query (``PlainText``, ``Phrase`` and their ``And`` /
    ``Or`` / ``Boost``), or ``None`` for one that asks for everything (``MATCH_ALL``).

    Negated parts (``Not``) are left out: the analyser finds, it does not exclude.
    """
    if isinstance(query, PlainText | Phrase | Fuzzy):
        return query.query_string
    if isinstance(query, Boost):
        return query_text(query.subquery)
    if isinstance(query, And | Or):
        parts = [query_text(q) for q in query.subqueries]
        parts = [p for p in parts if p is not None]
        return " ".join(parts) if parts else None
    if isinstance(query, MatchAll | Not):
        return None
    raise NotImplementedError(f"{type(query).__name__} is not supported by the Polish search.")


@functools.lru_cache(maxsize=65536)
def text_terms(text):
    """Every term the words of ``text`` stand for (surface forms and lemmas, folded)."""
    if "<" in text:
        text = strip_tags(text)
    return frozenset(t for group in document_terms(text) for t in group)


class _Word:
    """A query word: the terms it stands for and, for the last word of a search box, the
    beginning of longer words it may be."""

    def __init__(self, surface, terms, prefix=False):
        self.surface = surface
        self.terms = set(terms)
        self.prefix = surface if prefix and len(surface) >= engine.MIN_COMPLETION_LENGTH else None

    def matches(self, terms):
        if self.terms & terms:
            return True
        return bool(self.prefix) and any(t.startswith(self.prefix) for t in terms)

    def correct(self, vocabulary):
        """Stand also for the nearest words of ``vocabulary`` when none of it matches."""
        surface = self.surface
        if len(surface) < engine.MIN_TYPO_LENGTH or surface.isdigit() or self.matches(vocabulary):
            return
        self.terms.update(
            difflib.get_close_matches(surface, sorted(vocabulary), TYPO_CANDIDATES, 0.75)
        )


def rank_by_text(text, items, complete_last=False):
    """Keys of ``items`` — ``(key, [terms of the main field, terms of the others…])`` in
    their own order — that match every word of ``text``: those matching most words in
    their main field first, the rest in their own order."""
    qwords = query_words(text)[: engine.MAX_WORDS]
    if not qwords:
        return []
    last = len(qwords) - 1
    words = [_Word(s, terms, complete_last and i == last) for i, (s, terms) in enumerate(qwords)]
    items = [(key, fields, frozenset().union(*fields)) for key, fields in items]
    vocabulary = frozenset().union(*(every for _key, _fields, every in items))
    for word in words:
        word.correct(vocabulary)
    scored = []
    for position, (key, fields, every) in enumerate(items):
        if all(word.matches(every) for word in words):
            main = sum(word.matches(fields[0]) for word in words)
            scored.append((-main, position, key))
    scored.sort()
    return [row[-1] for row in scored]


def _searched_paths(model, fields):
    """The lookups whose text is searched: ``fields`` if given, else the model's search
    fields (related ones as ``relation__field``), those stored in the database only."""
    if fields:
        names = list(fields)
    else:
        names = []
        for field in model.get_search_fields():
            if isinstance(field, SearchField | AutocompleteField):
                names.append(field.field_name)
            elif isinstance(field, RelatedFields):
                names += [
                    f"{field.field_name}__{sub.field_name}"
                    for sub in field.fields
                    if isinstance(sub, SearchField | AutocompleteField)
                ]
    paths = []
    for name in dict.fromkeys(names):
        try:
            path = get_fields_from_path(model, name)
        except (FieldDoesNotExist, AttributeError):
            continue  # a method indexed by name: not in the table
        if not path[-1].is_relation:
            paths.append(name)
    return paths


class PolishSearchQueryCompiler(BaseSearchQueryCompiler):
    """Which objects of the queryset a query finds, best first (:attr:`matched_ids`)."""

    DEFAULT_OPERATOR = "and"
    HANDLES_ORDER_BY_EXPRESSIONS = True
    #: Whether the last word may be the beginning of a longer one (a search box).
    complete_last = False

    def check(self):
        """Nothing to refuse: the database applies the queryset's filters and ordering as
        they stand, whichever fields they use."""

    @cached_property
    def matched_ids(self):
        """Primary keys of the matches in the queryset, best first; ``None`` for a query
        that asks for everything (the queryset as it is)."""
        text = query_text(self.query)
        if text is None:
            return None
        if issubclass(self.queryset.model, Page):
            return self._page_ids(text)
        return self._object_ids(text)

    def _page_ids(self, text):
        audience = current_audience()
        try:
            with transaction.atomic():
                found = engine.search(
                    text,
                    audience,
                    0,
                    MAX_RESULTS,
                    complete_last=self.complete_last,
                    published_only=False,
                    every_concept=True,
                ).page_ids
        except DatabaseError:
            logger.warning("Admin search refused the query %r", text, exc_info=True)
            return []
        visible = set(self.queryset.filter(pk__in=found).values_list("pk", flat=True))
        ranked = [pk for pk in found if pk in visible]
        # Pages the entries do not cover: found by title and code, after the procedures.
        others = self.queryset.exclude(
            pk__in=SearchEntry.objects.filter(audience=audience).values("page_id")
        )
        rows = list(others.order_by("title", "pk").values_list("pk", "title"))
        codes = dict(
            ProcedurePage.objects.filter(pk__in=[pk for pk, _title in rows]).values_list(
                "pk", "code"
            )
        )
        items = [(pk, [text_terms(title), text_terms(codes.get(pk, ""))]) for pk, title in rows]
        return ranked + rank_by_text(text, items, self.complete_last)

    def _object_ids(self, text):
        paths = _searched_paths(self.queryset.model, self.fields)
        if not paths:
            return []
        texts = {}
        for pk, *values in self.queryset.values_list("pk", *paths):
            fields = texts.setdefault(pk, [frozenset()] * len(paths))
            for i, value in enumerate(values):
                if value not in (None, ""):
                    fields[i] = fields[i] | text_terms(str(value))
        return rank_by_text(text, list(texts.items()), self.complete_last)


class PolishAutocompleteQueryCompiler(PolishSearchQueryCompiler):
    """As :class:`PolishSearchQueryCompiler`, with the last word completed as it is typed."""

    complete_last = True


class PolishSearchResults(BaseSearchResults):
    """The matches as Wagtail's views use them: sliced, counted and faceted lazily."""

    supports_facet = True

    def _matches(self):
        queryset = self.query_compiler.queryset
        ids = self.query_compiler.matched_ids
        return queryset if ids is None else queryset.filter(pk__in=ids)

    def _do_search(self):
        compiler = self.query_compiler
        ids = compiler.matched_ids
        if ids is None or not compiler.order_by_relevance:
            queryset = self._matches()
            if not queryset.ordered:
                queryset = queryset.order_by("-pk")  # stable pages, as Wagtail's fallback
            objects = list(queryset[self.start : self.stop])
        else:
            chosen = ids[self.start : self.stop]
            by_pk = {obj.pk: obj for obj in compiler.queryset.filter(pk__in=chosen)}
            objects = [by_pk[pk] for pk in chosen if pk in by_pk]
        if self._score_field:
            position = {pk: i for i, pk in enumerate(ids or [])}
            for obj in objects:
                score = float(len(position) - position[obj.pk]) if obj.pk in position else None
                setattr(obj, self._score_field, score)
        return objects

    def _do_count(self):
        ids = self.query_compiler.matched_ids
        return self.query_compiler.queryset.count() if ids is None else len(ids)

    def facet(self, field_name):
        """``{value: number of matches}`` of ``field_name``, most frequent first (the
        explorer search's page types)."""
        rows = (
            self._matches()
            .order_by()
            .values(field_name)
            .annotate(count=Count("pk"))
            .order_by("-count")
        )
        return OrderedDict((row[field_name], row["count"]) for row in rows)


class PolishSearchBackend(BaseSearchBackend):
    """Search through the Polish analyser; keeps no index of its own."""

    query_compiler_class = PolishSearchQueryCompiler
    autocomplete_query_compiler_class = PolishAutocompleteQueryCompiler
    results_class = PolishSearchResults


SearchBackend = PolishSearchBackend


def keeps_no_index(backend):
    """Whether ``backend`` searches the tables as they stand, with nothing to bring up to
    date when an object is saved or deleted."""
    return isinstance(backend, PolishSearchBackend)
