"""The embedded backend on PostgreSQL: a tsvector table with GIN indexes, ranked with ts_rank."""

from __future__ import annotations

import psycopg
from django.db import connection

from search.backends.base import Hit
from search.backends.embedded import _HIT_COLUMNS, FULLY_RANKED, EmbeddedBackend, _hits

#: PostgreSQL keeps positions up to 16383 and at most 256 positions of one lexeme.
_MAX_POSITION = 16383
_MAX_POSITIONS = 256


def tsvector_literal(title: list[tuple[str, ...]], body: list[tuple[str, ...]]) -> str:
    """A tsvector with every term of a word at that word's position (title weight A, body D)."""
    found: dict[str, list[str]] = {}
    for offset, (found_positions, weight) in enumerate(((title, "A"), (body, ""))):
        start = len(title) * offset + 1
        for index, terms in enumerate(found_positions):
            position = min(start + index, _MAX_POSITION)
            for term in terms:
                at = found.setdefault(term, [])
                if len(at) < _MAX_POSITIONS:
                    at.append(f"{position}{weight}")
    # Terms are runs of letters and digits (analysis.words), so quoting them needs no escapes.
    return " ".join(f"'{term}':{','.join(at)}" for term, at in found.items())


_MERGE_PENDING_ENTRIES = (
    "SELECT gin_clean_pending_list(i.indexrelid::regclass) FROM pg_index i "
    "JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam "
    "WHERE i.indrelid = 'search_fulltext'::regclass AND am.amname = 'gin' "
    "AND pg_has_role(c.relowner, 'USAGE')"
)


def _execute_without_seqscan(cursor, sql: str, params: list) -> None:
    """Run one search statement with sequential scans forbidden; the cursor is left on its rows.

    The planner cannot see that a sequential scan reads every large tsvector from TOAST, so it
    picks one over the GIN index: 50 ms instead of 1-8 ms on 10,000 documents. SET LOCAL and
    the statement go in one message: in autocommit PostgreSQL runs them as one transaction, so
    the setting ends with the statement, and a search costs one round trip instead of four
    (BEGIN, SET, the statement, COMMIT), each a wait for the CPU on a busy server. Inside a
    transaction the setting lasts until its end, as it did before with a savepoint (releasing one
    keeps SET LOCAL). Two commands cannot be one prepared statement: the parameters are bound
    here, and a message of two commands is never prepared (psycopg prepares single ones only).
    """
    bound = psycopg.ClientCursor(cursor.db.connection).mogrify(sql, params)
    cursor.execute("SET LOCAL enable_seqscan = off; " + bound)
    cursor.nextset()


def _lexeme(term: str) -> str:
    return "'" + term.replace("'", "") + "'"


