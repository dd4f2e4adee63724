"""The interface's word list per language, drawn from the network's glossary.

Each glossary concept names one preferred term per language and, as "other terms",
the synonyms people also use. Search treats them all as one; the interface uses the
preferred term. ``non_preferred_uses`` finds the other terms in a text, inflected
forms included (a term followed by more letters: "peer-medarbejdere").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from website.demo.glossary import GLOSSARY


@dataclass(frozen=True)
class TermList:
    preferred: frozenset[str]
    #: Non-preferred term → the preferred term of its concept.
    instead: dict[str, str]


def _terms(text: str) -> list[str]:
    return [term.strip().lower() for term in text.split(",") if term.strip()]


@cache
def term_list(language_code: str) -> TermList:
    preferred: set[str] = set()
    instead: dict[str, str] = {}
    for concept in GLOSSARY:
        if language_code not in concept:
            continue
        term, others, _definition = concept[language_code]
        preferred.add(term.lower())
        for other in _terms(others):
            instead.setdefault(other, term)
    # A word preferred for one concept is never wrong because another concept lists it too.
    return TermList(frozenset(preferred), {k: v for k, v in instead.items() if k not in preferred})


@cache
def _pattern(term: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(term) + r"\w*", re.IGNORECASE)


def non_preferred_uses(text: str, language_code: str) -> list[tuple[str, str]]:
    """(non-preferred term as found, preferred term) for each use in ``text``."""
    terms = term_list(language_code)
    found = []
    for other, preferred in terms.instead.items():
        for match in _pattern(other).finditer(text):
            # Not a use when a longer preferred term starts here ("vertaistyö" inside a preferred compound).
            rest = text[match.start() :].lower()
            if any(rest.startswith(p) and len(p) > len(other) for p in terms.preferred):
                continue
            found.append((match.group(0), preferred))
    return found
