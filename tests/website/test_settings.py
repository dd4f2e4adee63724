"""Settings come from the environment: production refuses to start without its secrets."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings

from website.settings import environment

# Only the settings module, not django.setup(): loading every app costs a second and a half of
# CPU per interpreter, and settings are read before any app is.
PRINT_SETTINGS = """
import json
from django.conf import settings
db = settings.DATABASES["default"]
print(json.dumps({
    "debug": settings.DEBUG,
    "secret_key": settings.SECRET_KEY,
    "allowed_hosts": settings.ALLOWED_HOSTS,
    "engine": db["ENGINE"],
    "name": str(db["NAME"]),
    "host": db.get("HOST", ""),
    "port": db.get("PORT", ""),
    "user": db.get("USER", ""),
    "options": db.get("OPTIONS", {}),
    "max_upload_size": settings.MAX_UPLOAD_SIZE,
    "docs_max_upload_size": settings.WAGTAILDOCS_MAX_UPLOAD_SIZE,
}))
"""


def run_settings(module: str, **env: str) -> subprocess.CompletedProcess:
    """Load ``module`` in a fresh interpreter with nothing in the environment but ``env``."""
    clean = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DJANGO_SETTINGS_MODULE": module,
        "EMAIL_URL": MAIL,
        "BASE_URL": SITE,
        **env,
    }
    return subprocess.run(  # noqa: S603 - this interpreter running our fixed script
        [sys.executable, "-c", PRINT_SETTINGS],
        cwd=settings.BASE_DIR,
        env=clean,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def loaded(result: subprocess.CompletedProcess) -> dict:
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


PRODUCTION = "website.settings.production"
KEY = "a-long-random-production-key-0123456789abcdefghijklmnopqrstuvwxyz"
MAIL = "smtp://nordpeer%40mail.example:s3cret@smtp.mail.example:587"
SITE = "https://nordpeer.example"


def test_production_refuses_to_start_without_a_secret_key():
    result = run_settings(PRODUCTION, ALLOWED_HOSTS="nordpeer.example")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_a_blank_secret_key():
    result = run_settings(PRODUCTION, SECRET_KEY="   ", ALLOWED_HOSTS="nordpeer.example")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_settings(PRODUCTION, SECRET_KEY=KEY)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_production_refuses_to_start_without_a_mail_server():
    result = run_settings(PRODUCTION, SECRET_KEY=KEY, ALLOWED_HOSTS="nordpeer.example", EMAIL_URL="")
    assert result.returncode != 0
    assert "EMAIL_URL must be set" in result.stderr


def test_production_reads_the_mail_server_from_email_url():
    script = "from django.conf import settings as s; "
    script += "print(s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_HOST_USER, s.EMAIL_HOST_PASSWORD, s.EMAIL_USE_TLS)"
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "DJANGO_SETTINGS_MODULE": PRODUCTION}
    env.update(SECRET_KEY=KEY, ALLOWED_HOSTS="nordpeer.example", EMAIL_URL=MAIL, BASE_URL=SITE)
    result = subprocess.run(  # noqa: S603 - this interpreter running our fixed script
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout.split() == ["smtp.mail.example", "587", "nordpeer@mail.example", "s3cret", "True"]


def test_production_refuses_to_start_without_base_url():
    result = run_settings(PRODUCTION, SECRET_KEY=KEY, ALLOWED_HOSTS="nordpeer.example", BASE_URL="")
    assert result.returncode != 0
    assert "BASE_URL must be set in production" in result.stderr


def test_production_derives_ids_and_frame_ancestors_from_base_url():
    script = (
        "import django; django.setup(); from django.conf import settings; "
        "from lms.content.isolation import site_origins; from lms.xapi import home_page; "
        "print(settings.WAGTAILADMIN_BASE_URL, site_origins()[0], home_page())"
    )
    result = subprocess.run(  # noqa: S603 - this interpreter running our fixed script
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env={
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "DJANGO_SETTINGS_MODULE": PRODUCTION,
            "SECRET_KEY": KEY,
            "ALLOWED_HOSTS": "kurs.example",
            "EMAIL_URL": MAIL,
            "BASE_URL": "https://kurs.example:8443/",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout.split() == ["https://kurs.example:8443"] * 3, result.stderr


def test_production_starts_with_both_and_uses_them():
    values = loaded(
        run_settings(PRODUCTION, SECRET_KEY=KEY, ALLOWED_HOSTS="nordpeer.example, www.nordpeer.example")
    )
    assert values["debug"] is False
    assert values["secret_key"] == KEY
    assert values["allowed_hosts"] == ["nordpeer.example", "www.nordpeer.example"]
    assert values["engine"] == "django.db.backends.sqlite3"


def test_database_url_switches_production_to_postgresql():
    values = loaded(
        run_settings(
            PRODUCTION,
            SECRET_KEY=KEY,
            ALLOWED_HOSTS="nordpeer.example",
            DATABASE_URL="postgres://nordpeer@db.internal:5433/nordpeer_live",
        )
    )
    assert values["engine"] == "django.db.backends.postgresql"
    assert (values["host"], values["port"], values["user"], values["name"]) == (
        "db.internal",
        5433,
        "nordpeer",
        "nordpeer_live",
    )
    # Statements sent often are prepared, so PostgreSQL plans them once per connection.
    assert values["options"] == {"server_side_binding": True, "prepare_threshold": 5}


def test_prepared_statements_can_be_turned_off_for_a_pooler_that_cannot_keep_them():
    values = loaded(
        run_settings(
            PRODUCTION,
            SECRET_KEY=KEY,
            ALLOWED_HOSTS="nordpeer.example",
            DATABASE_URL="postgres://nordpeer@pgbouncer.internal:6432/nordpeer_live",
            DATABASE_PREPARED_STATEMENTS="false",
        )
    )
    assert values["engine"] == "django.db.backends.postgresql"
    assert values["options"] == {}


def test_development_needs_nothing_set_and_uses_sqlite():
    values = loaded(run_settings("website.settings.dev", MAX_UPLOAD_MB="3"))
    assert values["debug"] is True
    assert values["secret_key"]
    assert values["engine"] == "django.db.backends.sqlite3"
    assert values["name"].endswith("db.sqlite3")
    # The upload limit is read from MAX_UPLOAD_MB and shared by documents.
    assert values["max_upload_size"] == values["docs_max_upload_size"] == 3 * 1024 * 1024


def test_production_deploy_checks_pass():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env={
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "DJANGO_SETTINGS_MODULE": PRODUCTION,
            "SECRET_KEY": KEY,
            "ALLOWED_HOSTS": "nordpeer.example",
            "EMAIL_URL": MAIL,
            "BASE_URL": SITE,
            # A registrable domain of its own: content.nordpeer.example could set the site's cookies.
            "CONTENT_ORIGIN": "https://nordpeer-content.example",
        },
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_read_environment_parses_types_and_defaults(monkeypatch):
    for name in ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "MAX_UPLOAD_MB", "SECURE_SSL_REDIRECT"):
        monkeypatch.delenv(name, raising=False)
    defaults = environment.read_environment()
    assert defaults.secret_key == ""
    assert defaults.allowed_hosts == []
    assert defaults.database_url.startswith("sqlite:///")
    assert defaults.secure_ssl_redirect is True

    monkeypatch.setenv("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/nordpeer")
    monkeypatch.setenv("ALLOWED_HOSTS", "a.example,, b.example ")
    monkeypatch.setenv("MAX_UPLOAD_MB", "7")
    monkeypatch.setenv("SECURE_SSL_REDIRECT", "off")
    env = environment.read_environment()
    assert env.database_url == "postgres://postgres@127.0.0.1:5432/nordpeer"
    assert env.allowed_hosts == ["a.example", "b.example"]
    assert env.max_upload_mb == 7
    assert env.secure_ssl_redirect is False


@pytest.mark.parametrize("name, value", [("MAX_UPLOAD_MB", "lots"), ("SECURE_SSL_REDIRECT", "maybe")])
def test_read_environment_refuses_values_of_the_wrong_type(monkeypatch, name, value):
    monkeypatch.setenv(name, value)
    with pytest.raises(ValueError, match=name):
        environment.read_environment()
