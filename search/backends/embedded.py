"""The embedded backend: the index lives in the site's own database.

Documents are analysed in Python (``search.analysis``) and their terms stored in a
full-text table: SQLite FTS5 by default, a ``tsvector`` with a GIN index on PostgreSQL.
Both keep the stored documents in ``IndexedDocument``. Queries are compiled from analysed
index terms only (see ``search.query``), quoted, so what a reader types is never FTS syntax.
What each database does its own way is in ``embedded_sqlite`` and ``embedded_postgres``.
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


#: Broad queries rank this many candidates fully (see each database's backend).
FULLY_RANKED = 200


def _hits(rows: Iterable[tuple]) -> list[Hit]:
    # A broad query makes MAX_HITS of these: positional arguments, and each distinct list of
    # languages split once (most documents share one), take 0.3 ms for 1,000 rows instead of 1.4.
    split: dict[str, tuple[str, ...]] = {}
    found = []
    for page_id, key, language, content_type, topic, audience, languages, title, score in rows:
        codes = split.get(languages)
        if codes is None:
            codes = split[languages] = tuple(languages.split())
        found.append(Hit(page_id, key, language, content_type, topic, audience, codes, float(score), title))
    return found


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
            self._settle_fulltext()
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
            self._settle_fulltext()
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

    def _settle_fulltext(self) -> None:
        """After writing: whatever the database needs so that searches run at full speed at once."""

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


def embedded_backend() -> EmbeddedBackend:
    """The embedded backend for the database the site runs on."""
    # Imported here: each database's backend builds on this module.
    if connection.vendor == "postgresql":
        from search.backends.embedded_postgres import PostgresBackend

        return PostgresBackend()
    from search.backends.embedded_sqlite import SQLiteBackend

    return SQLiteBackend()
