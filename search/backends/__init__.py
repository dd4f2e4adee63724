"""Which search backend the site uses: Elasticsearch when ELASTICSEARCH_URL is set, else the database."""

from __future__ import annotations

from django.conf import settings

from search.backends.base import Hit, SearchBackend, SearchUnavailable

__all__ = ["Hit", "SearchBackend", "SearchUnavailable", "get_backend"]


def get_backend() -> SearchBackend:
    """The configured backend; Elasticsearch's is one per process, with one client."""
    if settings.SEARCH_ELASTICSEARCH_URL:
        from search.backends.elastic import shared_backend

        return shared_backend(settings.SEARCH_ELASTICSEARCH_URL, settings.SEARCH_ELASTICSEARCH_INDEX)
    from search.backends.embedded import embedded_backend

    return embedded_backend()
