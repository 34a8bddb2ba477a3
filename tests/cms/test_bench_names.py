"""A benchmark script never shadows a module the project imports.

``python bench/x.py`` puts ``bench/`` on ``sys.path`` ahead of the installed packages, so a
script named like one of them (``bench/docx.py`` once hid python-docx and broke every
benchmark that loads the project) replaces it for the whole run.
"""

import importlib.util
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent.parent / "bench"


def test_no_bench_script_is_named_like_an_importable_module():
    names = {path.stem for path in BENCH.glob("*.py")} - {"__init__"}
    assert names, "bench/ holds no scripts"
    clashes = {
        name
        for name in names
        if name in sys.stdlib_module_names or importlib.util.find_spec(name) is not None
    }
    # The project's own apps come first on the path the scripts set up (ROOT), so only
    # installed packages and the standard library can be hidden.
    project_apps = {p.name for p in BENCH.parent.iterdir() if (p / "__init__.py").exists()}
    assert clashes - project_apps == set()
