"""Finding procedures: a query becomes concepts, concepts find and rank entries.

A *concept* is one thing the reader asked for: a word, with its lemmas, or a synonym group
("meldunek" = "zameldowanie"). When some procedures match every concept, only they are
found; otherwise those matching some, so "zgubiłem dowód" still finds the identity card.
Procedures are ranked first by how many concepts they match, then by how many of them
their title or code holds, then by where and how often they match (title and code above
summary above steps above the rest). A word the index has never seen is replaced by the
nearest indexed words (a typo).

The database does the finding and ranking (:mod:`search.databases`): PostgreSQL with a
weighted ``tsvector`` and ``pg_trgm``; SQLite, the demo's default, by the same rules in
Python over the same analysed terms. Views reach this through :mod:`search.query`.
"""

from dataclasses import dataclass

from django.core.cache import cache

from search.analysis import fold, query_words, word_terms, words
from search.databases import get_database
from search.models import Audience, SearchTerm, SynonymGroup

#: Query words beyond this are ignored.
MAX_WORDS = 10
#: Shortest word that typo correction applies to.
MIN_TYPO_LENGTH = 4
SYNONYMS_CACHE_KEY = "search:synonyms"
#: Shortest last word that is completed from the vocabulary, and into how many terms.
MIN_COMPLETION_LENGTH = 3
MAX_COMPLETIONS = 30


@dataclass(frozen=True)
class Concept:
    """Alternatives for one thing asked; each alternative is words that must all occur,
    each word a set of terms any of which will do."""

    alternatives: tuple[tuple[frozenset[str], ...], ...]

    def terms(self):
        return {t for alt in self.alternatives for ws in alt for t in ws}


@dataclass
class Result:
    """Page ids of one page of results, best first, and how many there are in all."""

    page_ids: list
    total: int
    concepts: list


def _synonym_phrases():
    """Synonym groups as analysed phrases: [[(terms of word 1, …), …], …], cached."""
    groups = cache.get(SYNONYMS_CACHE_KEY)
    if groups is None:
        groups = []
        for group in SynonymGroup.objects.all():
            phrases = [tuple(terms for _s, terms in query_words(p)) for p in group.phrases()]
            groups.append([p for p in phrases if p])
        cache.set(SYNONYMS_CACHE_KEY, groups, 300)
    return groups


def _phrase_at(qwords, i, phrase):
    if i + len(phrase) > len(qwords):
        return False
    return all(phrase[j] & qwords[i + j][1] for j in range(len(phrase)))


def _typo_candidates(qwords, audience, database):
    """For each word no entry of the audience holds, the indexed words nearest to it."""
    candidates = [
        (surface, terms)
        for surface, terms in qwords
        if len(surface) >= MIN_TYPO_LENGTH and not surface.isdigit()
    ]
    return database.corrections(candidates, audience) if candidates else {}


def _completions(surface, audience):
    """Indexed terms of the audience that start with ``surface`` ("zamel" → "zameldowanie")."""
    if len(surface) < MIN_COMPLETION_LENGTH:
        return frozenset()
    found = SearchTerm.objects.filter(audience=audience, term__startswith=surface)
    return frozenset(found.order_by("term").values_list("term", flat=True)[:MAX_COMPLETIONS])


def parse(query, audience, complete_last=False):
    """The concepts of ``query``: words with their lemmas, synonyms and typo corrections.

    With ``complete_last`` (typing in a search box) the last word also stands for the
    indexed words it begins.
    """
    qwords = query_words(query)[:MAX_WORDS]
    if not qwords:
        return []
    if complete_last:
        surface, terms = qwords[-1]
        qwords[-1] = (surface, terms | _completions(surface, audience))
    corrections = _typo_candidates(qwords, audience, get_database())
    qwords = [(s, terms | corrections.get(s, frozenset())) for s, terms in qwords]
    groups = _synonym_phrases()
    concepts = []
    i = 0
    while i < len(qwords):
        best = None
        for phrases in groups:
            for phrase in phrases:
                if _phrase_at(qwords, i, phrase) and (best is None or len(phrase) > best[0]):
                    best = (len(phrase), phrases)
        if best:
            length, phrases = best
            own = tuple(terms for _s, terms in qwords[i : i + length])
            concepts.append(Concept(alternatives=(own, *phrases)))
            i += length
        else:
            concepts.append(Concept(alternatives=((qwords[i][1],),)))
            i += 1
    return concepts


def search(
    query,
    audience=Audience.PUBLIC,
    offset=0,
    limit=20,
    *,
    complete_last=False,
    published_only=None,
    every_concept=False,
):
    """Procedures for ``query``, best first: a :class:`Result` (empty for an empty query).

    Residents (``Audience.PUBLIC``) get public procedures only, found by public text only;
    staff get every procedure, found by all of its text. ``published_only=False`` finds
    every procedure by the audience's text (the admin lists only what its user may see);
    ``complete_last`` completes the last word (see :func:`parse`); ``every_concept``
    lists only procedures matching every concept, even when none does.
    """
    concepts = parse(query, audience, complete_last)
    if not concepts:
        return Result([], 0, [])
    ids, total = get_database().rank(
        concepts, audience, offset, limit, published_only, every_concept
    )
    return Result(ids, total, concepts)


def suggest(text, audience=Audience.PUBLIC, limit=8):
    """Page ids of procedures whose title or code holds the typed words, the last one
    as a prefix ("zamel" → "Zameldowanie …"), for the search box's suggestions."""
    typed = words(text)[:MAX_WORDS]
    if not typed:
        return []
    prefix = fold(typed[-1]).replace("-", "")
    if not prefix.isalnum() or not prefix.isascii():
        return []
    complete = [word_terms(w, restore=True) for w in typed[:-1]]
    complete = [terms for terms in complete if terms]
    return get_database().suggest(audience, prefix, complete, limit)


def matched_terms(concepts):
    """Every term the concepts look for: what a snippet highlights."""
    return set().union(*(c.terms() for c in concepts)) if concepts else set()
