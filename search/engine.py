"""Finding procedures: a query becomes concepts, concepts find and rank entries.

A *concept* is one thing the reader asked for: a word, with its lemmas, or a synonym group
("meldunek" = "zameldowanie"). When some procedures match every concept, only they are
found; otherwise those matching some, so "zgubiłem dowód" still finds the identity card.
Procedures are ranked first by how many concepts they match, then by how many of them
their title or code holds, then by where and how often they match (title and code above
summary above steps above the rest). A word the index has never seen is replaced by the
nearest indexed words (a typo).

PostgreSQL does this with a weighted ``tsvector`` and ``pg_trgm``; SQLite, the demo's
default, by the same rules in Python over the same analysed terms.
"""

import difflib
import math
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import F, Q

from procedures.models import ProcedurePage
from search.analysis import fold, query_words, word_terms, words
from search.models import Audience, SearchEntry, SearchTerm, SynonymGroup

#: Query words beyond this are ignored.
MAX_WORDS = 10
#: Shortest word that typo correction applies to.
MIN_TYPO_LENGTH = 4
#: How many indexed words a misspelt word may stand for, and how alike they must be.
TYPO_CANDIDATES = 3
TYPO_SIMILARITY = 0.4
#: Field weights D, C, B, A, as ``ts_rank`` takes them.
RANK_WEIGHTS = (0.1, 0.2, 0.4, 1.0)
_WEIGHT_OF = {"a": 1.0, "b": 0.4, "c": 0.2, "d": 0.1}
SYNONYMS_CACHE_KEY = "search:synonyms"
#: Shortest last word that is completed from the vocabulary, and into how many terms.
MIN_COMPLETION_LENGTH = 3
MAX_COMPLETIONS = 30


@dataclass(frozen=True)
class Concept:
    """Alternatives for one thing asked; each alternative is words that must all occur,
    each word a set of terms any of which will do."""

    alternatives: tuple[tuple[frozenset[str], ...], ...]

    def tsquery(self):
        """The concept as a ``tsquery`` (terms are ``[a-z0-9]+``: nothing to quote)."""
        return " | ".join(
            "(" + " & ".join("(" + " | ".join(sorted(ws)) + ")" for ws in alt) + ")"
            for alt in self.alternatives
        )

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


def _typo_candidates(qwords, audience):
    """For each word no entry of the audience holds, the indexed words nearest to it."""
    all_terms = {t for _s, terms in qwords for t in terms}
    known = set(
        SearchTerm.objects.filter(audience=audience, term__in=all_terms).values_list(
            "term", flat=True
        )
    )
    corrections = {}
    for surface, terms in qwords:
        if terms & known or len(surface) < MIN_TYPO_LENGTH or surface.isdigit():
            continue
        corrections[surface] = _similar_terms(surface, audience)
    return corrections


def _similar_terms(word, audience):
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT term FROM search_searchterm WHERE audience = %s AND term %% %s "
                "AND similarity(term, %s) >= %s "
                "ORDER BY similarity(term, %s) DESC, term LIMIT %s",
                [audience, word, word, TYPO_SIMILARITY, word, TYPO_CANDIDATES],
            )
            return frozenset(row[0] for row in cursor.fetchall())
    vocabulary = SearchTerm.objects.filter(audience=audience, term__startswith=word[:1])
    return frozenset(
        difflib.get_close_matches(
            word,
            list(vocabulary.values_list("term", flat=True)),
            n=TYPO_CANDIDATES,
            cutoff=0.75,
        )
    )


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
    corrections = _typo_candidates(qwords, audience)
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


def _gated(audience, published_only):
    return audience == Audience.PUBLIC if published_only is None else published_only


def _entries(audience, published_only=None):
    entries = SearchEntry.objects.filter(audience=audience)
    if _gated(audience, published_only):
        entries = entries.filter(page__in=ProcedurePage.objects.public().values("pk"))
    return entries


def _tsquery(text):
    return SearchQuery(text, search_type="raw", config="simple")


def _public_gate(audience, published_only=None):
    """SQL limiting ``page_id`` to public procedures for residents; nothing for staff."""
    if not _gated(audience, published_only):
        return "", []
    public = ProcedurePage.objects.public().order_by().values("pk")
    sql, params = public.query.sql_with_params()
    return f"AND page_id IN ({sql})", list(params)


def _union(audience, column, queries):
    """SQL and parameters of ``(page_id, concept)`` rows: which entries match which query,
    read from the GIN index of ``column``."""
    branches, params = [], []
    for number, query in enumerate(queries):
        branches.append(
            f"SELECT page_id, %s AS concept FROM search_searchentry "  # noqa: S608
            f"WHERE audience = %s AND {column} @@ to_tsquery('simple', %s)"
        )
        params += [number, audience, query]
    return " UNION ALL ".join(branches), params