class PostgresBackend(EmbeddedBackend):
    name = "postgresql-fts"

    def _write_fulltext(self, rows, fresh=False):
        with connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO search_fulltext (page_id, title_words, vector) VALUES (%s, "
                "to_tsvector('simple', %s), %s::tsvector) "
                "ON CONFLICT (page_id) DO UPDATE "
                "SET vector = EXCLUDED.vector, title_words = EXCLUDED.title_words",
                [(page_id, words, tsvector_literal(title, body)) for page_id, title, words, body in rows],
            )

    def _settle_fulltext(self):
        # A GIN index first adds new entries to a pending list that every search reads through
        # until VACUUM merges it (up to 4 MB): after a rebuild of 10,000 documents, matching a
        # common word took 19 ms instead of 11. Merging them in bulk here costs 0.2 s per
        # 10,000 documents; fastupdate = off would make the rebuild 2.5 times slower. Only the
        # index owner may merge (as for VACUUM); for another user, autovacuum does it later.
        with connection.cursor() as cursor:
            cursor.execute(_MERGE_PENDING_ENTRIES)

    def _delete_fulltext(self, page_ids):
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_fulltext WHERE page_id = ANY(%s)", [list(page_ids)])

    def _clear_fulltext(self):
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_fulltext")

    def _query(self, sql: str, compiled: str, limit: int) -> list[Hit]:
        with connection.cursor() as cursor:
            _execute_without_seqscan(cursor, sql, [compiled, limit])
            return _hits(cursor.fetchall())

    def _any_sql(self):
        return "SELECT page_id FROM search_fulltext WHERE vector @@ to_tsquery('simple', %s) LIMIT 1"

    def matches_any(self, query):
        # Through the GIN index (see _query): a sequential scan would read every vector when nothing matches.
        if not query.groups:
            return False
        with connection.cursor() as cursor:
            _execute_without_seqscan(cursor, self._any_sql(), [self._compile(query)])
            return cursor.fetchone() is not None

    def matching_ids(self, query, page_ids):
        if not query.groups or not page_ids:
            return set()
        sql = (
            "SELECT page_id FROM search_fulltext "
            "WHERE page_id = ANY(%s) AND vector @@ to_tsquery('simple', %s)"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [list(page_ids), self._compile(query)])
            return {row[0] for row in cursor.fetchall()}

    def _match_sql(self):
        # Two steps, so a query's cost does not grow with how many documents it matches:
        # 1. candidates: the documents whose title matches, ranked by the small title_terms
        #    column kept in the row (migration 0004) and found through its own GIN index
        #    (migration 0005), so only title matches are ranked (ranking all 10,000 matches of a
        #    common word took 7-10 ms); then, when fewer than the limit, the other matches
        #    unranked (GIN on the whole vector: no TOAST read but for a phrase's recheck), by
        #    page_id as before. Their LIMIT is 0 when the titles fill it, and PostgreSQL then
        #    does not look for them at all. A document whose title holds only some of the words
        #    of an AND query is one of these (it came among them by a title rank of ~0 before).
        # 2. ts_rank over the whole vector (read from TOAST) for the first FULLY_RANKED
        #    candidates only; they come first, best first, the other candidates after them.
        # ts_rank weighs a title match ten times a body match (A 1.0, D 0.1), so the best-ranked
        # documents are among the first candidates; a query with at most FULLY_RANKED matches
        # is ranked exactly as one step would. A title holds only terms of the whole vector,
        # so a title match is always a match.
        return (
            "WITH q AS (SELECT to_tsquery('simple', %s) AS query, %s::integer AS wanted), "  # noqa: S608
            "t AS MATERIALIZED (SELECT page_id, ts_rank(title_terms, (SELECT query FROM q)) AS title "
            "FROM search_fulltext WHERE title_terms @@ (SELECT query FROM q) "
            "ORDER BY title DESC, page_id LIMIT (SELECT wanted FROM q)), "
            "b AS MATERIALIZED (SELECT page_id FROM search_fulltext WHERE vector @@ (SELECT query FROM q) "
            "AND NOT title_terms @@ (SELECT query FROM q)), "
            "c AS MATERIALIZED (SELECT page_id, title, 0 AS tier FROM t UNION ALL "
            "(SELECT page_id, 0, 1 FROM b ORDER BY page_id "
            "LIMIT GREATEST(0, (SELECT wanted FROM q) - (SELECT count(*) FROM t)))), "
            "r AS MATERIALIZED (SELECT f.page_id, ts_rank(f.vector, (SELECT query FROM q)) AS score "
            f"FROM (SELECT page_id FROM c ORDER BY tier, title DESC, page_id LIMIT {FULLY_RANKED}) x "
            "JOIN search_fulltext f ON f.page_id = x.page_id) "
            f"SELECT {_HIT_COLUMNS}, COALESCE(r.score, c.title) AS score "
            "FROM c JOIN search_indexeddocument d ON d.page_id = c.page_id "
            "LEFT JOIN r ON r.page_id = c.page_id "
            "ORDER BY r.score IS NULL, r.score DESC, c.tier, c.title DESC, c.page_id"
        )

    def _autocomplete_sql(self):
        # Title words are small vectors: ranking every match costs little.
        return (
            "WITH q AS (SELECT to_tsquery('simple', %s) AS query), "  # noqa: S608 - constants only
            "m AS MATERIALIZED (SELECT page_id, title_words AS vector FROM search_fulltext "
            "WHERE title_words @@ (SELECT query FROM q)) "
            f"SELECT {_HIT_COLUMNS}, ts_rank(m.vector, q.query) AS score "
            "FROM m, q, search_indexeddocument d "
            "WHERE d.page_id = m.page_id ORDER BY score DESC, d.page_id LIMIT %s"
        )

    def _compile(self, query):
        groups = []
        for group in query.groups:
            phrases = [" <-> ".join(_lexeme(t) for t in phrase) for phrase in group.alternatives]
            groups.append("(" + " | ".join(f"({p})" for p in phrases) + ")")
        return (" & " if query.match_all else " | ").join(groups)

    def _compile_prefixes(self, prefixes):
        return " & ".join(_lexeme(p) + ":*" for p in prefixes)
