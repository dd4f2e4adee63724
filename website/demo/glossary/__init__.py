"""The glossary of the profession in the demo: each concept in all nine languages.

Every concept is a dict from language code to ``(term, other terms, definition)``; the
English entry is the source, the others are made through wagtail-localize so that all of
a concept's terms share one ``translation_key``. The terms are the ones used in each
country's services and training; other terms are comma-separated synonyms.
"""

from .practice import PRACTICE
from .roles import ROLES

GLOSSARY = [*ROLES, *PRACTICE]
