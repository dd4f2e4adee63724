"""404, 403 and 500 in the site's layout, in the URL's language; the 500 page without a database."""

import re
from unittest import mock

import pytest
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client, RequestFactory

from tests.factories import make_user
from website import error_views


def html_lang(page: str) -> str:
    return re.search(r'<html lang="([^"]+)"', page).group(1)


def test_a_missing_page_under_nb_is_the_norwegian_404_page(client, site):
    response = client.get("/nb/finnes-ikke/")
    assert response.status_code == 404
    page = response.content.decode()
    assert html_lang(page) == "nb"
    assert "Fant ikke siden" in page and "Gå til forsiden" in page
    assert 'class="site-header"' in page and 'class="site-footer"' in page
    assert "Page not found" not in page


def test_a_missing_page_under_en_is_english(client, site):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    page = response.content.decode()
    assert html_lang(page) == "en" and "Page not found" in page


def test_outside_a_language_prefix_the_404_follows_the_browser(client, site):
    response = client.get("/documents/999999/missing.pdf", HTTP_ACCEPT_LANGUAGE="sv")
    assert response.status_code == 404
    page = response.content.decode()
    assert html_lang(page) == "sv" and "Sidan hittades inte" in page
    plain = client.get("/documents/999999/missing.pdf")
    assert plain.status_code == 404 and "Page not found" in plain.content.decode()


def test_permission_denied_keeps_the_translated_reason(client, site):
    client.force_login(make_user("not-a-teacher"))
    response = client.get("/nb/teaching/")
    assert response.status_code == 403
    page = response.content.decode()
    assert html_lang(page) == "nb"
    assert "Ingen tilgang" in page
    assert "Bare lærere har en undervisningsoversikt." in page
    assert 'class="site-header"' in page


def test_the_500_page_renders_without_any_database_query():
    # No db fixture: pytest-django makes any database access here raise.
    request = RequestFactory().get("/fi/kurssit/")
    response = error_views.server_error(request)
    assert response.status_code == 500
    page = response.content.decode()
    assert html_lang(page) == "fi"
    assert "Jokin meni vikaan" in page and 'class="site-header"' in page


@pytest.mark.django_db
def test_the_500_page_is_served_when_the_database_is_down(site):
    def unavailable(self):
        raise OperationalError("could not connect to server: Connection refused")

    client = Client(raise_request_exception=False)
    with mock.patch.object(BaseDatabaseWrapper, "ensure_connection", unavailable):
        response = client.get("/nb/")
    assert response.status_code == 500
    page = response.content.decode()
    assert html_lang(page) == "nb"
    assert "Noe gikk galt" in page and "Prøv igjen om litt." in page


def test_a_broken_500_template_still_answers_500(caplog):
    request = RequestFactory().get("/en/")
    with mock.patch("website.error_views.loader.get_template", side_effect=ValueError("no manifest")):
        response = error_views.server_error(request)
    assert response.status_code == 500
    assert "Server error" in response.content.decode()
    assert "The 500 page could not be rendered" in caplog.text
