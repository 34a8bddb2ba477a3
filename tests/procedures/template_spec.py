"""The 33 fields of the procedure template (shared/spec/procedure-template.md), as the
spec's tables give them: key → whether its label carries the template's ``*`` (restricted).

The spec lies beside the checkout (``shared/`` next to the repository); a test reading it
is skipped where it does not.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings

TEMPLATE = Path(settings.BASE_DIR).parent / "shared" / "spec" / "procedure-template.md"

#: A row of a field table: "| 28 | Właściciel* | `owner` | … | restricted |".
_ROW = re.compile(r"^\|\s*\d+\s*\|(?P<label>[^|]*)\|\s*`(?P<key>\w+)`\s*\|", re.MULTILINE)


def template_fields():
    """``{key: restricted}`` for every numbered row of the template, in its order."""
    if not TEMPLATE.exists():
        pytest.skip("shared/spec is not beside this checkout")
    rows = _ROW.finditer(TEMPLATE.read_text(encoding="utf-8"))
    return {row["key"]: "*" in row["label"] for row in rows}
