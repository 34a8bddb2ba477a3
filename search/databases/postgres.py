"""The Polish search on PostgreSQL: a weighted ``tsvector`` per entry and ``pg_trgm``."""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F
from django.utils import timezone

from procedures.models import ProcedurePage
from search.databases.base import (
    TYPO_CANDIDATES,
    TYPO_SIMILARITY,
    SearchDatabase,
    entries,
    is_gated,
)
from search.models import WEIGHTS, SearchEntry, SearchTerm

#: Field weights D, C, B, A, as ``ts_rank`` takes them.
RANK_WEIGHTS = (0.1, 0.2, 0.4, 1.0)


def tsquery(concept):
    """The concept as a ``tsquery`` (terms are ``[a-z0-9]+``: nothing to quote)."""
    return " | ".join(
        "(" + " & ".join("(" + " | ".join(sorted(ws)) + ")" for ws in alt) + ")"
        for alt in concept.alternatives
    )


def _public_gate(audience, published_only=None):
    """SQL limiting ``page_id`` to public procedures for residents; nothing for staff."""
    if not is_gated(audience, published_only):
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


def _count(concepts, audience, gate, gate_params, every_concept=False):
    """How many procedures match, for a page past the last one (no rows to count on)."""
    full = (" & " if every_concept else " | ").join(f"({tsquery(c)})" for c in concepts)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT count(*) FROM search_searchentry WHERE audience = %s "  # noqa: S608
            f"AND vector @@ to_tsquery('simple', %s) {gate}",
            [audience, full, *gate_params],
        )
        return cursor.fetchone()[0]


def _weighted(weights):
    return " || ".join(f"setweight(to_tsvector('simple', %s), '{w}')" for w in weights)


class PostgresSearchDatabase(SearchDatabase):
    """Matches from the GIN indexes, typos from the trigram index, ranks by ``ts_rank``."""

    vendor = "postgresql"

    def store(self, entries):
        """Insert entries with their vectors in one statement each: no row is written twice
        (an update would leave a dead row per entry for every search to step over)."""
        sql = (
            f"INSERT INTO {SearchEntry._meta.db_table} (page_id, audience, "  # noqa: S608
            f"terms_a, terms_b, terms_c, terms_d, indexed_at, vector, head_vector, "
            f"title_vector) VALUES (%s, %s, %s, %s, %s, %s, %s, {_weighted(WEIGHTS)}, "
            f"{_weighted('AB')}, to_tsvector('simple', %s))"
        )
        now = timezone.now()
        rows = []
        for e in entries:
            terms = [e.terms_a, e.terms_b, e.terms_c, e.terms_d]
            rows.append([e.page_id, e.audience, *terms, now, *terms, *terms[:2], e.terms_a])
        with connection.cursor() as cursor:
            cursor.executemany(sql, rows)

    def tidy(self):
        """Drop the replaced rows, fold the GIN indexes' pending entries in and refresh the
        planner's statistics (``VACUUM ANALYZE``; only ``ANALYZE`` inside a transaction)."""
        tables = f"{SearchEntry._meta.db_table}, {SearchTerm._meta.db_table}"
        with connection.cursor() as cursor:
            if connection.in_atomic_block:
                cursor.execute(f"ANALYZE {tables}")
            else:
                cursor.execute(f"VACUUM (ANALYZE) {tables}")

    def similar_terms(self, word, audience):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT term FROM search_searchterm WHERE audience = %s AND term %% %s "
                "AND similarity(term, %s) >= %s "
                "ORDER BY similarity(term, %s) DESC, term LIMIT %s",
                [audience, word, word, TYPO_SIMILARITY, word, TYPO_CANDIDATES],
            )
            return frozenset(row[0] for row in cursor.fetchall())

    def corrections(self, words, audience):
        """One statement for every word: the nearest terms of each word whose own terms
        the vocabulary lacks, from the trigram index (a known word costs one index probe)."""
        rows = ", ".join(["(%s, %s::text[])"] * len(words))
        params = [value for surface, terms in words for value in (surface, sorted(terms))]
        sql = f"""
            SELECT typed.surface, near.term FROM (VALUES {rows}) AS typed (surface, terms)
            CROSS JOIN LATERAL (
                SELECT term FROM search_searchterm
                WHERE audience = %s AND term %% typed.surface
                    AND similarity(term, typed.surface) >= %s
                    AND NOT EXISTS (
                        SELECT 1 FROM search_searchterm
                        WHERE audience = %s AND term = ANY (typed.terms)
                    )
                ORDER BY similarity(term, typed.surface) DESC, term LIMIT %s
            ) AS near
        """  # noqa: S608 - placeholders only
        params += [audience, TYPO_SIMILARITY, audience, TYPO_CANDIDATES]
        found = {}
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            for surface, term in cursor.fetchall():
                found.setdefault(surface, set()).add(term)
        return {surface: frozenset(terms) for surface, terms in found.items()}

    def rank(self, concepts, audience, offset, limit, published_only=None, every_concept=False):
        """One statement. Each concept's matches come from the GIN index (the large
        vectors are not read) and are counted per procedure; only full matches are kept if
        there are any. Title matches come from the title vectors' index the same way, and
        only the procedures that can still reach the requested page are ranked, with
        ``ts_rank`` over the small head vectors."""
        queries = [tsquery(c) for c in concepts]
        gate, gate_params = _public_gate(audience, published_only)
        hits, hits_params = _union(audience, "vector", queries)
        titles, titles_params = _union(audience, "title_vector", queries)
        full = " | ".join(f"({q})" for q in queries)
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
                    SELECT page_id, count(*) AS in_title FROM ({titles}) AS titles
                    GROUP BY page_id
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
        # The planner does not price reading large vectors: left free, it may scan the
        # table and read every vector instead of asking the GIN index. The setting, the
        # search and the setting's reset go in one round trip: sent as one simple query,
        # they are one transaction of their own, or part of the caller's (a simple query:
        # Django's psycopg cursors bind parameters on the client unless told otherwise).
        with connection.cursor() as cursor:
            cursor.execute(
                f"SET LOCAL enable_seqscan = off; {sql}; SET LOCAL enable_seqscan TO DEFAULT",
                params,
            )
            cursor.nextset()
            rows = cursor.fetchall()
        if rows:
            total = rows[0][1]
        else:
            total = _count(concepts, audience, gate, gate_params, every_concept)
        return [row[0] for row in rows], total

    def suggest(self, audience, prefix, complete, limit):
        parts = ["(" + " | ".join(sorted(terms)) + ")" for terms in complete]
        parts.append(f"{prefix}:*")
        query = SearchQuery(" & ".join(parts), search_type="raw", config="simple")
        found = (
            entries(audience)
            .filter(title_vector=query)
            .annotate(rank=SearchRank(F("title_vector"), query))
            .order_by("-rank", "page__title")
        )
        return list(found.values_list("page_id", flat=True)[:limit])
