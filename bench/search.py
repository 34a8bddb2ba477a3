"""Polish search on 5,000 procedures: index build time and query latency.

    python bench/search.py                    # PostgreSQL, 127.0.0.1:5432, user postgres
    python bench/search.py --count 5000 --rounds 5
    python bench/search.py --db sqlite        # the demo's default, for comparison
    python bench/search.py --reuse            # again on the database loaded before

Creates its own database (``lckzm_bench_search`` on PostgreSQL), loads the demo
procedures (``seed_demo``) and copies of them up to ``--count`` live procedures (real
Polish text, varied titles and codes), then:

- vacuums the database, as autovacuum would after such a load, then times a full index
  build (``rebuild_search_index``, which ends with its own ``VACUUM ANALYZE``) and prints
  the index size; with ``--reuse`` an index every procedure is in is kept (no build);
- runs every query of the relevance set (``tests/search/relevance_queries.tsv``)
  ``--rounds`` times each through the residents' search, the staff search, the
  suggestions and the whole ``/szukaj/`` page (Django test client, in process), and
  prints p50/p95/p99 latency and queries per request.

Production settings (DEBUG off) with a persistent connection, as on the servers.
"""

import argparse
import logging
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._common import prepare_database, production_env  # noqa: E402 - needs ROOT on the path

BENCH_DATABASE = "lckzm_bench_search"
DISTRICTS = ["Bałuty", "Widzew", "Polesie", "Górna", "Śródmieście", "Retkinia", "Teofilów"]
QUALIFIERS = [
    "dla osób fizycznych",
    "dla przedsiębiorców",
    "w trybie pilnym",
    "drogą elektroniczną",
    "przez pełnomocnika",
    "dla cudzoziemców",
    "dla seniorów",
]


def percentiles(samples):
    ordered = sorted(samples)

    def at(q):
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000

    return f"p50 {at(0.5):.1f} ms, p95 {at(0.95):.1f} ms, p99 {at(0.99):.1f} ms"


def copy_procedures(count):
    """Live copies of the demo procedures, up to ``count`` procedures in all."""
    from django.db.models.signals import post_save
    from modelsearch.signal_handlers import post_save_signal_handler
    from wagtail.signal_handlers import disable_reference_index_auto_update

    from procedures.models import ProcedureIndexPage, ProcedurePage

    index = ProcedureIndexPage.objects.get()
    sources = list(ProcedurePage.objects.filter(live=True, is_internal=False))
    own = {f.attname for f in ProcedurePage._meta.concrete_fields if f.model is ProcedurePage}
    own -= {"page_ptr_id", "code"}
    rng = random.Random(734)
    # Loading only: our index is built afterwards, in one go (the build time measured
    # below); Wagtail's admin search and reference index are not what is measured here.
    post_save.disconnect(sender=ProcedurePage, dispatch_uid="search-reindex")
    for model in ProcedurePage.__mro__:
        post_save.disconnect(post_save_signal_handler, sender=model)
    with disable_reference_index_auto_update():
        _copy(index, sources, own, rng, count - ProcedurePage.objects.count())


def _copy(index, sources, own, rng, how_many):
    from procedures.models import ProcedurePage

    for number in range(how_many):
        source = rng.choice(sources)
        title = f"{source.title} – {rng.choice(DISTRICTS)}, {rng.choice(QUALIFIERS)}"[:160]
        page = ProcedurePage(
            title=title,
            slug=f"kopia-{number}",
            code=f"BN-{number:05d}",
            **{name: getattr(source, name) for name in own},
        )
        index.add_child(instance=page)
        if number % 500 == 499:
            print(f"  {number + 1} copies", flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="postgres")
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="PostgreSQL: keep the database (and its complete index) a previous run loaded",
    )
    parser.add_argument(
        "--only",
        choices=["residents", "staff", "suggestions", "page"],
        action="append",
        help="measure only these (repeatable); all four by default",
    )
    args = parser.parse_args()
    chosen = set(args.only or ["residents", "staff", "suggestions", "page"])

    workdir = Path(tempfile.mkdtemp(prefix="lckzm-bench-search-"))
    if args.reuse and args.db == "postgres":
        os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{BENCH_DATABASE}"
    else:
        os.environ["DATABASE_URL"] = prepare_database(args.db, workdir, BENCH_DATABASE)
    os.environ.update(production_env(workdir, "testserver"))
    os.environ.setdefault("SINGLE_PROCESS", "yes")  # one process, in-process cache

    import django

    django.setup()
    logging.disable(logging.CRITICAL)  # page creations, mails to no server: not measured
    from django.core.management import call_command
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    from procedures.models import ProcedurePage
    from search import engine
    from search.models import Audience, SearchEntry
    from tests.search.test_relevance import relevance_set

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    if not ProcedurePage.objects.exists():
        # A throwaway database: the demo data that production settings refuse is wanted here.
        with override_settings(DEMO_DATA_ALLOWED=True):
            call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    call_command("collectstatic", interactive=False, verbosity=0)
    print(f"migrate + seed_demo + collectstatic: {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    if ProcedurePage.objects.count() < args.count:
        copy_procedures(args.count)
    total = ProcedurePage.objects.count()
    print(f"load: {total} procedures in {time.perf_counter() - started:.1f} s")

    if connection.vendor == "postgresql":
        # A bulk load is followed by autovacuum on a server; do it now rather than
        # measure against tables it has not reached yet.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM (ANALYZE)")
    indexed = SearchEntry.objects.filter(audience=Audience.STAFF).count()
    if args.reuse and indexed == total:
        print(f"index build: skipped, the index of all {total} procedures is reused")
    else:
        started = time.perf_counter()
        call_command("rebuild_search_index", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
        build = time.perf_counter() - started
        rate = total / build
        print(f"index build: {total} procedures in {build:.1f} s = {rate:.0f} procedures/s")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_size_pretty(pg_total_relation_size('search_searchentry')), "
                "pg_size_pretty(pg_total_relation_size('search_searchterm')), "
                "(SELECT count(*) FROM search_searchterm)"
            )
            entries, terms, vocabulary = cursor.fetchone()
        print(f"index size: entries {entries}, vocabulary {terms} ({vocabulary} terms)")

    queries = [query for query, _code, _kind in relevance_set()]
    client = Client()

    def measure(key, label, run):
        if key not in chosen:
            return
        run(queries[0])  # a warm connection, as under CONN_MAX_AGE
        samples, counts = [], []
        for _round in range(args.rounds):
            for query in queries:
                reset_queries()
                with CaptureQueriesContext(connection) as captured:
                    started = time.perf_counter()
                    run(query)
                    samples.append(time.perf_counter() - started)
                counts.append(len(captured))
        print(
            f"{label}: {len(samples)} searches, {percentiles(samples)}, "
            f"mean {statistics.mean(samples) * 1000:.1f} ms, "
            f"{min(counts)}–{max(counts)} queries"
        )

    print(f"query set: {len(queries)} queries x {args.rounds} rounds, on {connection.vendor}")
    measure("residents", "residents' search (engine)", lambda q: engine.search(q, Audience.PUBLIC))
    measure("staff", "staff search (engine)", lambda q: engine.search(q, Audience.STAFF))
    measure("suggestions", "suggestions (engine)", lambda q: engine.suggest(q[:5], Audience.PUBLIC))

    def page(query):
        response = client.get("/szukaj/", {"q": query}, secure=True)
        if response.status_code != 200:
            raise SystemExit(f"/szukaj/ answered {response.status_code}")

    measure("page", "/szukaj/ page (whole request)", page)


if __name__ == "__main__":
    main()
