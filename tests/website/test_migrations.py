"""The models and the migrations agree: no change is waiting for a migration."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_no_model_change_is_missing_a_migration():
    output = io.StringIO()
    try:
        call_command(
            "makemigrations", check=True, dry_run=True, interactive=False, stdout=output, stderr=output
        )
    except SystemExit as exit_:
        pytest.fail(
            f"makemigrations --check found changes without a migration:\n{output.getvalue()}\n({exit_})"
        )
    assert "No changes detected" in output.getvalue()
