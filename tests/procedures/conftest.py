import functools

import pytest

from . import files
from .records import write_records


@pytest.fixture
def write(tmp_path):
    """``write(records, name="procedury.json")``: an interchange file in ``tmp_path``, next
    to ``pliki/`` with a form, its sample and a program posing as a PDF."""
    (tmp_path / "pliki").mkdir()
    (tmp_path / "pliki" / "wniosek.pdf").write_bytes(files.PDF)
    (tmp_path / "pliki" / "wniosek.docx").write_bytes(files.docx())
    (tmp_path / "pliki" / "program.pdf").write_bytes(files.WINDOWS_EXECUTABLE)
    return functools.partial(write_records, tmp_path)
