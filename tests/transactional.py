"""Whether a test is transactional: its data is committed, and a flush empties the database after it.

Apart from tests/module_data.py so that the xdist scheduler (tests/xdist_modules.py) can ask
without importing Django's models.
"""

from __future__ import annotations

#: Fixtures that make a test transactional without the marker saying so.
TRANSACTIONAL_FIXTURES = {"transactional_db", "live_server", "django_db_reset_sequences"}


def is_transactional(item) -> bool:
    mark = item.get_closest_marker("django_db")
    if mark and mark.kwargs.get("transaction"):
        return True
    return bool(TRANSACTIONAL_FIXTURES & set(getattr(item, "fixturenames", ())))
