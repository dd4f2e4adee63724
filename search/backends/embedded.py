"""The embedded backend: the index lives in the site's own database.

Documents are analysed in Python (``search.analysis``) and their terms stored in a
full-text table: SQLite FTS5 by default, a ``tsvector`` with a GIN index on PostgreSQL.
Both keep the stored documents in ``IndexedDocument``. Queries are compiled from analysed
index terms only (see ``search.query``), quoted, so what a reader types is never FTS syntax.
"""

from __future__ import annotations

import functools
import itertools
import operator
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

from django.db import connection, transaction
from django.db.models import Q

from search.analysis import fold, words
from search.backends.base import Hit, Progress, SearchBackend
from search.documents import SearchDocument
from search.models import IndexedDocument
from search.query import AnalysedQuery
from search.terms import positions
from search.vocabulary import clear as clear_vocabulary
from search.vocabulary import count_words, record

BATCH = 500
_FIELDS = [f.name for f in IndexedDocument._meta.fields if f.name != "page_id"]
_HIT_COLUMNS = (
    "d.page_id, d.translation_key, d.language, d.content_type, d.topic, d.audience, d.languages, d.title"
)


def batched(items: Iterable, size: int) -> Iterator[list]:
    """``items`` in lists of ``size`` (itertools.batched arrives with Python 3.12)."""
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def _row(document: SearchDocument) -> IndexedDocument:
    values = {name: getattr(document, name) for name in _FIELDS if name != "languages"}
    return IndexedDocument(page_id=document.page_id, languages=" ".join(document.languages), **values)


def _document(row: IndexedDocument) -> SearchDocument:
    values = {name: getattr(row, name) for name in _FIELDS if name != "languages"}
    return SearchDocument(page_id=row.page_id, languages=tuple(row.languages.split()), **values)


def _terms(document: SearchDocument) -> tuple[list[tuple[str, ...]], str, list[tuple[str, ...]]]:
    """(title positions, folded title words, body positions) of a document; see ``search.terms``."""
    language = document.language
    title_words = " ".join(fold(w) for w in words(document.title))
    body = positions(f"{document.summary}\n{document.body}", language)
    return positions(document.title, language), title_words, body


def _flat(found: list[tuple[str, ...]]) -> str:
    return " ".join(term for terms in found for term in terms)


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


def _hits(rows: Iterable[tuple]) -> list[Hit]:
    return [
        Hit(
            page_id=page_id,
            translation_key=key,
            language=language,
            content_type=content_type,
            topic=topic,
            audience=audience,
            languages=tuple(languages.split()),
            score=float(score),
            title=title,
        )
        for page_id, key, language, content_type, topic, audience, languages, title, score in rows
    ]


