"""What ``manage.py seed_demo`` puts in: the files under ``data/`` and the demo accounts.

- ``data/procedures.json``: the 20 real procedures of the city of Łódź (public information
  from BIP and the ŁCKzM portal, completed where the archived copies were cut short) and one
  internal procedure of the Call Center, in the interchange format that
  ``manage.py import_procedures`` reads; the sample forms it names are in ``data/files/``.
  People are fictional.
- ``data/organisation.json``: categories, units, departments, offices, staff and e-service
  platforms, created before the procedures so the import finds them by name.
- ``data/site.json``: the home page, the procedure index and the information page.
"""

import json
from pathlib import Path

from procedures import roles

DATA_DIR = Path(__file__).with_name("data")
#: The procedures, imported by seed_demo as import_procedures imports any file.
PROCEDURES_FILE = DATA_DIR / "procedures.json"


def read(name):
    """A data file of the demo, as JSON."""
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))


#: The demo procedures as interchange-format records.
PROCEDURES = read(PROCEDURES_FILE.name)
ORGANISATION = read("organisation.json")
SITE = read("site.json")

#: Shared by every demo account and printed by the command; never use it outside a demo.
DEMO_PASSWORD = "demo-lckzm-2026"  # noqa: S105

#: (username, group of procedures.roles or None, superuser): one account per role
USERS = [
    ("redaktor", roles.EDITORS, False),
    ("moderator", roles.MODERATORS, False),
    ("agent", roles.CALL_CENTER, False),
    ("admin", None, True),
]

#: The demo editor writes for this department (Komórka).
EDITOR_DEPARTMENT = ("Urząd Miasta Łodzi", "Wydział Spraw Obywatelskich i Komunikacji")
#: Workflow states shown by the demo: submitted by the editor, scheduled, withdrawn.
IN_REVIEW_CODE = "KA-01305"
SCHEDULED_CODE = "KA-01147"
SCHEDULED_NOTE = (
    "<p>Od przyszłego tygodnia wniosek można złożyć także w nowym punkcie obsługi "
    "przy ul. Piotrkowskiej 110.</p>"
)
WITHDRAWN_CODE = "KA-01351"
