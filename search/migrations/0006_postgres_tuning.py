"""PostgreSQL only: indexes that let a search read indexes rather than rows.

- One GIN index per audience on each vector (a search never mixes audiences).
- Large values (terms, whole-text vectors) are moved out of the table's rows
  (``toast_tuple_target``), so fetching the page ids of matches reads a small table.
- The public gate (``ProcedurePage.objects.public()``) is answered from two small
  covering indexes instead of the wide page tables.
"""

from django.db import migrations

FORWARD = [
    "DROP INDEX IF EXISTS search_entry_vector_gin",
    *[
        f"CREATE INDEX IF NOT EXISTS search_entry_{column}_{audience} ON search_searchentry "
        f"USING gin ({column}) WHERE audience = '{audience}'"
        for column in ("vector", "head_vector", "title_vector")
        for audience in ("public", "staff")
    ],
    "ALTER TABLE search_searchentry SET (toast_tuple_target = 128)",
    "CREATE INDEX IF NOT EXISTS procedure_not_internal ON procedures_procedurepage "
    "(page_ptr_id) WHERE NOT is_internal",
    "CREATE INDEX IF NOT EXISTS page_live_window ON wagtailcore_page "
    "(id) INCLUDE (go_live_at, expire_at) WHERE live",
]
BACKWARD = [
    "DROP INDEX IF EXISTS page_live_window",
    "DROP INDEX IF EXISTS procedure_not_internal",
    "ALTER TABLE search_searchentry RESET (toast_tuple_target)",
    *[
        f"DROP INDEX IF EXISTS search_entry_{column}_{audience}"
        for column in ("vector", "head_vector", "title_vector")
        for audience in ("public", "staff")
    ],
    "CREATE INDEX IF NOT EXISTS search_entry_vector_gin ON search_searchentry "
    "USING gin (vector)",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0005_head_and_title_vectors"),
        ("procedures", "0007_deleted_procedures"),
    ]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