def _search_postgres(concepts, audience, offset, limit, published_only=None, every_concept=False):
    """One statement. Each concept's matches come from the GIN index (the large vectors
    are not read) and are counted per procedure; only full matches are kept if there are
    any. Title matches come from the title vectors' index the same way, and only the
    procedures that can still reach the requested page are ranked, with ``ts_rank`` over
    the small head vectors."""
    gate, gate_params = _public_gate(audience, published_only)
    hits, hits_params = _union(audience, "vector", [c.tsquery() for c in concepts])
    titles, titles_params = _union(audience, "title_vector", [c.tsquery() for c in concepts])
    full = " | ".join(f"({c.tsquery()})" for c in concepts)
    # Interpolated: fixed fragments and Django's own SQL only; every value is a parameter.
    sql = f"""
        WITH coverage AS (
            SELECT page_id, count(*) AS matched FROM ({hits}) AS hits
            WHERE true {gate} GROUP BY page_id
        ),
        best AS (
            SELECT page_id, matched FROM coverage
            WHERE matched = %s OR (SELECT max(matched) FROM coverage) < %s
        ),
        scored AS (
            SELECT best.page_id, best.matched, coalesce(t.in_title, 0) AS in_title
            FROM best LEFT JOIN (
                SELECT page_id, count(*) AS in_title FROM ({titles}) AS titles GROUP BY page_id
            ) AS t ON t.page_id = best.page_id
        ),
        cut AS (
            SELECT matched, in_title FROM scored
            ORDER BY matched DESC, in_title DESC OFFSET %s LIMIT 1
        )
        SELECT scored.page_id, (SELECT count(*) FROM best) FROM scored
        JOIN search_searchentry e ON e.page_id = scored.page_id AND e.audience = %s
        JOIN wagtailcore_page p ON p.id = scored.page_id
        WHERE NOT EXISTS (SELECT 1 FROM cut)
            OR (scored.matched, scored.in_title) >= (SELECT matched, in_title FROM cut)
        ORDER BY scored.matched DESC, scored.in_title DESC,
            ts_rank(%s::float4[], e.head_vector, to_tsquery('simple', %s), 1) DESC,
            p.title, scored.page_id
        LIMIT %s OFFSET %s
    """  # noqa: S608
    # "max(matched) < 0" never holds: with every_concept, partial matches are never kept.
    partial_below = 0 if every_concept else len(concepts)
    params = [*hits_params, *gate_params, len(concepts), partial_below, *titles_params]
    params += [offset + limit - 1, audience, list(RANK_WEIGHTS), full, limit, offset]
    with transaction.atomic(), connection.cursor() as cursor:
        # The planner does not price reading large vectors: left free, it may scan the
        # table and read every vector instead of asking the GIN index.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    total = (
        rows[0][1]
        if rows
        else _count_postgres(concepts, audience, gate, gate_params, every_concept)
    )
    return [row[0] for row in rows], total


def _count_postgres(concepts, audience, gate, gate_params, every_concept=False):
    """How many procedures match, for a page past the last one (no rows to count on)."""
    full = (" & " if every_concept else " | ").join(f"({c.tsquery()})" for c in concepts)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT count(*) FROM search_searchentry WHERE audience = %s "  # noqa: S608
            f"AND vector @@ to_tsquery('simple', %s) {gate}",
            [audience, full, *gate_params],
        )
        return cursor.fetchone()[0]


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
            rank += sum(_WEIGHT_OF[w] for w, terms in columns.items() if ws & terms)
    return coverage, in_title, rank / (1 + math.log(1 + len(every)))


def _search_python(concepts, audience, offset, limit, published_only=None, every_concept=False):
    condition = Q()
    for term in set().union(*(c.terms() for c in concepts)):
        for w in "abcd":
            condition |= Q(**{f"terms_{w}__contains": f" {term} "})
    candidates = _entries(audience, published_only).filter(condition).select_related("page")
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
    if connection.vendor == "postgresql":
        ids, total = _search_postgres(
            concepts, audience, offset, limit, published_only, every_concept
        )
    else:
        ids, total = _search_python(
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
    entries = _entries(audience)
    if connection.vendor == "postgresql":
        parts = ["(" + " | ".join(sorted(terms)) + ")" for terms in complete]
        parts.append(f"{prefix}:*")
        query = _tsquery(" & ".join(parts))
        entries = entries.filter(title_vector=query).annotate(
            rank=SearchRank(F("title_vector"), query)
        )
        ordered = entries.order_by("-rank", "page__title")
    else:
        condition = Q(terms_a__contains=f" {prefix}")
        for terms in complete:
            condition &= Q(*(Q(terms_a__contains=f" {t} ") for t in terms), _connector=Q.OR)
        ordered = entries.filter(condition).order_by("page__title")
    return list(ordered.values_list("page_id", flat=True)[:limit])


def matched_terms(concepts):
    """Every term the concepts look for: what a snippet highlights."""
    return set().union(*(c.terms() for c in concepts)) if concepts else set()
