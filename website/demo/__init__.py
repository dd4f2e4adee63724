"""Demo content: a small, realistic Nordpeer site for development, reviews and browser tests.

The English source texts and the structure live in ``content``, ``videos``, ``partners``
and ``glossary``; translations in ``translations``; ``builder`` turns them into pages
and snippets. ``manage.py load_demo`` runs it.
"""
