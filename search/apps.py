import logging

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)


def index_if_empty(sender, **kwargs) -> None:
    """After migrating, fill an empty index from the pages already published (e.g. an existing demo)."""
    from search.backends import SearchUnavailable, get_backend
    from search.documents import searchable_pages
    from search.indexing import reindex_all

    try:
        backend = get_backend()
        if backend.count() == 0 and searchable_pages().exists():
            written = reindex_all(backend)
            logger.info("Filled the empty search index with %d documents.", written)
    except SearchUnavailable as error:
        # Migrating must not depend on the search engine; `search_reindex` fills it later.
        logger.warning("Search index not filled after migrating (run search_reindex): %s", error)


class SearchConfig(AppConfig):
    """The cross-language index of the resource library."""

    name = "search"
    verbose_name = _("Search")

    def ready(self) -> None:
        from search import signals

        signals.connect()
        post_migrate.connect(index_if_empty, sender=self, dispatch_uid="search-index-if-empty")
