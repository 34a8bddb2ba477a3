"""An import stopped at any moment leaves every committed record whole, and a re-run
finishes it: published documents downloadable, published procedures in search.

The import runs as ``manage.py import_procedures`` in a subprocess, on a copy of the test
database it can reach (a SQLite file, or the PostgreSQL test database itself), and is
killed once some records have committed.
"""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from wagtail.models import ReferenceIndex

from procedures.interchange.importer import Importer
from procedures.models import ProcedureDocument, ProcedurePage
from search.engine import search
from search.models import SearchEntry
from tests.procedures import files
from tests.procedures.records import valid_record

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent.parent

#: Records committed before the import is stopped, and records left after them. New
#: procedures commit a batch at a time: batches of 2 let the stop land midway.
COMMITTED, LEFT = 3, 12


def records_with_documents(count):
    """Records of published procedures, each with a file and a sample of its own."""
    return [
        valid_record(
            f"KA-0{7000 + n}",
            title=f"Wydanie zaświadczenia o numerze {n}",
            required_documents={
                "to_submit": [
                    {
                        "name": "Wniosek",
                        "file": f"pliki/wniosek-{n}.pdf",
                        "sample_file": f"pliki/wzor-{n}.pdf",
                    }
                ],
                "to_inspect": [],
            },
        )
        for n in range(count)
    ]


@pytest.fixture
def import_file(tmp_path):
    (tmp_path / "pliki").mkdir()
    for n in range(COMMITTED + LEFT):
        for name in (f"wniosek-{n}", f"wzor-{n}"):
            (tmp_path / "pliki" / f"{name}.pdf").write_bytes(files.PDF + f"% {name}\n".encode())
    path = tmp_path / "procedury.json"
    path.write_text(
        json.dumps(records_with_documents(COMMITTED + LEFT), ensure_ascii=False), encoding="utf-8"
    )
    return path


class SharedDatabase:
    """The test database as another process sees it.

    On PostgreSQL that is the test database itself (committed data, ``transactional_db``).
    SQLite's test database lives in this process's memory: it is copied to a file for the
    subprocess, and the file is copied back afterwards.
    """

    def __init__(self, tmp_path):
        self.sqlite_file = None
        if connection.vendor == "sqlite":
            self.sqlite_file = tmp_path / "shared.sqlite3"
            connection.ensure_connection()
            with sqlite3.connect(self.sqlite_file) as target:
                connection.connection.backup(target)
            self.url = f"sqlite:///{self.sqlite_file}"
        else:
            db = connection.settings_dict
            self.url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"

    def live_procedures(self):
        if self.sqlite_file is None:
            return ProcedurePage.objects.live().count()
        with sqlite3.connect(self.sqlite_file, timeout=30) as db:
            (count,) = db.execute(
                "SELECT COUNT(*) FROM procedures_procedurepage p "
                "JOIN wagtailcore_page w ON w.id = p.page_ptr_id WHERE w.live"
            ).fetchone()
        return count

    def load_back(self):
        """Make the subprocess's writes visible to this process's connection."""
        if self.sqlite_file is not None:
            with sqlite3.connect(self.sqlite_file) as source:
                source.backup(connection.connection)


