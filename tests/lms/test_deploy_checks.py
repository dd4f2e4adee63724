"""`manage.py check --deploy` says when uploaded content could act as the site."""

from __future__ import annotations

import pytest

from lms import checks
from lms.checks import check_content_origin
from tests.requirements import require


def ids(settings_overrides, settings) -> list[str]:
    for name, value in settings_overrides.items():
        setattr(settings, name, value)
    return [message.id for message in check_content_origin(None)]


def test_no_content_origin_is_a_warning(settings):
    assert ids({"CONTENT_ORIGIN": ""}, settings) == ["lms.W001"]


def test_the_sites_own_origin_is_an_error(settings):
    overrides = {
        "CONTENT_ORIGIN": "https://nordpeer.example",
        "WAGTAILADMIN_BASE_URL": "https://nordpeer.example",
    }
    assert ids(overrides, settings) == ["lms.E001"]


def test_a_session_cookie_shared_with_the_content_host_is_an_error(settings):
    overrides = {
        "CONTENT_ORIGIN": "https://content.nordpeer.example",
        "WAGTAILADMIN_BASE_URL": "https://nordpeer.example",
        "SESSION_COOKIE_DOMAIN": ".nordpeer.example",
    }
    assert ids(overrides, settings) == ["lms.E002"]


def test_a_content_origin_of_its_own_passes(settings):
    overrides = {
        "CONTENT_ORIGIN": "https://nordpeer-content.example",
        "WAGTAILADMIN_BASE_URL": "https://nordpeer.example",
        "SESSION_COOKIE_DOMAIN": None,
    }
    assert ids(overrides, settings) == []


def test_a_content_origin_under_the_sites_registrable_domain_is_a_warning(settings):
    overrides = {
        "CONTENT_ORIGIN": "https://content.nordpeer.example",
        "WAGTAILADMIN_BASE_URL": "https://www.nordpeer.example",
        "SESSION_COOKIE_DOMAIN": None,
    }
    assert ids(overrides, settings) == ["lms.W002"]


def test_two_names_under_a_public_suffix_are_different_domains(settings):
    # github.io is on the Public Suffix List: a.github.io cannot set cookies for b.github.io.
    overrides = {
        "CONTENT_ORIGIN": "https://nordpeer-content.github.io",
        "WAGTAILADMIN_BASE_URL": "https://nordpeer.github.io",
        "SESSION_COOKIE_DOMAIN": None,
    }
    assert ids(overrides, settings) == ([] if checks._public_suffix_rules() else ["lms.W002"])


def test_two_names_of_one_machine_share_no_cookies(settings):
    overrides = {"CONTENT_ORIGIN": "http://localhost:8000", "WAGTAILADMIN_BASE_URL": "http://127.0.0.1:8000"}
    assert ids(overrides, settings) == []


@pytest.mark.parametrize(
    "host, domain",
    [
        ("content.nordpeer.example", "nordpeer.example"),
        ("nordpeer.no", "nordpeer.no"),
        ("kurs.nordpeer.co.uk", "nordpeer.co.uk"),
        ("a.b.oslo.no", "b.oslo.no"),
        ("www.ck", "www.ck"),  # an exception to the *.ck wildcard
        ("x.y.ck", "x.y.ck"),
        ("NordPeer.SE.", "nordpeer.se"),
        ("127.0.0.1", "127.0.0.1"),
        ("localhost", "localhost"),
    ],
)
def test_registrable_domain_follows_the_public_suffix_list(host, domain):
    require(
        checks._public_suffix_rules() is not None,
        f"Debian's publicsuffix list at {checks.PUBLIC_SUFFIX_LIST}",
        "`make test` installs it (apt-get install publicsuffix)",
    )
    assert checks.registrable_domain(host) == domain


def test_without_the_list_the_last_two_labels_count(monkeypatch):
    monkeypatch.setattr(checks, "_public_suffix_rules", lambda: None)
    assert checks.registrable_domain("kurs.nordpeer.co.uk") == "co.uk"
    assert checks.registrable_domain("content.nordpeer.example") == "nordpeer.example"
