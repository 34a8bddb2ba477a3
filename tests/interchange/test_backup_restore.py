"""The backup of README "Operations" restores: ``pg_dump`` plus a copy of the media.

Procedures with restricted fields and documents are dumped with ``pg_dump``, the media
directory is copied, both are restored into an empty database and another directory, and
a separate process reading only the restored copy exports exactly what the original
exports (every record with its restricted fields, every file byte for byte) and holds the
same number of rows in every table (users, revisions, workflow, search index included).

PostgreSQL only (the production database): skipped on SQLite.
"""

import json
import os
import shutil
import subprocess
import sys
import uuid

import psycopg
import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from procedures.models import ProcedurePage
from tests.procedures import files
from tests.procedures.records import documents_with_files, run_import, valid_record

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql" or not shutil.which("pg_dump"),
        reason="pg_dump backups are of the PostgreSQL database",
    ),
    # The dump must see committed rows; the database is restored for the next tests.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def database_url(name):
    params = connection.settings_dict
    user = params["USER"] or "postgres"
    host = params["HOST"] or "127.0.0.1"
    port = params["PORT"] or 5432
    return f"postgresql://{user}@{host}:{port}/{name}"


def row_counts(url):
    """Rows in each table of the public schema."""
    with psycopg.connect(url) as conn:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
            )
        ]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}  # noqa: S608


@pytest.fixture
def empty_database():
    """The URL of a new, empty database; dropped afterwards."""
    name = f"lckzm_restore_{uuid.uuid4().hex[:12]}"
    admin = database_url("postgres")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield database_url(name)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def records():
    documents = documents_with_files()
    return [
        valid_record(
            "KA-03001",
            required_documents=documents,
            related_procedures=["KA-03002"],
            cc_contacts=[{"name": "Ewa Zielińska", "phone": "42 638 40 02"}],
            cc_description="<p>Opis dla agentów.</p>",
        ),
        valid_record("KA-03002", is_internal=True, cc_other="Tylko dla agentów."),
    ]


def test_pg_dump_and_media_copy_restore_everything(procedure_index, tmp_path, empty_database):
    (tmp_path / "pliki").mkdir()
    (tmp_path / "pliki" / "wniosek.pdf").write_bytes(files.PDF)
    (tmp_path / "pliki" / "wniosek.docx").write_bytes(files.docx())
    source = tmp_path / "procedury.json"
    source.write_text(json.dumps(records(), ensure_ascii=False), encoding="utf-8")
    assert run_import(source, "--publish")[0] == 0
    assert ProcedurePage.objects.count() == 2

    original = tmp_path / "original"
    original.mkdir()
    call_command("export_procedures", "--with-restricted", "--out", str(original / "e.json"))

    # The backup: a custom-format dump and a copy of the media directory.
    dump = tmp_path / "lckzm.dump"
    live = database_url(connection.settings_dict["NAME"])
    subprocess.run(  # noqa: S603
        ["pg_dump", "--format=custom", "--no-owner", f"--file={dump}", live],  # noqa: S607
        check=True,
    )
    media_copy = tmp_path / "media-backup"
    shutil.copytree(settings.MEDIA_ROOT, media_copy)

    # The restore, into an empty database, read by a process that knows only the copies.
    subprocess.run(  # noqa: S603
        ["pg_restore", "--no-owner", "--exit-on-error", f"--dbname={empty_database}", dump],  # noqa: S607
        check=True,
    )
    restored = tmp_path / "restored"
    restored.mkdir()
    result = subprocess.run(  # noqa: S603
        [
            sys.executable,
            "manage.py",
            "export_procedures",
            "--with-restricted",
            "--out",
            str(restored / "e.json"),
        ],
        cwd=settings.BASE_DIR,
        env={
            "PATH": os.environ.get("PATH", ""),
            "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
            "DATABASE_URL": empty_database,
            "MEDIA_ROOT": str(media_copy),
        },
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr

    exported = json.loads((original / "e.json").read_text(encoding="utf-8"))
    assert {r["code"] for r in exported} == {"KA-03001", "KA-03002"}
    assert "cc_description" in exported[0] or "cc_description" in exported[1]
    assert (restored / "e.json").read_text(encoding="utf-8") == (original / "e.json").read_text(
        encoding="utf-8"
    )
    original_files = sorted((original / "e_files").iterdir())
    assert len(original_files) == 2
    for path in original_files:
        assert (restored / "e_files" / path.name).read_bytes() == path.read_bytes()
    assert row_counts(empty_database) == row_counts(live)
