"""The Elasticsearch backend is one object per process: one client, and its index checked once."""

from __future__ import annotations

from unittest import mock

import pytest
from django.test import override_settings
from elastic_transport import ApiResponseMeta, HttpHeaders
from elasticsearch import NotFoundError

from search.backends import SearchUnavailable, elastic, get_backend
from search.backends.elastic_index import autocomplete_body

URL = "http://127.0.0.1:8119"


@pytest.fixture(autouse=True)
def fresh_process_state():
    elastic._shared.clear()
    with override_settings(SEARCH_ELASTICSEARCH_URL=URL, SEARCH_ELASTICSEARCH_INDEX="nordpeer"):
        yield
    elastic._shared.clear()


def recording_client() -> mock.MagicMock:
    client = mock.MagicMock()
    client.indices.exists_alias.return_value = True
    client.search.return_value = {"hits": {"hits": []}}
    client.count.return_value = {"count": 7}
    return client


def test_every_call_in_a_process_gets_the_same_backend_and_client():
    first, second = get_backend(), get_backend()
    assert first is second
    assert first.client is second.client
    assert isinstance(first, elastic.ElasticsearchBackend)


def test_the_index_is_checked_once_not_on_every_search():
    backend = get_backend()
    backend.client = recording_client()

    for _ in range(3):
        get_backend().autocomplete(["sto"], 8)
    get_backend().count()

    assert backend.client.indices.exists_alias.call_count == 1
    assert backend.client.search.call_count == 3
    assert backend.client.search.call_args.kwargs == {
        "index": "nordpeer",
        "body": autocomplete_body(["sto"], 8),
    }


def test_an_index_deleted_behind_its_back_is_unavailable_then_checked_again():
    backend = get_backend()
    backend.client = recording_client()
    backend.count()
    meta = ApiResponseMeta(status=404, http_version="1.1", headers=HttpHeaders(), duration=0.0, node=None)
    backend.client.count.side_effect = NotFoundError("index_not_found_exception", meta, {})

    with pytest.raises(SearchUnavailable):
        backend.count()
    backend.client.count.side_effect = None
    assert backend.count() == 7
    assert backend.client.indices.exists_alias.call_count == 2


def test_a_forked_worker_gets_its_own_client():
    parent = get_backend()
    with mock.patch("search.backends.elastic.os.getpid", return_value=-1):
        child = get_backend()
    assert child is not parent and child.client is not parent.client