class EmbeddedBackend(SearchBackend):
    """What both databases share; subclasses write and query their own full-text table."""

    def upsert(self, documents: Sequence[SearchDocument]) -> None:
        with transaction.atomic():
            for batch in batched(documents, BATCH):
                IndexedDocument.objects.bulk_create(
                    [_row(d) for d in batch],
                    update_conflicts=True,
                    unique_fields=["page_id"],
                    update_fields=_FIELDS,
                )
                self._write_fulltext([(d.page_id, *_terms(d)) for d in batch])
            record(count_words(documents))

    def delete_pages(self, page_ids: Sequence[int]) -> None:
        with transaction.atomic():
            IndexedDocument.objects.filter(page_id__in=page_ids).delete()
            self._delete_fulltext(page_ids)

    def delete_keys(self, translation_keys: Sequence[str]) -> None:
        ids = list(
            IndexedDocument.objects.filter(translation_key__in=translation_keys).values_list(
                "page_id", flat=True
            )
        )
        self.delete_pages(ids)

    def page_ids_of_key(self, translation_key: str) -> set[int]:
        return set(
            IndexedDocument.objects.filter(translation_key=translation_key).values_list("page_id", flat=True)
        )

    def rebuild(self, documents: Iterable[SearchDocument], progress: Progress | None = None) -> int:
        # One transaction: readers see the old index until the new one is complete.
        written = 0
        with transaction.atomic():
            IndexedDocument.objects.all().delete()
            self._clear_fulltext()
            clear_vocabulary()
            counts = Counter()
            for batch in batched(documents, BATCH):
                IndexedDocument.objects.bulk_create([_row(d) for d in batch])
                self._write_fulltext([(d.page_id, *_terms(d)) for d in batch], fresh=True)
                count_words(batch, counts)
                written += len(batch)
                if progress:
                    progress(written)
            record(counts)
        return written

    def match(self, query: AnalysedQuery, limit: int) -> list[Hit]:
        if not query.groups:
            return []
        return self._query(self._match_sql(), self._compile(query), limit)

    def matches_any(self, query: AnalysedQuery) -> bool:
        # Unranked: the first match found answers, however many documents match.
        if not query.groups:
            return False
        with connection.cursor() as cursor:
            cursor.execute(self._any_sql(), [self._compile(query)])
            return cursor.fetchone() is not None

    def autocomplete(self, prefixes: Sequence[str], limit: int) -> list[Hit]:
        prefixes = [p for p in prefixes if p]
        if not prefixes:
            return []
        return self._query(self._autocomplete_sql(), self._compile_prefixes(prefixes), limit)

    def _query(self, sql: str, compiled: str, limit: int) -> list[Hit]:
        with connection.cursor() as cursor:
            cursor.execute(sql, [compiled, limit])
            return _hits(cursor.fetchall())

    def fetch(self, page_ids: Sequence[int]) -> dict[int, SearchDocument]:
        return {row.page_id: _document(row) for row in IndexedDocument.objects.filter(page_id__in=page_ids)}

    def find(self, translation_key: str, language: str) -> SearchDocument | None:
        row = IndexedDocument.objects.filter(translation_key=translation_key, language=language).first()
        return _document(row) if row else None

    def find_many(self, wanted: Sequence[tuple[str, str]]) -> dict[tuple[str, str], SearchDocument]:
        pairs = set(wanted)
        if not pairs:
            return {}
        # Exactly the pairs asked for: keys and languages apart would fetch every language's
        # whole text of each key (90 bodies for a page of ten results in nine languages).
        only = functools.reduce(operator.or_, (Q(translation_key=k, language=lang) for k, lang in pairs))
        rows = IndexedDocument.objects.filter(only)
        return {(row.translation_key, row.language): _document(row) for row in rows}

    def urls(self, translation_keys: Sequence[str]) -> dict[tuple[str, str], str]:
        rows = IndexedDocument.objects.filter(translation_key__in=translation_keys)
        return {
            (key, language): url
            for key, language, url in rows.values_list("translation_key", "language", "url")
        }

    def count(self) -> int:
        return IndexedDocument.objects.count()

    # --- what each database does its own way ---------------------------------------------

    def _write_fulltext(self, rows: list[tuple], fresh: bool = False) -> None:
        raise NotImplementedError

    def _delete_fulltext(self, page_ids: Sequence[int]) -> None:
        raise NotImplementedError

    def _clear_fulltext(self) -> None:
        raise NotImplementedError

    def _match_sql(self) -> str:
        """SQL taking (compiled query, limit), returning hit columns and a score, best first."""
        raise NotImplementedError

    def _any_sql(self) -> str:
        """SQL taking (compiled query), returning a row if anything matches."""
        raise NotImplementedError

    def _autocomplete_sql(self) -> str:
        """Like ``_match_sql``, for a query of title-word prefixes."""
        return self._match_sql()

    def _compile(self, query: AnalysedQuery) -> str:
        raise NotImplementedError

    def _compile_prefixes(self, prefixes: Sequence[str]) -> str:
        raise NotImplementedError


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


#: Broad queries rank this many candidates fully (``SQLiteBackend.match``, ``PostgresBackend._match_sql``).
FULLY_RANKED = 200

