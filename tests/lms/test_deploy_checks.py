"""`manage.py check --deploy` says when uploaded content could act as the site."""

from __future__ import annotations

from lms.checks import check_content_origin


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
