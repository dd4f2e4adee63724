"""Test databases are copies of a migrated template (tests/migrated_template.py): never a stale one."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.migrated_template import migrations_key


@pytest.mark.django_db
def test_the_test_database_has_every_migration_applied():
    executor = MigrationExecutor(connection)
    assert executor.migration_plan(executor.loader.graph.leaf_nodes()) == []


def test_the_template_key_follows_the_migration_files(tmp_path, settings):
    """A new migration file gives a new key, so no test database is copied from an older template."""
    before = migrations_key()
    folder = tmp_path / "extra_app"
    (folder / "migrations").mkdir(parents=True)
    (folder / "migrations" / "0001_initial.py").write_text("# a migration\n")
    from django.apps import apps

    config = apps.get_app_config("search")
    original_path = config.path
    config.path = str(folder)
    try:
        assert migrations_key() != before
    finally:
        config.path = original_path
    assert migrations_key() == before
