"""Word forms typed the way people type them, built with python-docx for the tests."""

import io

import docx


def bold(text):
    return ("bold", text)


def table(*rows):
    return ("table", rows)


def heading(text, level=2):
    return ("heading", text, level)


def typed_form(*blocks):
    """The ``.docx`` bytes of ``blocks``: a string is a paragraph, ``bold()`` a paragraph in
    bold, ``heading()`` a Word heading, ``table()`` a table of rows of cell texts."""
    document = docx.Document()
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
        elif block[0] == "bold":
            document.add_paragraph().add_run(block[1]).bold = True
        elif block[0] == "heading":
            document.add_heading(block[1], level=block[2])
        else:
            rows = block[1]
            grid = document.add_table(rows=len(rows), cols=len(rows[0]))
            for row, texts in zip(grid.rows, rows, strict=True):
                for cell, text in zip(row.cells, texts, strict=True):
                    cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def minimal(department, title="Wydanie karty parkingowej", *extra):
    """A form with what a draft needs and the department, then ``extra`` blocks."""
    return typed_form(
        bold("Nazwa procedury:"),
        title,
        bold("Skrócony opis sprawy:"),
        "Karta uprawnia do parkowania w strefie.",
        bold("Sposób załatwienia sprawy:"),
        "Złóż wniosek w urzędzie.",
        bold("Jednostka:"),
        department.unit.name,
        bold("Komórka:"),
        department.name,
        *extra,
    )
