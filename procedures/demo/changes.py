"""Demo change notes (``data/changes.json``): what residents read in "Historia zmian", the
Atom feeds and the API's register, and what the Call Center's dashboard lists this week.

Matched by procedure, text and kind, so running again creates nothing. Procedures missing
from the database are skipped. The procedures' cached content is dropped after the seed
commits, so a running portal shows the notes at once.
"""

import json
from datetime import timedelta
from pathlib import Path

from django.utils import timezone

from home.signals import drop_fragments
from procedures.changes.models import ChangeNote
from procedures.models import ProcedurePage

DATA = Path(__file__).resolve().parent / "data" / "changes.json"


def seed_change_notes(stdout, path=DATA):
    """Create the notes of ``path`` that do not exist yet; returns how many were created."""
    now = timezone.now()
    pages = {page.code: page for page in ProcedurePage.objects.filter(code__isnull=False)}
    created, touched = 0, set()
    for entry in json.loads(Path(path).read_text(encoding="utf-8")):
        page = pages.get(entry["code"])
        if page is None:
            continue
        _, new = ChangeNote.objects.get_or_create(
            page=page,
            text=entry.get("text", ""),
            minor=entry.get("minor", False),
            source=entry.get("source", ChangeNote.Source.PUBLICATION),
            defaults={"published_at": now - timedelta(days=entry["days_ago"])},
        )
        if new:
            created += 1
            touched.add(page.pk)
    if touched:
        drop_fragments(touched)
    stdout.write(f"Informacje o zmianach: {created} nowych.")
    return created
