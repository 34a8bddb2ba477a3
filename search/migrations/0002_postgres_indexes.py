"""PostgreSQL only: the GIN index of the weighted vectors and the trigram index of the
vocabulary (typo correction). SQLite searches the same terms without them."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

INDEXES = [
    "CREATE INDEX IF NOT EXISTS search_entry_vector_gin ON search_searchentry USING gin (vector)",
    "CREATE INDEX IF NOT EXISTS search_term_trgm ON search_searchterm "
    "USING gin (term gin_trgm_ops)",
]
DROP = ["DROP INDEX IF EXISTS search_entry_vector_gin", "DROP INDEX IF EXISTS search_term_trgm"]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_polish_search")]

    operations = [
        TrigramExtension(),
        migrations.RunPython(_run(INDEXES), _run(DROP)),
    ]
