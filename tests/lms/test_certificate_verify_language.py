"""/verify/ speaks the reader's language (their browser's, or the one chosen with ?lang=), shows
the course title in it, and the certificate's printed address opens the check in the certificate's
language. Certificates word the statement without the learner's grammatical gender."""

from __future__ import annotations

import io
import re

import pytest
from django.test import Client
from pypdf import PdfReader

from lms.models import Certificate
from tests.factories import make_user
from tests.factories_certificates import FIRST_NAME, LAST_NAME, TITLES, complete, multilingual_course

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(home) -> Certificate:
    course = multilingual_course(home)
    learner = make_user("ilze")
    learner.first_name, learner.last_name = FIRST_NAME, LAST_NAME
    learner.save()
    complete(learner, course)
    client = Client()
    client.force_login(learner)
    client.pdf = client.get(f"/lv/certificates/courses/{course.page.translation_key}/")
    assert client.pdf.status_code == 200
    certificate = Certificate.objects.get(user=learner)
    certificate.pdf = client.pdf
    return certificate


def lang_attribute(html: str) -> str:
    return re.search(r'<html lang="([^"]+)"', html).group(1)


def test_the_browsers_language_is_used(client, certificate):
    response = client.get(f"/verify/{certificate.display_code}/", HTTP_ACCEPT_LANGUAGE="lv")
    html = response.content.decode()
    assert response.status_code == 200
    assert lang_attribute(html) == "lv" and response["Content-Language"] == "lv"
    assert TITLES["lv"] in html and TITLES["en"] not in html
    assert "Certificate confirmed" not in html


@pytest.mark.parametrize("language", ["nb", "lt", "is"])
def test_a_language_chosen_on_the_page_wins(client, certificate, language):
    response = client.get(f"/verify/{certificate.display_code}/?lang={language}", HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()
    assert lang_attribute(html) == language
    assert TITLES[language] in html
    # The switcher offers the same check in every language.
    assert f"/verify/{certificate.display_code}/?lang=sv" in html


def test_english_for_english_readers_and_an_unknown_language_is_ignored(client, certificate):
    html = client.get(
        f"/verify/{certificate.display_code}/?lang=xx", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert lang_attribute(html) == "en"
    assert "Certificate confirmed" in html and TITLES["en"] in html


def test_the_unknown_code_page_and_the_form_are_translated(client, certificate):
    response = client.get("/verify/ZZZZ-ZZZZ-ZZZZ/?lang=lv")
    assert response.status_code == 404
    assert lang_attribute(response.content.decode()) == "lv"
    assert 'name="lang" value="lv"' in response.content.decode()
    form = client.get("/verify/?lang=lt")
    assert lang_attribute(form.content.decode()) == "lt"
    redirect = client.get(f"/verify/?code={certificate.display_code}&lang=lt")
    assert redirect["Location"] == f"/verify/{certificate.code}/?lang=lt"


def test_the_printed_address_opens_the_check_in_the_certificates_language(certificate):
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(certificate.pdf.content)).pages)
    flat = "".join(text.split())
    assert f"/verify/{certificate.display_code}/?lang=lv" in flat


def test_the_latvian_certificate_does_not_assume_the_learners_gender(certificate):
    text = " ".join(
        "\n".join(
            page.extract_text() for page in PdfReader(io.BytesIO(certificate.pdf.content)).pages
        ).split()
    )
    assert "kursa apguve apliecināta" in text
    # Latvian past active participles carry gender: -is/-ies (masculine), -usi/-usies (feminine).
    assert not re.search(r"\bir \w+(?:is|ies|usi|usies)\b", text)
