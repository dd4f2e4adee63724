"""The embedded backend on SQLite: an FTS5 table ranked with bm25."""

from __future__ import annotations

from django.db import connection

from search.backends.embedded import _HIT_COLUMNS, FULLY_RANKED, EmbeddedBackend, _flat, _hits
from search.query import AnalysedQuery


def _quoted(term: str) -> str:
    # Terms are runs of letters and digits (see analysis.words); quoting keeps them literal anyway.
    return '"' + term.replace('"', "") + '"'


#: A word's other terms (lemma, compound parts) follow its stem in FTS5, so a phrase's words
#: may stand this many terms apart per word.
_NEAR_PER_WORD = 6


def _fts5_phrase(phrase: tuple[str, ...]) -> str:
    if len(phrase) == 1:
        return _quoted(phrase[0])
    return "NEAR(" + " ".join(_quoted(t) for t in phrase) + f", {_NEAR_PER_WORD * (len(phrase) - 1)})"


#: The best title matches, and all matches unranked (see ``SQLiteBackend.match``).
_SQLITE_RANKED_IDS = (
    "SELECT rowid, bm25(search_fulltext, 4.0, 0.0, 0.0) AS title_rank FROM search_fulltext "
    "WHERE search_fulltext MATCH %s ORDER BY title_rank LIMIT %s"
)
_SQLITE_IDS = "SELECT rowid FROM search_fulltext WHERE search_fulltext MATCH %s LIMIT %s"


def _in_titles(compiled: str) -> str:
    return "{title_terms} : (" + compiled + ")"


def _expression(query: AnalysedQuery) -> str:
    """The query's groups as an FTS5 expression, for any column."""
    groups = ["(" + " OR ".join(map(_fts5_phrase, group.alternatives)) + ")" for group in query.groups]
    return (" AND " if query.match_all else " OR ").join(groups)


class SQLiteBackend(EmbeddedBackend):
    name = "sqlite-fts5"

    def _write_fulltext(self, rows, fresh=False):
        with connection.cursor() as cursor:
            if not fresh:
                self._delete_fulltext([row[0] for row in rows])
            cursor.executemany(
                "INSERT INTO search_fulltext (rowid, title_terms, title_words, body_terms) "
                "VALUES (%s, %s, %s, %s)",
                [(page_id, _flat(title), words, _flat(body)) for page_id, title, words, body in rows],
            )

    def _delete_fulltext(self, page_ids):
        with connection.cursor() as cursor:
            cursor.executemany("DELETE FROM search_fulltext WHERE rowid = %s", [(i,) for i in page_ids])

    def _clear_fulltext(self):
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_fulltext")

    def _match_sql(self):
        # rank is bm25 with the column weights set in the migration; smaller is better.
        return (
            f"SELECT {_HIT_COLUMNS}, -f.rank AS score FROM "  # noqa: S608 - constants only
            "(SELECT rowid, rank FROM search_fulltext WHERE search_fulltext MATCH %s "
            "ORDER BY rank LIMIT %s) f "
            "JOIN search_indexeddocument d ON d.page_id = f.rowid ORDER BY f.rank"
        )

    def _any_sql(self):
        return "SELECT rowid FROM search_fulltext WHERE search_fulltext MATCH %s LIMIT 1"

    def match(self, query, limit):
        # Two steps when many titles match, so the cost stops growing with the number of matches:
        # FTS5 computes bm25 for every match before it sorts (130 ms for a query matching all
        # 10,000 documents, whose bodies hold the words many times over). Then the FULLY_RANKED
        # best title matches (bm25 over the title column only) lead, and the other matches
        # follow unranked (titles first) up to ``limit``. With fewer title matches, bm25 ranks
        # every match as before.
        if not query.groups or limit <= FULLY_RANKED:
            return super().match(query, limit)
        compiled = self._compile(query)
        with connection.cursor() as cursor:
            cursor.execute(_SQLITE_RANKED_IDS, [_in_titles(compiled), FULLY_RANKED])
            titles = cursor.fetchall()
            if len(titles) < FULLY_RANKED:
                return self._query(self._match_sql(), compiled, limit)
            # The other title matches first, then the rest; LIMIT stops FTS5 early (under 1 ms).
            rest = []
            for compiled_query in (_in_titles(compiled), compiled):
                cursor.execute(_SQLITE_IDS, [compiled_query, limit + FULLY_RANKED])
                rest += [page_id for (page_id,) in cursor.fetchall()]
            leading = {page_id for page_id, _rank in titles}
            rest = [page_id for page_id in dict.fromkeys(rest) if page_id not in leading]
            scores = {page_id: -rank for page_id, rank in titles} | dict.fromkeys(rest, 0.0)
            order = [page_id for page_id, _rank in titles] + rest[: limit - len(titles)]
            cursor.execute(
                f"SELECT {_HIT_COLUMNS}, 0 FROM search_indexeddocument d "  # noqa: S608 - constants only
                f"WHERE d.page_id IN ({', '.join(['%s'] * len(order))})",
                order,
            )
            found = {hit.page_id: hit for hit in _hits(cursor.fetchall())}
        return [found[i]._replace(score=scores[i]) for i in order if i in found]

    def matching_ids(self, query, page_ids):
        # Measured at 10,000 documents: all matches intersected here take 1-8 ms, while the same
        # MATCH with a rowid IN (...) or rowid = ? constraint takes 2-70 ms. No column filter:
        # it makes FTS5 read every match's positions (20 ms instead of 3 for 10,000 matches);
        # the title's plain words (title_words) may then count too, and they are the same words.
        if not query.groups or not page_ids:
            return set()
        with connection.cursor() as cursor:
            sql = "SELECT rowid FROM search_fulltext WHERE search_fulltext MATCH %s"
            cursor.execute(sql, [_expression(query)])
            return {row[0] for row in cursor.fetchall()} & set(page_ids)

    def _compile(self, query):
        return "{title_terms body_terms} : (" + _expression(query) + ")"

    def _compile_prefixes(self, prefixes):
        return "{title_words} : (" + " AND ".join(_quoted(p) + "*" for p in prefixes) + ")"
