"""The embedded index's stored documents, and the queue of index updates still to make.

The full-text part of the embedded index (an FTS5 table on SQLite, a tsvector table on
PostgreSQL) is created by this app's migration beside ``IndexedDocument`` and is written
only by ``search.backends.embedded``.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class IndexedDocument(models.Model):
    """One page in one language, as the embedded backend stores it (see ``SearchDocument``)."""

    page_id = models.BigIntegerField(_("page"), primary_key=True)
    translation_key = models.CharField(_("translation key"), max_length=36, db_index=True)
    language = models.CharField(_("language"), max_length=10)
    content_type = models.CharField(_("content type"), max_length=20)
    title = models.CharField(_("title"), max_length=255)
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(_("body"), blank=True)
    url = models.CharField(_("URL"), max_length=500, blank=True)
    topic = models.CharField(_("topic"), max_length=36, blank=True)
    audience = models.CharField(_("audience"), max_length=20, blank=True)
    #: The languages of the page, space separated.
    languages = models.CharField(_("languages"), max_length=100, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    starts_at = models.DateTimeField(_("starts"), null=True, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)

    class Meta:
        verbose_name = _("indexed document")
        verbose_name_plural = _("indexed documents")

    def __str__(self) -> str:
        return f"{self.title} ({self.language})"


class PendingUpdate(models.Model):
    """A page (all languages of one translation key) whose index entries must be brought up to date.

    Written in the same transaction as the publishing that causes it, so no update is lost;
    removed once the index has it. When the engine is down the row stays, with the next time
    to try, until an indexing task or ``search_reindex --pending`` gets through.
    """

    translation_key = models.CharField(_("translation key"), max_length=36, unique=True)
    requested_at = models.DateTimeField(_("requested"))
    attempts = models.PositiveIntegerField(_("failed attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), db_index=True)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("pending index update")
        verbose_name_plural = _("pending index updates")

    def __str__(self) -> str:
        return self.translation_key


class IndexedWord(models.Model):
    """A word of the indexed documents, as written (lower case), with its language.

    The vocabulary typo correction and the Scandinavian neighbours look words up in (see
    ``search.vocabulary``). Words are added as documents are indexed and pruned by a rebuild.
    """

    word = models.CharField(_("word"), max_length=40)
    language = models.CharField(_("language"), max_length=10)
    #: Documents containing the word when it was counted; a correction prefers common words.
    documents = models.PositiveIntegerField(_("documents"), default=1)

    class Meta:
        verbose_name = _("indexed word")
        verbose_name_plural = _("indexed words")
        constraints = [models.UniqueConstraint(fields=["word", "language"], name="search_word_unique")]

    def __str__(self) -> str:
        return f"{self.word} ({self.language})"
