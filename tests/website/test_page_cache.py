"""Anonymous readers get public pages from the cache, per language, and never anyone's own page."""

from __future__ import annotations

import copy
from dataclasses import replace
from datetime import timedelta

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.conf import settings as django_settings
from django.core.cache import caches
from django.test import RequestFactory, override_settings
from django.utils import timezone

from tests import factories
from website import page_cache

URL = "/en/peer-work/"


@pytest.fixture
def material(home, translated_home, cache_on):
    return factories.make_material(home, "Peer work")


def fetch(client, url: str = URL):
    response = client.get(url)
    return response, response.headers.get(page_cache.STATUS_HEADER)


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def templates_overriding(settings, tmp_path, name: str, text: str) -> None:
    """A project template replaced for this test (the folder comes before the apps' templates)."""
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    templates = copy.deepcopy(django_settings.TEMPLATES)
    templates[0]["DIRS"] = [tmp_path]
    settings.TEMPLATES = templates


# --- Hits ---------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_second_anonymous_reader_gets_the_stored_page_without_a_query(
    client, material, django_assert_num_queries
):
    first, first_status = fetch(client)
    assert (first.status_code, first_status) == (200, "miss")
    with django_assert_num_queries(0):
        second, second_status = fetch(client)
    assert (second.status_code, second_status) == (200, "hit")
    assert second.content == first.content
    assert second["Content-Language"] == "en"
    assert second["Content-Type"] == first["Content-Type"]
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


@pytest.mark.django_db
def test_each_language_of_a_page_has_its_own_entry(client, material, translate_page):
    translate_page(material, "nb", {"Peer work": "Likepersonarbeid"})
    english, _ = fetch(client)
    norwegian, status = fetch(client, "/nb/peer-work/")
    assert status == "miss"
    assert soup(norwegian).select_one("main h1").get_text() == "Likepersonarbeid"
    again, status = fetch(client)
    assert status == "hit"
    assert soup(again).select_one("main h1").get_text() == "Peer work"
    assert soup(again).select_one("html")["lang"] == "en"


# --- Never shared ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_signed_in_reader_never_gets_the_stored_page_nor_stores_theirs(client, material):
    fetch(client)  # stored for anonymous readers
    client.force_login(factories.make_user())
    signed_in, status = fetch(client)
    assert status is None
    assert soup(signed_in).find("button", string="Sign out") is not None
    client.logout()
    anonymous, status = fetch(client)
    assert status == "hit"
    assert soup(anonymous).find("button", string="Sign out") is None
    assert soup(anonymous).find("a", string="Sign in") is not None


@pytest.mark.django_db
def test_a_page_rendered_for_a_signed_in_reader_is_not_stored(client, material):
    client.force_login(factories.make_user())
    fetch(client)
    client.logout()
    _response, status = fetch(client)
    assert status == "miss"


@pytest.mark.django_db
def test_a_reader_with_a_notice_waiting_is_not_answered_from_the_cache(client, material):
    fetch(client)
    client.cookies["messages"] = "anything"
    _response, status = fetch(client)
    assert status is None


@pytest.mark.django_db
def test_a_page_with_a_csrf_token_is_never_stored(client, material, settings, tmp_path):
    templates_overriding(
        settings,
        tmp_path,
        "website/includes/site_search.html",
        '<form method="post" action="/en/search/">{% csrf_token %}<button>Search</button></form>',
    )
    first, first_status = fetch(client)
    assert b'name="csrfmiddlewaretoken"' in first.content
    assert "csrftoken" in first.cookies
    second, second_status = fetch(client)
    assert (first_status, second_status) == (None, None)


@pytest.mark.django_db
def test_a_page_with_a_csp_nonce_is_never_stored(client, material, settings, tmp_path):
    """A nonce must differ on every response: a stored page would give everyone the same one."""
    templates_overriding(
        settings,
        tmp_path,
        "website/includes/site_search.html",
        '<script nonce="{{ request.csp_nonce }}">var nothing;</script>',
    )
    first, first_status = fetch(client)
    second, second_status = fetch(client)
    assert "'nonce-" in first["Content-Security-Policy"]
    assert first["Content-Security-Policy"] != second["Content-Security-Policy"]
    assert (first_status, second_status) == (None, None)


@pytest.mark.django_db
def test_a_response_that_sets_a_cookie_or_varies_otherwise_is_not_storable(client, material):
    request = RequestFactory().get(URL)
    page_cache.allow(request)
    response, _ = fetch(client, "/en/peer-work/?utm=1")
    assert page_cache.storable(request, response)
    response.set_cookie("chosen", "1")
    assert not page_cache.storable(request, response)
    response, _ = fetch(client, "/en/peer-work/?utm=1")
    response["Vary"] = "Cookie, Accept-Language"
    assert not page_cache.storable(request, response)
    response, _ = fetch(client, "/en/peer-work/?utm=1")
    response["Cache-Control"] = "private"
    assert not page_cache.storable(request, response)