def start_import(database, path, *args):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": database.url,
    }
    return subprocess.Popen(  # noqa: S603
        [sys.executable, "manage.py", "import_procedures", str(path), "--publish", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for_committed(database, process, count):
    """Wait until ``count`` procedures are live in the database (the process still runs)."""
    deadline = time.monotonic() + 120
    while database.live_procedures() < count:
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the import did not get going"
        time.sleep(0.02)


def download(client, document):
    response = client.get(document.url)
    if hasattr(response, "streaming_content"):
        b"".join(response.streaming_content)
    return response.status_code


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_import_killed_midway_is_completed_by_a_rerun(procedure_index, import_file, client):
    database = SharedDatabase(import_file.parent)
    process = start_import(database, import_file, "--batch-size", "2")
    wait_for_committed(database, process, COMMITTED)
    process.kill()
    process.communicate()
    assert process.returncode == -signal.SIGKILL
    database.load_back()
    killed_at = ProcedurePage.objects.live().count()
    assert COMMITTED <= killed_at < COMMITTED + LEFT  # it was stopped midway

    # What had committed is whole already: its documents are in the reference index.
    for page in ProcedurePage.objects.live():
        for block in page.required_documents:
            assert ReferenceIndex.get_references_to(block.value["file"]).exists(), page.code

    call_command("import_procedures", str(import_file), "--publish")

    pages = list(ProcedurePage.objects.live())
    assert len(pages) == COMMITTED + LEFT
    documents = ProcedureDocument.objects.all()
    assert documents.count() == 2 * (COMMITTED + LEFT)
    assert {document: download(client, document) for document in documents} == dict.fromkeys(
        documents, 200
    )
    for page in pages:
        assert page.pk in search(page.title).page_ids, page.code


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_sigterm_finishes_the_record_and_writes_the_report(procedure_index, import_file):
    database = SharedDatabase(import_file.parent)
    report_path = import_file.parent / "raport.json"
    process = start_import(database, import_file, "--report", str(report_path), "--batch-size", "2")
    wait_for_committed(database, process, COMMITTED)
    process.send_signal(signal.SIGTERM)
    stdout, stderr = process.communicate(timeout=120)

    assert process.returncode == 128 + signal.SIGTERM, stderr
    assert "PRZERWANO (SIGTERM)" in stdout
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert report["interrupted"] is True
    assert report["stopped_by"] == "SIGTERM"
    done = report["records"]
    assert COMMITTED <= len(done) < COMMITTED + LEFT
    assert {record["status"] for record in done} == {"created"}
    # Each reported record is in the database, whole; nothing else is.
    database.load_back()
    assert sorted(ProcedurePage.objects.live().values_list("code", flat=True)) == sorted(
        record["code"] for record in done
    )


def test_sigint_in_process_stops_after_the_current_record(
    procedure_index, import_file, monkeypatch
):
    """The same stop, in process: Ctrl+C pressed while a record is being imported."""
    original = Importer.import_record

    def import_record(self, index, record):
        if index == COMMITTED - 1:
            os.kill(os.getpid(), signal.SIGINT)
        return original(self, index, record)

    monkeypatch.setattr(Importer, "import_record", import_record)
    report_path = import_file.parent / "raport.json"
    with pytest.raises(CommandError) as caught:
        call_command(
            "import_procedures", str(import_file), "--publish", "--report", str(report_path)
        )
    assert caught.value.returncode == 128 + signal.SIGINT
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert report["stopped_by"] == "SIGINT"
    assert len(report["records"]) == COMMITTED
    assert ProcedurePage.objects.live().count() == COMMITTED
    # The command's handlers are gone again: Ctrl+C is the usual KeyboardInterrupt.
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_a_rerun_repairs_unchanged_procedures_missing_from_the_indexes(
    procedure_index, import_file, client
):
    """Procedures an older import published without indexing them (it was killed between
    the commit and its batched indexing) are indexed when the same file comes again."""
    call_command("import_procedures", str(import_file), "--publish")
    damaged = ProcedurePage.objects.get(code="KA-07001")
    ReferenceIndex.objects.filter(object_id=str(damaged.pk)).delete()
    SearchEntry.objects.filter(page=damaged).delete()
    document = damaged.required_documents[0].value["file"]
    assert download(client, document) == 404
    assert damaged.pk not in search(damaged.title).page_ids

    report_path = import_file.parent / "raport.json"
    call_command("import_procedures", str(import_file), "--publish", "--report", str(report_path))

    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert report["summary"] == {"unchanged": COMMITTED + LEFT}
    assert report["repaired_indexes"] == 1
    assert download(client, document) == 200
    assert damaged.pk in search(damaged.title).page_ids
