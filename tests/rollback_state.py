"""What a ``serialized_rollback`` test gets back: the database as it was after the site was built.

Django keeps that state as JSON of every row and loads it back, row by row, before each such
test: on SQLite about 0.4 s of CPU a test, 20 s a run (48 tests, the browser tests among them). On SQLite we
keep a copy of the whole database instead (SQLite's backup API, into memory) and copy it back,
which takes milliseconds and also puts back what JSON leaves out (sequences, a changed schema).
PostgreSQL keeps Django's way.
"""

from __future__ import annotations

import sqlite3

#: Stands in for Django's JSON, which Django only checks is there before it asks for a restore.
SNAPSHOT_MARK = "sqlite backup snapshot (tests/rollback_state.py)"


def keep_for_rollback(connection) -> None:
    """Remember the database as it is now, for every ``serialized_rollback`` test to start from."""
    if connection.vendor != "sqlite":
        connection._test_serialized_contents = connection.creation.serialize_db_to_string()
        return
    connection.ensure_connection()
    snapshot = sqlite3.connect(":memory:", check_same_thread=False)
    connection.connection.backup(snapshot)

    def restore(_contents: str) -> None:
        connection.ensure_connection()
        snapshot.backup(connection.connection)

    # Django calls creation.deserialize_db_from_string(connection._test_serialized_contents).
    connection.creation.deserialize_db_from_string = restore
    connection._test_serialized_contents = SNAPSHOT_MARK
