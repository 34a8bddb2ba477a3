"""How long the Word export and import take for 100 procedures.

    python bench/word_files.py                 # SQLite, 100 procedures
    python bench/word_files.py --db postgres --count 100

Creates its own database (a temporary SQLite file or ``lckzm_docx_bench`` on PostgreSQL),
imports generated procedures with the interchange importer, then times: exporting each as
a .docx with the Call Center section; importing each back into its own procedure (nothing
changes: read, validated, compared); importing each as a new draft (another code).
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# This file's directory comes first on the path, and its name would hide python-docx.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).parent]
sys.path.insert(0, str(ROOT))

from bench._common import prepare_database, production_env  # noqa: E402 - needs ROOT on the path


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--count", type=int, default=100)
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="lckzm-bench-"))
    os.environ["DATABASE_URL"] = prepare_database(args.db, workdir, "lckzm_docx_bench")
    os.environ.update(production_env(workdir, "localhost"))
    os.environ.setdefault("SINGLE_PROCESS", "yes")

    import django

    django.setup()
    from django.core.management import call_command
    from wagtail.models import Page

    from bench.generate import procedure
    from home.models import HomePage
    from procedures.docx.exporting import export_docx
    from procedures.docx.importing import import_docx
    from procedures.interchange.importer import Importer
    from procedures.models import ProcedureIndexPage, ProcedurePage

    call_command("migrate", verbosity=0)
    home = Page.get_first_root_node().add_child(instance=HomePage(title="Start", slug="start"))
    home.add_child(instance=ProcedureIndexPage(title="Procedury", slug="procedury"))
    Importer(workdir, publish=True).run(procedure(n) for n in range(args.count))
    pages = list(ProcedurePage.objects.order_by("code"))
    print(f"{len(pages)} procedures ({args.db})")

    started = time.perf_counter()
    files = [(page.code, export_docx(page, with_restricted=True)) for page in pages]
    elapsed = time.perf_counter() - started
    size = sum(len(data) for _code, data in files) / len(files) / 1024
    print(
        f"export: {len(files)} .docx in {elapsed:.1f} s = {elapsed / len(files) * 1000:.0f} ms "
        f"each ({size:.0f} KB each)"
    )

    for label, new_code in (("import back (unchanged)", False), ("import as new drafts", True)):
        started = time.perf_counter()
        statuses = {}
        for position, (code, data) in enumerate(files):
            target = f"ZZ-{position:05d}" if new_code else code
            status = import_docx(data, f"{code}.docx", code=target).status
            statuses[status] = statuses.get(status, 0) + 1
        elapsed = time.perf_counter() - started
        print(
            f"{label}: {len(files)} in {elapsed:.1f} s = "
            f"{elapsed / len(files) * 1000:.0f} ms each; {statuses}"
        )


if __name__ == "__main__":
    main()