@pytest.mark.django_db
def test_addresses_with_a_query_or_without_a_language_are_not_looked_up(client, material):
    fetch(client)
    _response, status = fetch(client, "/en/peer-work/?utm_source=mail")
    assert status is None
    redirect, status = fetch(client, "/peer-work/")
    assert redirect.status_code == 302
    assert status is None


@pytest.mark.django_db
def test_lms_pages_are_not_stored(client, home, cache_on):
    from lms.models import CoursePage

    course = factories.add_page(home, CoursePage(title="A course", summary="About it"))
    fetch(client, course.url)
    _response, status = fetch(client, course.url)
    assert status is None


# --- The fallback notice and the language switcher -------------------------------------------------


@pytest.mark.django_db
def test_a_stand_in_page_keeps_its_notice_and_the_page_itself_keeps_none(client, material, translate_page):
    translate_page(material, "nb", {"Peer work": "Likepersonarbeid"})
    redirect, status = fetch(client, "/da/peer-work/")
    assert redirect.status_code == 302
    assert redirect["Location"] == "/nb/peer-work/?from=da"
    assert status is None
    for _ in range(2):
        stand_in, _status = fetch(client, "/nb/peer-work/?from=da")
        assert soup(stand_in).select_one(".notice--language") is not None
        assert soup(stand_in).select_one(".language-switcher [aria-current]")["lang"] == "da"
    assert _status == "hit"
    for _ in range(2):
        own, _status = fetch(client, "/nb/peer-work/")
        assert soup(own).select_one(".notice--language") is None
        assert soup(own).select_one(".language-switcher [aria-current]")["lang"] == "nb"
    assert _status == "hit"


# --- What makes a stored page stale ------------------------------------------------------------------


def switcher_links(response) -> dict[str, str]:
    return {a["lang"]: a["href"] for a in soup(response).select(".language-switcher a")}


@pytest.mark.django_db
def test_publishing_the_page_replaces_it(client, material):
    fetch(client)
    material.title = "Peer work, revised"
    factories.publish(material)
    response, status = fetch(client)
    assert status == "miss"
    assert soup(response).select_one("main h1").get_text() == "Peer work, revised"


@pytest.mark.django_db
def test_unpublishing_or_deleting_the_page_removes_it(client, material):
    fetch(client)
    material.unpublish()
    response, _status = fetch(client)
    assert response.status_code == 404
    factories.publish(material)
    fetch(client)
    material.delete()
    response, _status = fetch(client)
    assert response.status_code == 404


@pytest.mark.django_db
def test_moving_the_page_moves_it(client, home, material):
    section = factories.make_section(home, "Library")
    fetch(client)
    material.move(section, pos="last-child")
    response, _status = fetch(client)
    # Wagtail leaves a redirect at the old address.
    assert (response.status_code, response["Location"]) == (301, "/en/library/peer-work/")
    response, _status = fetch(client, "/en/library/peer-work/")
    assert response.status_code == 200


@pytest.mark.django_db
def test_a_new_translation_changes_the_switcher_of_the_other_languages(client, material, translate_page):
    before, _ = fetch(client)
    assert switcher_links(before)["nb"] == "/en/peer-work/?from=nb"
    translate_page(material, "nb", {"Peer work": "Likepersonarbeid"})
    after, status = fetch(client)
    assert status == "miss"
    assert switcher_links(after)["nb"] == "/nb/peer-work/"


@pytest.mark.django_db
def test_a_page_added_to_the_menu_shows_in_every_page_s_menu(client, home, material):
    other = factories.make_material(home, "Courses and training", show_in_menus=False)
    before, _ = fetch(client)
    assert "Courses and training" not in [a.get_text() for a in soup(before).select(".main-menu a")]
    other.show_in_menus = True
    factories.publish(other)
    after, status = fetch(client)
    assert status == "miss"
    assert "Courses and training" in [a.get_text() for a in soup(after).select(".main-menu a")]


@pytest.mark.django_db
def test_a_changed_partner_shows_on_the_home_page(client, home, cache_on):
    from website.models import PartnerOrganisation

    fetch(client, "/en/")
    PartnerOrganisation.objects.create(locale=home.locale, name="Recovery College Oslo", country="NO")
    response, status = fetch(client, "/en/")
    assert status == "miss"
    assert "Recovery College Oslo" in soup(response).select_one(".partner-list").get_text()


