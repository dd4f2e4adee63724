"""Test databases copied from a migrated template instead of migrating each one.

Every test process (each xdist worker, on SQLite and again on PostgreSQL) used to run all
migrations into its own test database: 25 s of CPU each, most of a worker's start. The
migrated database is now kept as a template named after a hash of every migration file,
so a changed or added migration builds a new one, and each test database is a copy:

- SQLite: the template is a file, copied in with SQLite's backup API;
- PostgreSQL: the template is a database, ``CREATE DATABASE ... TEMPLATE`` copies it.

The first process to need a template migrates as before and keeps the result; the others
wait for it under a file lock. ``test_migrations.py`` still runs the migrations themselves.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import django
from django.apps import apps
from django.core import management
from django.db import DatabaseError, connections

#: Templates and their locks, kept between runs like any build cache (TMPDIR chooses where).
TEMPLATES = Path(tempfile.gettempdir()) / "nordpeer-test-templates"
PG_PREFIX = "nordpeer_template_"


def migrations_key() -> str:
    """A hash of every installed app's migration files and of Django's version."""
    digest = hashlib.sha256(django.get_version().encode())
    for app in sorted(apps.get_app_configs(), key=lambda app: app.label):
        folder = Path(app.path) / "migrations"
        for file in sorted(folder.glob("*.py")) if folder.is_dir() else ():
            digest.update(f"{app.label}/{file.name}".encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


@contextmanager
def _locked(name: str) -> Iterator[None]:
    TEMPLATES.mkdir(parents=True, exist_ok=True)
    with open(TEMPLATES / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def _sqlite_from_template(connection, key: str, migrate: Callable[[], object]) -> None:
    template = TEMPLATES / f"sqlite-{key}.sqlite3"
    with _locked(f"sqlite-{key}"):
        connection.ensure_connection()
        if template.exists():
            with sqlite3.connect(template) as source:
                source.backup(connection.connection)
            return
        migrate()
        partial = template.with_name(f".{template.name}.{os.getpid()}")
        with sqlite3.connect(partial) as copy:
            connection.connection.backup(copy)
        os.replace(partial, template)


def _pg_databases(cursor, like: str) -> set[str]:
    cursor.execute("SELECT datname FROM pg_database WHERE datname LIKE %s", [like])
    return {row[0] for row in cursor.fetchall()}


def _postgresql_from_template(connection, key: str, migrate: Callable[[], object]) -> None:
    template = f"{PG_PREFIX}{key}"
    test_database = connection.settings_dict["NAME"]
    quote = connection.ops.quote_name
    with _locked(template):
        with connection._nodb_cursor() as cursor:
            have_template = template in _pg_databases(cursor, template)
        if not have_template:
            migrate()
            connection.close()
            with connection._nodb_cursor() as cursor:
                for stale in _pg_databases(cursor, PG_PREFIX + "%"):
                    # Another checkout's run may be copying it right now; then it goes next time.
                    with suppress(DatabaseError):
                        cursor.execute(f"DROP DATABASE IF EXISTS {quote(stale)}")
                cursor.execute(f"CREATE DATABASE {quote(template)} TEMPLATE {quote(test_database)}")
            return
        connection.close()
        with connection._nodb_cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {quote(test_database)}")
            cursor.execute(f"CREATE DATABASE {quote(test_database)} TEMPLATE {quote(template)}")


def _migrate_from_template(alias: str, migrate: Callable[[], object]) -> None:
    connection = connections[alias]
    key = migrations_key()
    if connection.vendor == "sqlite":
        _sqlite_from_template(connection, key, migrate)
    elif connection.vendor == "postgresql":
        _postgresql_from_template(connection, key, migrate)
    else:
        migrate()


@contextmanager
def test_databases_from_templates() -> Iterator[None]:
    """While test databases are created, their ``migrate`` copies the template instead."""
    real_call_command = management.call_command

    def call_command(name, *args, **options):
        if name != "migrate" or "database" not in options:
            return real_call_command(name, *args, **options)
        return _migrate_from_template(options["database"], lambda: real_call_command(name, *args, **options))

    management.call_command = call_command
    try:
        yield
    finally:
        management.call_command = real_call_command
