"""Python started afresh in the project directory, the way a deployment starts the site:
settings read from the environment it is given and nothing else but ``PATH``."""

import os
import subprocess
import sys

from django.conf import settings

#: What production needs to start at all: its secret key, its host, and no Redis asked for.
PRODUCTION_ENV = {"SECRET_KEY": "x" * 60, "ALLOWED_HOSTS": "example.org", "SINGLE_PROCESS": "yes"}


def run_python(code, env):
    """The finished ``python -c code`` with ``env`` (and ``PATH``) as its whole environment;
    its output and errors as text."""
    return subprocess.run(  # noqa: S603 — fixed command, our own interpreter
        [sys.executable, "-c", code],
        env={"PATH": os.environ.get("PATH", ""), **env},
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
        check=False,
    )
