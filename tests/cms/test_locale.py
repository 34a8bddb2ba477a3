"""The project's Polish catalogue: the committed .mo is the .po compiled, and it wins."""

import gettext
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

LOCALE = Path(settings.BASE_DIR) / "cms" / "locale" / "pl" / "LC_MESSAGES"


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_committed_mo_is_the_compiled_po(domain, tmp_path):
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.skip("GNU gettext's msgfmt is not installed")
    compiled = tmp_path / f"{domain}.mo"
    subprocess.run(  # noqa: S603 - a fixed program on a file of this repository
        [msgfmt, "--check", "-o", str(compiled), str(LOCALE / f"{domain}.po")], check=True
    )
    with open(compiled, "rb") as fresh, open(LOCALE / f"{domain}.mo", "rb") as committed:
        expected = gettext.GNUTranslations(fresh)
        actual = gettext.GNUTranslations(committed)
    assert actual._catalog == expected._catalog, f"run msgfmt -o {domain}.mo {domain}.po"


def test_project_catalogue_wins_over_wagtails():
    with translation.override("pl"):
        assert translation.gettext("Compare") == "Porównanie"
        assert translation.gettext("Go to the first error") == "Przejdź do pierwszego błędu"
        # Wagtail's own catalogue says "Skrawki Wagtail".
        assert translation.gettext("Snippets") == "Wpisy"


@pytest.mark.parametrize(
    ("count", "expected"),
    [(1, "1 komórka"), (2, "2 komórki"), (5, "5 komórek"), (21, "21 komórek"), (22, "22 komórki")],
)
def test_department_counts_have_polish_plural_forms(count, expected):
    from procedures.labels import count_label
    from procedures.models import Department

    with translation.override("pl"):
        assert count_label(Department, count) == expected


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (1, "dni", "1 dzień"),
        (14, "dni", "14 dni"),
        (3, "tygodnie", "3 tygodnie"),
        (5, "miesiące", "5 miesięcy"),
        (1, "miesiące", "1 miesiąc"),
    ],
)
def test_processing_time_reads_in_polish(value, unit, expected):
    from procedures.templatetags.polish_labels import duration

    with translation.override("pl"):
        assert duration(value, unit) == expected