@pytest.mark.django_db
def test_the_home_page_is_kept_no_longer_than_until_its_next_event_starts(client, home, cache_on):
    start = timezone.now() + timedelta(minutes=5)
    factories.make_event(home, "Gathering", start=start, venue="Oslo")
    with time_machine.travel(timezone.now(), tick=False) as clock:
        listed, _ = fetch(client, "/en/")
        assert "Gathering" in soup(listed).select_one(".event-list").get_text()
        clock.shift(timedelta(minutes=4))
        _response, status = fetch(client, "/en/")
        assert status == "hit"
        clock.shift(timedelta(minutes=2))
        started, status = fetch(client, "/en/")
    assert status == "miss"
    assert soup(started).select_one(".event-list") is None


@pytest.mark.django_db
def test_every_migrate_starts_a_new_generation(cache_on):
    from django.apps import apps
    from django.db.models.signals import post_migrate

    page_cache.new_generation()
    before = caches["pages"].get(page_cache.GENERATION_KEY)
    post_migrate.send(sender=apps.get_app_config("website"), app_config=apps.get_app_config("website"))
    assert caches["pages"].get(page_cache.GENERATION_KEY) not in (None, before)


# --- Deployment -----------------------------------------------------------------------------------------


def test_check_deploy_warns_about_a_page_cache_in_each_process_s_memory(settings):
    settings.PAGE_CACHE_SECONDS = 600
    memory = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    settings.CACHES = {**settings.CACHES, "pages": memory}
    assert [m.id for m in page_cache.check_page_cache_is_shared(None)] == ["website.W010"]
    # Off, its generation still keys the menus and outlines every worker must see change.
    settings.PAGE_CACHE_SECONDS = 0
    assert [m.id for m in page_cache.check_page_cache_is_shared(None)] == ["website.W010"]
    settings.CACHES = {**settings.CACHES, "pages": {"BACKEND": "django.core.cache.backends.redis.RedisCache"}}
    assert page_cache.check_page_cache_is_shared(None) == []


def test_production_keeps_pages_in_redis_or_in_files_every_worker_shares(tmp_path):
    from website.settings.environment import read_environment
    from website.settings.services import page_cache as page_cache_settings

    env = read_environment()
    files = page_cache_settings(replace(env, redis_url="", page_cache_dir=tmp_path))
    assert files["BACKEND"] == "django.core.cache.backends.filebased.FileBasedCache"
    assert files["LOCATION"] == str(tmp_path)
    redis = page_cache_settings(replace(env, redis_url="redis://127.0.0.1:6379/3"))
    assert redis["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert redis["KEY_PREFIX"] == "nordpeer-pages"


# --- Private pages ---------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_private_section_is_left_out_of_menus_and_its_pages_are_never_stored(client, home, cache_on):
    from wagtail.models import PageViewRestriction

    open_section = factories.make_section(home, "Open library", show_in_menus=True)
    members = factories.make_section(home, "Members only", show_in_menus=True)
    factories.make_event(members, "Members' meeting")
    factories.make_event(open_section, "Open gathering")
    factories.make_material(members, "For members")
    PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.LOGIN)
    front, _ = fetch(client, "/en/")
    assert [a.get_text() for a in soup(front).select(".main-menu a")] == ["Open library"]
    assert [h.get_text(strip=True) for h in soup(front).select(".sections h3")] == ["Open library"]
    assert [a.get_text() for a in soup(front).select(".event-list a")] == ["Open gathering"]
    for _ in range(2):
        private, status = fetch(client, "/en/members-only/for-members/")
        assert private.status_code == 302
        assert status is None


UNREACHABLE = {
    "BACKEND": "django.core.cache.backends.redis.RedisCache",
    "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
    "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
}


@pytest.mark.django_db
def test_a_page_cache_that_cannot_be_reached_leaves_reading_and_publishing_working(client, material):
    with override_settings(CACHES={**django_settings.CACHES, "pages": UNREACHABLE}):
        response, status = fetch(client)
        assert (response.status_code, status) == (200, None)
        material.title = "Peer work, revised"
        factories.publish(material)
        response, status = fetch(client)
        assert soup(response).select_one("main h1").get_text() == "Peer work, revised"


def test_a_page_that_expires_soon_is_not_made_storable_by_saying_so(cache_on):
    request = RequestFactory().get(URL)
    page_cache.expire_within(request, 60)
    assert getattr(request, "_page_cache_seconds", None) is None
    page_cache.allow(request)
    page_cache.expire_within(request, 60)
    assert request._page_cache_seconds == 60
