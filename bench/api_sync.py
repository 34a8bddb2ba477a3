"""A full BIP sync through the API: every page of the listing, then every detail.

    python bench/api_sync.py [--db sqlite|postgres] [--count 1000] [--keep]

Creates its own database, imports and publishes ``--count`` generated procedures, then
requests ``/api/v2/procedures/?limit=100&offset=…`` until the end and
``/api/v2/procedures/<id>/`` for every item, in process (Django's test client, production
settings). Prints the wall time and the database queries per request (min–max) for listing
and detail requests (a constant number means no N+1), and the CPU time a detail costs this
process.

``--keep`` keeps the database (and its media) for the next ``--keep`` run with the same
``--db`` and ``--count``, which skips the setup: iterations on the API's own speed then take
seconds, not minutes. A kept database is made by the code of its first run; after a change
to the models or the importer, run once without ``--keep`` to start afresh.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._common import prepare_database, production_env  # noqa: E402 - needs ROOT on the path


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument(
        "--keep", action="store_true", help="keep the database for the next --keep run"
    )
    parser.add_argument(
        "--profile",
        type=int,
        default=0,
        metavar="N",
        help="after the sync, profile N more details and print where their time goes",
    )
    args = parser.parse_args()

    name = f"lckzm_api_bench_{args.count}" if args.keep else "lckzm_api_bench"
    if args.keep:
        workdir = Path(tempfile.gettempdir()) / f"lckzm-api-bench-{args.db}-{args.count}"
        workdir.mkdir(exist_ok=True)
    else:
        workdir = Path(tempfile.mkdtemp(prefix="lckzm-api-bench-"))
    ready = workdir / "ready"  # written once the setup has finished
    if ready.exists():
        os.environ["DATABASE_URL"] = ready.read_text()
    else:
        (workdir / f"{name}.sqlite3").unlink(missing_ok=True)  # from an unfinished run
        os.environ["DATABASE_URL"] = prepare_database(args.db, workdir, name)
    os.environ.update(production_env(workdir, "testserver,localhost"))
    os.environ.setdefault("SINGLE_PROCESS", "yes")  # one process, in-process cache
    os.environ["SECURE_SSL_REDIRECT"] = "0"
    os.environ["LOG_LEVEL"] = "WARNING"
    # BIP's harvester is exempt from the API's rate limit (API_RATE_LIMIT_EXEMPT), as here.
    os.environ.setdefault("API_RATE_LIMIT_EXEMPT", "127.0.0.1")

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Page

    from bench.generate import procedure
    from home.models import HomePage
    from procedures.interchange.exporter import write_json_array
    from procedures.interchange.importer import Importer, iter_records
    from procedures.models import ProcedureIndexPage

    if ready.exists():
        print(f"setup: the kept database of {args.count} procedures ({args.db}, {workdir})")
    else:
        call_command("migrate", verbosity=0)
        home = Page.get_first_root_node().add_child(instance=HomePage(title="Start", slug="start"))
        home.add_child(instance=ProcedureIndexPage(title="Procedury", slug="procedury"))
        source = workdir / "procedures.json"
        with source.open("w", encoding="utf-8") as handle:
            write_json_array((procedure(n) for n in range(args.count)), handle.write)
        started = time.perf_counter()
        Importer(source.parent, publish=True).run(iter_records(source))
        print(
            f"setup: {args.count} procedures imported and published in "
            f"{time.perf_counter() - started:.0f} s ({args.db})"
        )
        # As autovacuum does after a bulk load: without statistics the planner guesses.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM (ANALYZE)" if connection.vendor == "postgresql" else "ANALYZE")
        if args.keep:
            ready.write_text(os.environ["DATABASE_URL"])

    client = Client()
    listing_queries, detail_queries, ids = [], [], []
    started = time.perf_counter()
    offset, total = 0, None
    while total is None or offset < total:
        reset_queries()  # the query log holds 9,000 entries; counts go wrong past that
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/api/v2/procedures/", {"limit": 100, "offset": offset})
        if response.status_code != 200:
            raise SystemExit(f"listing answered {response.status_code}: {response.content[:300]}")
        listing_queries.append(len(captured.captured_queries))
        data = response.json()
        total = data["meta"]["total_count"]
        ids += [item["id"] for item in data["items"]]
        offset += 100
    listing_seconds = time.perf_counter() - started
    detail_times, detail_cpu = [], []
    for pk in ids:
        reset_queries()
        begun, cpu = time.perf_counter(), time.process_time()
        with CaptureQueriesContext(connection) as captured:
            response = client.get(f"/api/v2/procedures/{pk}/")
        detail_times.append(time.perf_counter() - begun)
        detail_cpu.append(time.process_time() - cpu)
        if response.status_code != 200:
            raise SystemExit(f"detail {pk} answered {response.status_code}")
        detail_queries.append(len(captured.captured_queries))
    wall = time.perf_counter() - started

    requests = len(listing_queries) + len(detail_queries)
    print(
        f"full sync: {requests} requests ({len(listing_queries)} listing pages of 100, "
        f"{len(detail_queries)} details) in {wall:.1f} s = {requests / wall:.0f} requests/s"
    )
    print(
        f"listing: {listing_seconds:.2f} s, queries per request "
        f"{min(listing_queries)}–{max(listing_queries)}"
    )
    detail_ms = sorted(t * 1000 for t in detail_times)
    print(
        f"detail: p50 {statistics.median(detail_ms):.1f} ms, "
        f"p99 {detail_ms[int(len(detail_ms) * 0.99) - 1]:.1f} ms, queries per request "
        f"{min(detail_queries)}–{max(detail_queries)}"
    )
    # What this process spent itself, without waiting for the database or for a core: on a
    # busy machine a steadier figure than the wall time.
    print(f"detail: CPU of this process {statistics.mean(detail_cpu) * 1000:.1f} ms on average")
    if args.profile:
        profile(client, ids[: args.profile])


def profile(client, ids):
    """cProfile over one detail request per id: the functions with the most time in them
    and under them."""
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    for pk in ids:
        client.get(f"/api/v2/procedures/{pk}/")
    profiler.disable()
    print(f"\nprofile of {len(ids)} details")
    for order in ("cumulative", "tottime"):
        pstats.Stats(profiler, stream=sys.stdout).sort_stats(order).print_stats(45)


if __name__ == "__main__":
    main()
