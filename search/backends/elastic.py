"""The Elasticsearch backend: selected by ELASTICSEARCH_URL.

Searches and updates go to an alias. A rebuild writes a new index beside the live one and
then moves the alias in one atomic request, so search never goes down during a rebuild;
the old index is deleted afterwards. Bodies are built in ``search.backends.elastic_index``.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Sequence
from datetime import datetime

from django.utils import timezone
from elasticsearch import ApiError, Elasticsearch, NotFoundError, TransportError
from elasticsearch.helpers import BulkIndexError, streaming_bulk

from search.backends.base import Hit, Progress, SearchBackend, SearchUnavailable
from search.backends.elastic_index import (
    autocomplete_body,
    document_body,
    find_body,
    index_definition,
    search_body,
)
from search.documents import SearchDocument
from search.query import AnalysedQuery

_STORED = [
    "page_id", "translation_key", "language", "content_type", "title", "summary", "body", "url", "topic",
    "audience",
]  # fmt: skip


def _document(source: dict) -> SearchDocument:
    values = {name: source.get(name) or "" for name in _STORED}
    dates = {
        name: datetime.fromisoformat(source[name]) if source.get(name) else None
        for name in ("published_at", "starts_at")
    }
    return SearchDocument(
        **values, languages=tuple(source.get("languages") or ()), year=source.get("year"), **dates
    )


def _hit(raw: dict) -> Hit:
    source = raw["_source"]
    return Hit(
        page_id=int(source["page_id"]),
        translation_key=source["translation_key"],
        language=source["language"],
        content_type=source["content_type"],
        topic=source.get("topic") or "",
        audience=source.get("audience") or "",
        languages=tuple(source.get("languages") or ()),
        score=float(raw.get("_score") or 0.0),
        title=source.get("title") or "",
    )


class ElasticsearchBackend(SearchBackend):
    name = "elasticsearch"

    def __init__(self, url: str, alias: str = "nordpeer", client: Elasticsearch | None = None) -> None:
        self.alias = alias
        #: Whether the alias is known to exist: checked once per process (see ``shared_backend``).
        self.ready = False
        self.client = client or Elasticsearch(url, request_timeout=10, retry_on_timeout=True, max_retries=2)

    def _call(self, method, **kwargs):
        """One client call; an unreachable or failing engine becomes SearchUnavailable."""
        try:
            return method(**kwargs)
        except NotFoundError as error:
            # The index went away behind our back (deleted by hand): check it again next time.
            self.ready = False
            raise SearchUnavailable(f"Elasticsearch index {self.alias!r} is missing: {error}") from error
        except (ApiError, TransportError, BulkIndexError) as error:
            raise SearchUnavailable(f"Elasticsearch at {self.alias!r} failed: {error}") from error

    def ensure_index(self) -> None:
        """Create a first index behind the alias if there is none yet."""
        if self.ready:
            return
        if not self._call(self.client.indices.exists_alias, name=self.alias):
            name = self._new_index_name()
            self._call(self.client.indices.create, index=name, body=index_definition(name).to_dict())
            self._call(self.client.indices.put_alias, index=name, name=self.alias)
        self.ready = True

    def _new_index_name(self) -> str:
        return f"{self.alias}-{timezone.now():%Y%m%d%H%M%S%f}"

    def _bulk(self, actions: Iterable[dict], index: str, progress: Progress | None = None) -> int:
        written = 0
        try:
            for ok, _item in streaming_bulk(
                self.client, actions, index=index, chunk_size=500, raise_on_error=True
            ):
                written += ok
                if progress and written % 500 == 0:
                    progress(written)
        except (ApiError, TransportError, BulkIndexError) as error:
            raise SearchUnavailable(f"Elasticsearch bulk request failed: {error}") from error
        return written

    def upsert(self, documents: Sequence[SearchDocument]) -> None:
        self.ensure_index()
        actions = ({"_id": d.page_id, "_source": document_body(d)} for d in documents)
        self._bulk(actions, self.alias)
        self._call(self.client.indices.refresh, index=self.alias)

    def delete_pages(self, page_ids: Sequence[int]) -> None:
        self.ensure_index()
        body = {"query": {"terms": {"page_id": list(page_ids)}}}
        self._call(self.client.delete_by_query, index=self.alias, body=body, refresh=True)

    def delete_keys(self, translation_keys: Sequence[str]) -> None:
        self.ensure_index()
        body = {"query": {"terms": {"translation_key": list(translation_keys)}}}
        self._call(self.client.delete_by_query, index=self.alias, body=body, refresh=True)

    def page_ids_of_key(self, translation_key: str) -> set[int]:
        self.ensure_index()
        body = {"query": {"term": {"translation_key": translation_key}}, "_source": ["page_id"], "size": 100}
        response = self._call(self.client.search, index=self.alias, body=body)
        return {int(h["_source"]["page_id"]) for h in response["hits"]["hits"]}

    def rebuild(self, documents: Iterable[SearchDocument], progress: Progress | None = None) -> int:
        name = self._new_index_name()
        self._call(self.client.indices.create, index=name, body=index_definition(name).to_dict())
        actions = ({"_id": d.page_id, "_source": document_body(d)} for d in documents)
        written = self._bulk(actions, name, progress)
        self._call(self.client.indices.refresh, index=name)
        try:
            old = list(self.client.indices.get_alias(name=self.alias))
        except NotFoundError:
            old = []
        moves = [{"remove": {"index": index, "alias": self.alias}} for index in old]
        moves.append({"add": {"index": name, "alias": self.alias}})
        self._call(self.client.indices.update_aliases, body={"actions": moves})
        for index in old:
            self._call(self.client.indices.delete, index=index)
        if progress:
            progress(written)
        return written

    def match(self, query: AnalysedQuery, limit: int) -> list[Hit]:
        if not query.groups:
            return []
        self.ensure_index()
        response = self._call(self.client.search, index=self.alias, body=search_body(query, limit))
        return [_hit(raw) for raw in response["hits"]["hits"]]

    def autocomplete(self, prefixes: Sequence[str], limit: int) -> list[Hit]:
        if not prefixes:
            return []
        self.ensure_index()
        response = self._call(self.client.search, index=self.alias, body=autocomplete_body(prefixes, limit))
        return [_hit(raw) for raw in response["hits"]["hits"]]

    def fetch(self, page_ids: Sequence[int]) -> dict[int, SearchDocument]:
        if not page_ids:
            return {}
        self.ensure_index()
        response = self._call(self.client.mget, index=self.alias, body={"ids": [str(i) for i in page_ids]})
        return {int(d["_id"]): _document(d["_source"]) for d in response["docs"] if d.get("found")}

    def find(self, translation_key: str, language: str) -> SearchDocument | None:
        return self.find_many([(translation_key, language)]).get((translation_key, language))

    def find_many(self, wanted: Sequence[tuple[str, str]]) -> dict[tuple[str, str], SearchDocument]:
        if not wanted:
            return {}
        self.ensure_index()
        response = self._call(self.client.search, index=self.alias, body=find_body(wanted))
        found = {}
        for raw in response["hits"]["hits"]:
            document = _document(raw["_source"])
            found[(document.translation_key, document.language)] = document
        return found

    def urls(self, translation_keys: Sequence[str]) -> dict[tuple[str, str], str]:
        if not translation_keys:
            return {}
        self.ensure_index()
        body = {
            "query": {"terms": {"translation_key": list(translation_keys)}},
            "_source": ["translation_key", "language", "url"],
            "size": 20 * len(translation_keys),
        }
        response = self._call(self.client.search, index=self.alias, body=body)
        return {
            (h["_source"]["translation_key"], h["_source"]["language"]): h["_source"]["url"]
            for h in response["hits"]["hits"]
        }

    def count(self) -> int:
        self.ensure_index()
        return int(self._call(self.client.count, index=self.alias)["count"])


_shared: dict[tuple[int, str, str], ElasticsearchBackend] = {}
_shared_lock = threading.Lock()


def shared_backend(url: str, alias: str) -> ElasticsearchBackend:
    """This process's one backend for ``url`` and ``alias``: one client (one connection pool), and
    the index checked on first use, not on every search. Keyed by process id too, so a worker forked
    from a server that had already connected opens its own connections."""
    key = (os.getpid(), url, alias)
    with _shared_lock:
        backend = _shared.get(key)
        if backend is None:
            backend = _shared[key] = ElasticsearchBackend(url, alias=alias)
    return backend
