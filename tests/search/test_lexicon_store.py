"""The search lexicon: simplemma's dictionaries as memory-mapped tries, same answers, little memory."""

from __future__ import annotations

import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from pathlib import Path

from simplemma.strategies.dictionaries import DefaultDictionaryFactory

from search.lexicon_store import MappedDictionaryFactory, build, build_all, trie_path

#: Latvian has the smallest dictionary of the nine: a real build in a few seconds.
LANGUAGE = "lv"


def test_a_built_trie_answers_as_simplemmas_own_dictionary(tmp_path):
    factory = MappedDictionaryFactory(tmp_path)
    mapped = factory.get_dictionary(LANGUAGE)
    original = DefaultDictionaryFactory(cache_max_size=1).get_dictionary(LANGUAGE)

    assert trie_path(LANGUAGE, tmp_path).exists()
    assert len(mapped) == len(original)
    # Every 97th form, so the sample spans the alphabet.
    for form, lemma in islice(original.items(), 0, None, 97):
        assert mapped[form] == lemma
        assert factory.contains(LANGUAGE)(form)
    assert not factory.contains(LANGUAGE)("nordpeerxyz")
    assert mapped.get("nordpeerxyz") is None


def test_processes_building_at_once_leave_one_whole_trie(tmp_path):
    with ProcessPoolExecutor(max_workers=2) as pool:
        paths = list(pool.map(build, [LANGUAGE] * 3, [tmp_path] * 3))

    assert set(paths) == {trie_path(LANGUAGE, tmp_path)}
    assert [p.name for p in tmp_path.rglob("*") if not p.name.startswith(".")] == [f"{LANGUAGE}.marisa"]
    assert build_all([LANGUAGE], tmp_path) == []  # nothing left to build
    assert len(MappedDictionaryFactory(tmp_path).get_dictionary(LANGUAGE)) > 100_000


def test_a_process_with_every_language_loaded_stays_small():
    """The nine dictionaries took ~900 MB per process as dicts; a web worker has 250 MB in all."""
    # VmHWM, the peak of this program's own memory: ru_maxrss would include the forked test process.
    script = (
        "from pathlib import Path\n"
        "from search import lexicon\n"
        "for code in ('nb', 'da', 'sv', 'fi', 'et', 'lv', 'lt', 'is', 'en'):\n"
        "    lexicon.lemma(code, 'arbeidsgiverhandbok')\n"
        "    lexicon.compound_parts(code, 'arbeidsgiverhandbok')\n"
        "status = Path('/proc/self/status').read_text()\n"
        "print(int(status.split('VmHWM:')[1].split()[0]) // 1024)\n"
    )
    project = Path(__file__).resolve().parents[2]
    result = subprocess.run(  # noqa: S603 -- our own interpreter, a fixed script
        [sys.executable, "-c", script], cwd=project, capture_output=True, text=True, check=True
    )
    peak_mb = int(result.stdout.split()[-1])
    assert peak_mb < 80, f"{peak_mb} MB"


def test_the_lexicon_still_lemmatises_and_splits():
    from search import lexicon

    assert lexicon.lemma("et", "käsiraamatut") == "käsiraamat"
    assert lexicon.lemma("fi", "toipumisesta") == "toipuminen"
    assert lexicon.compound_parts("nb", "arbeidsgiverhåndbok") == ("arbeidsgiver", "håndbok")
    assert lexicon.is_word("sv", "handledning")
