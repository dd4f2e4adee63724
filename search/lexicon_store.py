"""simplemma's dictionaries as memory-mapped MARISA tries, built once per machine.

simplemma ships each language as a compressed stream and, by default, unpacks it into a
Python dict: about 900 MB and 9 s for our nine languages, in every process (each web
worker, each task worker, each test worker). The same forms in a MARISA trie take 47 MB
on disk; mapped into memory they load in a fraction of a second, and the operating system
shares the pages between the processes that read them.

The tries are built from simplemma's own data by ``make setup`` (``python -m
search.lexicon_store``), into a cache directory named after simplemma's version, so a new
version builds new tries. A process that finds a trie missing builds it itself, under a
lock and into a temporary file that is renamed into place, so parallel workers never read
half a file.
"""

from __future__ import annotations

import fcntl
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from marisa_trie import BytesTrie
from platformdirs import user_cache_dir
from simplemma.__metadata__ import __version__ as SIMPLEMMA_VERSION
from simplemma.strategies.dictionaries import DefaultDictionaryFactory
from simplemma.strategies.dictionaries.dictionary_factory import CachingDictionaryFactory
from simplemma.strategies.dictionaries.trie_dictionary_factory import TrieWrapDict

from website.settings.environment import ENV

#: simplemma's codes for the languages the site's readers use.
LANGUAGES = ("nb", "da", "sv", "fi", "et", "lv", "lt", "is", "en")


def lexicon_dir() -> Path:
    """Where the tries live: ``SEARCH_LEXICON_DIR``, else the user's cache directory."""
    configured = ENV.search_lexicon_dir
    base = Path(configured) if configured else Path(user_cache_dir("nordpeer")) / "lexicon"
    return base / f"simplemma-{SIMPLEMMA_VERSION}"


def trie_path(language: str, directory: Path | None = None) -> Path:
    return (directory or lexicon_dir()) / f"{language}.marisa"


def build(language: str, directory: Path | None = None) -> Path:
    """Write ``language``'s trie unless it is there; safe to call from many processes at once."""
    target = trie_path(language, directory)
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target.parent / f".{language}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # a second process waits here, then finds the file
        if target.exists():
            return target
        # A factory of its own: the unpacked dict is dropped as soon as the trie is written.
        forms = DefaultDictionaryFactory(cache_max_size=1).get_dictionary(language)
        trie = BytesTrie((form, lemma.encode()) for form, lemma in forms.items())
        partial = target.with_name(f".{target.name}.{os.getpid()}")
        trie.save(str(partial))
        os.replace(partial, target)
    return target


def build_all(
    languages: Iterable[str] = LANGUAGES, directory: Path | None = None, workers: int = 2
) -> list[str]:
    """Build the missing tries, ``workers`` languages at a time; the languages built."""
    missing = [code for code in languages if not trie_path(code, directory).exists()]
    if missing:
        with ProcessPoolExecutor(max_workers=max(1, min(workers, len(missing)))) as pool:
            list(pool.map(build, missing, [directory] * len(missing)))
    return missing


class MappedDictionaryFactory(CachingDictionaryFactory):
    """A simplemma dictionary factory reading the memory-mapped tries (built when missing)."""

    __slots__ = ("_directory",)

    def __init__(self, directory: Path | None = None) -> None:
        self._directory = directory
        super().__init__(cache_max_size=len(LANGUAGES))

    def _get_dictionary_uncached(self, lang: str) -> Mapping[str, str]:
        if lang not in LANGUAGES:
            raise ValueError(f"No lexicon for language {lang!r}")
        path = build(lang, self._directory)
        trie = BytesTrie()
        trie.mmap(str(path))
        return TrieWrapDict(trie)

    def contains(self, lang: str) -> Callable[[str], bool]:
        """The trie's own membership test: the compound splitter asks it hundreds of times a word."""
        return self.get_dictionary(lang)._trie.__contains__

    def forms(self, lang: str) -> Iterator[str]:
        """Every form the dictionary knows, once each, in the trie's order."""
        return self.get_dictionary(lang)._trie.iterkeys()


if __name__ == "__main__":
    started = time.monotonic()
    built = build_all(workers=os.cpu_count() or 1)
    where = lexicon_dir()
    if built:
        print(f"search lexicon: built {', '.join(built)} in {time.monotonic() - started:.0f} s ({where})")
    else:
        print(f"search lexicon: up to date ({where})", file=sys.stderr)
