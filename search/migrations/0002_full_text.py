"""The full-text structures of the database backend, which differ by database.

* SQLite: an FTS5 virtual table (``unicode61`` tokenizer, diacritics removed), one row per
  entry (``rowid`` = entry id), and a trigger that drops it with its entry.
* PostgreSQL: GIN indexes on the entry's two ``tsvector`` columns (``simple`` configuration
  over text already folded in Python).
* Any other database: nothing (the backend then matches with plain ``LIKE`` queries).
"""

from django.db import migrations

SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE enlace_search_fts USING fts5(
           title, summary, body, stems, tokenize = 'unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER enlace_search_fts_delete AFTER DELETE ON enlace_search_searchentry
       BEGIN DELETE FROM enlace_search_fts WHERE rowid = old.id; END""",
]
SQLITE_BACKWARD = ["DROP TRIGGER IF EXISTS enlace_search_fts_delete", "DROP TABLE IF EXISTS enlace_search_fts"]
POSTGRES_FORWARD = [
    "CREATE INDEX search_entry_vector ON enlace_search_searchentry USING GIN (vector)",
    "CREATE INDEX search_entry_stem_vector ON enlace_search_searchentry USING GIN (stem_vector)",
]
POSTGRES_BACKWARD = ["DROP INDEX IF EXISTS search_entry_vector", "DROP INDEX IF EXISTS search_entry_stem_vector"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("enlace_search", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        )
    ]
