"""``export_procedure_docx`` and ``import_procedure_docx``."""

from io import StringIO

import docx
import pytest
from django.core.management import CommandError, call_command

from procedures.models import ProcedurePage
from procedures.rich_text import canonicalise

pytestmark = pytest.mark.django_db


def test_export_then_import_with_code_makes_no_change(procedure, tmp_path):
    """Stored as the page editor saves it, with the random block keys it gives, which the
    form cannot carry: they are kept."""
    canonicalise(procedure)
    procedure.how_to = '<p data-block-key="q1w2e">Złóż <b>wniosek</b>.</p>'
    procedure.save_revision().publish()
    out = tmp_path / "procedura.docx"
    call_command("export_procedure_docx", code=procedure.code, out=str(out), stdout=StringIO())
    assert "Informacje dla pracownika Oddziału Call Center" in "\n".join(
        p.text for p in docx.Document(str(out)).paragraphs
    )
    output = StringIO()
    call_command("import_procedure_docx", str(out), code=procedure.code, stdout=output)
    assert f"Szkic procedury {procedure.code} „{procedure.title}” bez zmian" in output.getvalue()
    assert "  Nazwa procedury: wczytano" in output.getvalue()


def test_the_empty_form_imported_as_it_is_names_what_is_missing(procedure_index, tmp_path):
    out = tmp_path / "pusty.docx"
    call_command("export_procedure_docx", empty=True, out=str(out), stdout=StringIO())
    output = StringIO()
    with pytest.raises(CommandError, match="Nie zapisano szkicu"):
        call_command("import_procedure_docx", str(out), stdout=output)
    assert "REGUŁA „Komórka”: Uzupełnij pole „Komórka”" in output.getvalue()
    assert ProcedurePage.objects.count() == 0


def test_an_unknown_code_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="Nie ma procedury o kodzie KA-99999."):
        call_command("export_procedure_docx", code="KA-99999", out=str(tmp_path / "x.docx"))
