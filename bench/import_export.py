"""Import and export throughput on SQLite or PostgreSQL, with peak memory.

    python bench/import_export.py --db sqlite --count 1000
    python bench/import_export.py --db postgres --count 1000   # 127.0.0.1:5432, user postgres
    python bench/import_export.py --db sqlite --draft          # drafts, without --publish
    python bench/import_export.py --db postgres --batch-size 1 # Wagtail's path, one by one

Creates its own database (a temporary SQLite file or ``lckzm_import_bench`` on PostgreSQL),
writes a generated file, imports it with --publish, re-imports it (nothing changes),
exports it, and prints records/s, database queries per record and peak memory (RSS) for
each step. New procedures are published in batches of ``--batch-size`` (the importer's
default); 1 publishes each through ``add_child``, ``save_revision`` and ``publish``.
"""

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._common import prepare_database, production_env  # noqa: E402 - needs ROOT on the path


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--draft", action="store_true", help="import drafts (no --publish)")
    parser.add_argument("--batch-size", type=int, default=None, help="importer's batch size")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="lckzm-bench-"))
    os.environ["DATABASE_URL"] = prepare_database(args.db, workdir, "lckzm_import_bench")
    os.environ.update(production_env(workdir, "localhost"))
    os.environ.setdefault("SINGLE_PROCESS", "yes")  # one process, in-process cache

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from wagtail.models import Page

    from bench.generate import procedure
    from home.models import HomePage
    from procedures.interchange.exporter import iter_export, procedures_for_export, write_json_array
    from procedures.interchange.importer import Importer, iter_records
    from procedures.models import ProcedureIndexPage

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    print(f"migrate: {time.perf_counter() - started:.1f} s")
    home = Page.get_first_root_node().add_child(instance=HomePage(title="Start", slug="start"))
    home.add_child(instance=ProcedureIndexPage(title="Procedury", slug="procedury"))

    source = workdir / "procedures.json"
    with source.open("w", encoding="utf-8") as handle:
        write_json_array((procedure(n) for n in range(args.count)), handle.write)
    print(f"file: {args.count} procedures, {source.stat().st_size / 1e6:.1f} MB")

    rss_before = peak_rss_mb()
    mode = "drafts" if args.draft else "--publish"
    queries = 0

    def count(execute, sql, params, many, context):
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    importer = Importer(source.parent, publish=not args.draft, batch_size=args.batch_size)
    mode += f", batches of {importer.batch_size}"
    for label in (f"import {mode}", f"re-import {mode} (unchanged)"):
        queries = 0
        started = time.perf_counter()
        with connection.execute_wrapper(count):
            outcomes = Importer(
                source.parent, publish=not args.draft, batch_size=args.batch_size
            ).run(iter_records(source))
        elapsed = time.perf_counter() - started
        statuses = {s: sum(o.status == s for o in outcomes) for s in {o.status for o in outcomes}}
        print(
            f"{label}: {len(outcomes)} records in {elapsed:.1f} s = "
            f"{len(outcomes) / elapsed:.1f} records/s; {statuses}; "
            f"{queries / len(outcomes):.1f} queries/record; "
            f"peak RSS {peak_rss_mb():.0f} MB (before import {rss_before:.0f} MB)"
        )

    started = time.perf_counter()
    out = workdir / "export.json"
    with out.open("w", encoding="utf-8") as handle:
        write_json_array(iter_export(procedures_for_export(), with_restricted=True), handle.write)
    elapsed = time.perf_counter() - started
    exported = len(json.loads(out.read_text(encoding="utf-8")))
    print(
        f"export --with-restricted: {exported} records in {elapsed:.1f} s = "
        f"{exported / elapsed:.1f} records/s; peak RSS {peak_rss_mb():.0f} MB"
    )


if __name__ == "__main__":
    main()
