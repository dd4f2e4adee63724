"""Shared fixtures: the multilingual site, translated pages and users."""

from __future__ import annotations

import pytest
from django.conf import settings

from tests import factories
from website.site_setup import SiteStructure, set_up_site
from website.translating import translate


@pytest.fixture
def site(db) -> SiteStructure:
    """Locales for every language, a home page per language, one editor group per language."""
    return set_up_site()


@pytest.fixture
def home(site):
    """The source-language (English) home page."""
    return site.homes[settings.LANGUAGE_CODE].specific


@pytest.fixture
def translated_home(site, home):
    """The home page translated into Norwegian and Swedish and published."""
    return {
        "nb": translate(home, "nb", {"Nordpeer": "Nordpeer"}),
        "sv": translate(home, "sv", {"Nordpeer": "Nordpeer"}),
    }


@pytest.fixture
def material(home):
    return factories.make_material(home, "What peer support workers do")


@pytest.fixture
def translate_page():
    """``translate_page(page, "nb", {"source": "translation"})`` through wagtail-localize."""
    return translate


@pytest.fixture
def editor_of(site):
    """``editor_of("sv")``: a new user in that language's editor group from ``set_up_site``."""

    def make(language_code: str):
        return factories.make_user(groups=(site.editor_groups[language_code],))

    return make
