"""The Polish search on SQLite (and any database but PostgreSQL): the same rules in Python.

Entries keep their terms in four space-padded columns by weight, so candidates are found
with ``contains(" term ")`` and scored here as PostgreSQL would order them.
"""

import difflib
import math

from django.db.models import Q

from search.databases.base import TYPO_CANDIDATES, SearchDatabase, entries
from search.models import SearchTerm

#: Weight of a match in each column, as ``ts_rank`` weighs A, B, C and D.
WEIGHT_OF = {"a": 1.0, "b": 0.4, "c": 0.2, "d": 0.1}


def _columns(entry):
    return {w: set(getattr(entry, f"terms_{w}").split()) for w in "abcd"}


def _score(columns, concepts):
    """(concepts matched, concepts in the title, weighted rank) of one entry, as PostgreSQL
    would order it."""
    every = set().union(*columns.values())
    coverage = in_title = 0
    rank = 0.0
    for concept in concepts:
        matched = [alt for alt in concept.alternatives if all(ws & every for ws in alt)]
        if not matched:
            continue
        coverage += 1
        in_title += any(all(ws & columns["a"] for ws in alt) for alt in matched)
        # Like ts_rank: every column each matched word occurs in adds its weight.
        for ws in {ws for alt in matched for ws in alt}:
            rank += sum(WEIGHT_OF[w] for w, terms in columns.items() if ws & terms)
    return coverage, in_title, rank / (1 + math.log(1 + len(every)))


class SQLiteSearchDatabase(SearchDatabase):
    """Candidates by substring, typos by ``difflib``, ranks computed in Python."""

    vendor = "sqlite"

    def similar_terms(self, word, audience):
        vocabulary = SearchTerm.objects.filter(audience=audience, term__startswith=word[:1])
        return frozenset(
            difflib.get_close_matches(
                word,
                list(vocabulary.values_list("term", flat=True)),
                n=TYPO_CANDIDATES,
                cutoff=0.75,
            )
        )

    def rank(self, concepts, audience, offset, limit, published_only=None, every_concept=False):
        condition = Q()
        for term in set().union(*(c.terms() for c in concepts)):
            for w in "abcd":
                condition |= Q(**{f"terms_{w}__contains": f" {term} "})
        candidates = entries(audience, published_only).filter(condition).select_related("page")
        scored = []
        for entry in candidates.only(
            "page_id", "page__title", "terms_a", "terms_b", "terms_c", "terms_d"
        ):
            coverage, in_title, rank = _score(_columns(entry), concepts)
            if coverage:
                scored.append((-coverage, -in_title, -rank, entry.page.title, entry.page_id))
        if every_concept or any(row[0] == -len(concepts) for row in scored):
            scored = [row for row in scored if row[0] == -len(concepts)]
        scored.sort()
        return [row[-1] for row in scored[offset : offset + limit]], len(scored)

    def suggest(self, audience, prefix, complete, limit):
        condition = Q(terms_a__contains=f" {prefix}")
        for terms in complete:
            condition &= Q(*(Q(terms_a__contains=f" {t} ") for t in terms), _connector=Q.OR)
        found = entries(audience).filter(condition).order_by("page__title")
        return list(found.values_list("page_id", flat=True)[:limit])
