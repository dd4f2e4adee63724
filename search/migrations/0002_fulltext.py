"""The full-text half of the embedded index, in whichever database the site runs on."""

from django.db import migrations

SQLITE = [
    # title_terms: analysed title; title_words: folded, unstemmed title words (autocomplete);
    # body_terms: analysed summary and body. Prefix indexes keep autocomplete fast.
    "CREATE VIRTUAL TABLE search_fulltext USING fts5("
    "title_terms, title_words, body_terms, tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3')",
    # Rank by BM25 inside FTS5 (title terms 4x, body 1x; title words only ever match autocomplete
    # queries): ORDER BY rank then lets FTS5 sort and cut the matches itself.
    "INSERT INTO search_fulltext (search_fulltext, rank) VALUES ('rank', 'bm25(4.0, 1.0, 1.0)')",
]
SQLITE_REVERSE = ["DROP TABLE IF EXISTS search_fulltext"]

POSTGRESQL = [
    # vector: analysed title (weight A) and body (D); title_words: folded title words for
    # autocomplete. Kept apart so searches need no weight labels and GIN answers them alone.
    "CREATE TABLE search_fulltext (page_id bigint PRIMARY KEY, vector tsvector NOT NULL, "
    "title_words tsvector NOT NULL)",
    "CREATE INDEX search_fulltext_vector ON search_fulltext USING GIN (vector)",
    "CREATE INDEX search_fulltext_title_words ON search_fulltext USING GIN (title_words)",
]
POSTGRESQL_REVERSE = ["DROP TABLE IF EXISTS search_fulltext"]


def run(statements_by_vendor):
    def apply(apps, schema_editor):
        statements = statements_by_vendor.get(schema_editor.connection.vendor)
        if statements is None:
            raise RuntimeError(
                f"The embedded search index supports SQLite and PostgreSQL, not {schema_editor.connection.vendor}."
            )
        for statement in statements:
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("search", "0001_index")]

    operations = [
        migrations.RunPython(
            run({"sqlite": SQLITE, "postgresql": POSTGRESQL}),
            run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRESQL_REVERSE}),
        )
    ]
