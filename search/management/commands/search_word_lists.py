"""Write the compound word lists Elasticsearch's ``dictionary_decompounder`` reads.

Copy the directory's ``analysis`` folder into every node's config directory (or write it
there) before the first index is created: ``manage.py search_word_lists /etc/elasticsearch``.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser

from search.backends.elastic_index import word_list_path
from search.glossary import glossary_words
from search.lexicon import COMPOUNDING_LANGUAGES, compound_word_list


class Command(BaseCommand):
    help = "Write the compound word lists for Elasticsearch's dictionary_decompounder."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory", help="The Elasticsearch config directory (or a copy of it).")

    def handle(self, *args, directory: str, **options) -> None:
        extra = glossary_words()
        for language in COMPOUNDING_LANGUAGES:
            path = Path(directory) / word_list_path(language)
            path.parent.mkdir(parents=True, exist_ok=True)
            words = compound_word_list(language, extra)
            path.write_text("\n".join(words) + "\n", encoding="utf-8")
            self.stdout.write(f"{path}: {len(words)} words")