#: The best title matches, and all matches unranked (see ``SQLiteBackend.match``).
_SQLITE_RANKED_IDS = (
    "SELECT rowid, bm25(search_fulltext, 4.0, 0.0, 0.0) AS title_rank FROM search_fulltext "
    "WHERE search_fulltext MATCH %s ORDER BY title_rank LIMIT %s"
)
_SQLITE_IDS = "SELECT rowid FROM search_fulltext WHERE search_fulltext MATCH %s LIMIT %s"


def _in_titles(compiled: str) -> str:
    return "{title_terms} : (" + compiled + ")"


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
        # MATCH with a rowid IN (...) or rowid = ? constraint takes 2-70 ms.
        if not query.groups or not page_ids:
            return set()
        with connection.cursor() as cursor:
            sql = "SELECT rowid FROM search_fulltext WHERE search_fulltext MATCH %s"
            cursor.execute(sql, [self._compile(query)])
            return {row[0] for row in cursor.fetchall()} & set(page_ids)

    def _compile(self, query):
        groups = [
            "(" + " OR ".join(_fts5_phrase(phrase) for phrase in group.alternatives) + ")"
            for group in query.groups
        ]
        joiner = " AND " if query.match_all else " OR "
        return "{title_terms body_terms} : (" + joiner.join(groups) + ")"

    def _compile_prefixes(self, prefixes):
        return "{title_words} : (" + " AND ".join(_quoted(p) + "*" for p in prefixes) + ")"


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

    def _delete_fulltext(self, page_ids):
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_fulltext WHERE page_id = ANY(%s)", [list(page_ids)])

    def _clear_fulltext(self):
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_fulltext")

    def _query(self, sql: str, compiled: str, limit: int) -> list[Hit]:
        # The planner cannot see that a sequential scan reads every large tsvector from TOAST,
        # so it picks one over the GIN index: 50 ms instead of 1-8 ms on 10,000 documents.
        # Forbid it for this one statement only.
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(sql, [compiled, limit])
            return _hits(cursor.fetchall())

    def _any_sql(self):
        return "SELECT page_id FROM search_fulltext WHERE vector @@ to_tsquery('simple', %s) LIMIT 1"

    def matches_any(self, query):
        # Through the GIN index (see _query): a sequential scan would read every vector when nothing matches.
        if not query.groups:
            return False
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(self._any_sql(), [self._compile(query)])
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
        # 1. candidates: the matches (GIN) ordered by how well their title matches, using the
        #    small title_terms column kept in the row (migration 0004);
        # 2. ts_rank over the whole vector (read from TOAST) for the first FULLY_RANKED
        #    candidates only; they come first, best first, the other candidates after them.
        # ts_rank weighs a title match ten times a body match (A 1.0, D 0.1), so the best-ranked
        # documents are among the first candidates; a query with at most FULLY_RANKED matches
        # is ranked exactly as one step would.
        return (
            "WITH q AS (SELECT to_tsquery('simple', %s) AS query), "  # noqa: S608 - constants only
            "c AS MATERIALIZED (SELECT page_id, ts_rank(title_terms, (SELECT query FROM q)) AS title "
            "FROM search_fulltext WHERE vector @@ (SELECT query FROM q) "
            "ORDER BY title DESC, page_id LIMIT %s), "
            "r AS MATERIALIZED (SELECT f.page_id, ts_rank(f.vector, (SELECT query FROM q)) AS score "
            f"FROM (SELECT page_id FROM c ORDER BY title DESC, page_id LIMIT {FULLY_RANKED}) t "
            "JOIN search_fulltext f ON f.page_id = t.page_id) "
            f"SELECT {_HIT_COLUMNS}, COALESCE(r.score, c.title) AS score "
            "FROM c JOIN search_indexeddocument d ON d.page_id = c.page_id "
            "LEFT JOIN r ON r.page_id = c.page_id "
            "ORDER BY r.score IS NULL, r.score DESC, c.title DESC, c.page_id"
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


def embedded_backend() -> EmbeddedBackend:
    """The embedded backend for the database the site runs on."""
    if connection.vendor == "postgresql":
        return PostgresBackend()
    return SQLiteBackend()
