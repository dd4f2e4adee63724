"""The supervision certificate is printed in the participant's language, whoever prints it and
from whichever language's pages, and /verify/<code>/ confirms its facts."""

import datetime
import io

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation
from pypdf import PdfReader

from lms.models import Certificate
from supervision.certificates import issue
from supervision.models import Topic
from supervision.topics import TopicCode, topic_name
from tests.supervision_factories import client_for, make_group, make_session, person

pytestmark = pytest.mark.django_db

D = datetime.date
OTHER_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def pdf_text(response) -> str:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    return " ".join(text.split())


@pytest.fixture
def supervisor():
    return person("anne", "Anne", "Hansen")


def spring_group(supervisor, participant):
    group = make_group("Erfaringskonsulenter Trondheim", supervisors=[supervisor], participants=[participant])
    make_session(group, D(2025, 1, 15), 120, topics=("ethics", "self-care"), present=[participant])
    make_session(
        group, D(2025, 2, 12), 120, topics=("ethics",), free_topics=("Nattevakter",), present=[participant]
    )
    make_session(group, D(2025, 3, 12), 120, topics=("pitfalls",), absent=[participant])
    make_session(group, D(2025, 4, 9), 90, topics=("stigma",), present=[participant])
    return group


def ask(client, language, group, start="2025-01-01", end="2025-06-30"):
    return client.post(
        f"/{language}/supervision/{group.pk}/certificate/", {"start": start, "end": end}, follow=True
    )


def test_a_norwegian_participant_gets_norwegian_headings_and_topics(supervisor):
    kari = person("kari", "Kari", "Nordmann", language="nb")
    group = spring_group(supervisor, kari)

    text = pdf_text(ask(client_for(kari), "en", group))

    assert "Veiledningsbevis" in text
    assert "Kari Nordmann" in text
    assert "Erfaringskonsulenter Trondheim" in text
    assert "Antall timer: 5,5" in text
    assert "Antall møter: 3" in text
    assert "Veiledere: Anne Hansen" in text
    for topic in ["Etikk", "Selvivaretakelse", "Skepsis og stigma rundt egenerfaring", "Nattevakter"]:
        assert topic in text
    assert "fallgruver" not in text  # the missed session's topic
    assert "Supervision certificate" not in text and "Ethics" not in text
    certificate = Certificate.objects.get(user=kari)
    assert certificate.display_code in text
    assert f"http://testserver/verify/{certificate.display_code}/" in text


def test_without_a_chosen_language_the_pages_language_is_used(supervisor):
    sven = person("sven", "Sven", "Ek")
    group = spring_group(supervisor, sven)

    text = pdf_text(ask(client_for(sven), "sv", group))

    assert "Handledningsintyg" in text
    assert "Etik" in text and "Egenvård" in text
    assert "5,5" in text


def test_a_supervisor_prints_it_in_the_participants_language(supervisor):
    kari = person("kari", "Kari", "Nordmann", language="nb")
    group = spring_group(supervisor, kari)

    response = client_for(supervisor).post(
        f"/lv/supervision/{group.pk}/certificates/",
        {"participant": kari.pk, "start": "2025-01-01", "end": "2025-06-30"},
        follow=True,
    )
    text = pdf_text(response)
    # The participant's own list of certificates gives the same PDF, whatever the page's language.
    code = Certificate.objects.get(user=kari).display_code
    again = pdf_text(client_for(kari).get(f"/lt/certificates/{code}/"))

    assert "Veiledningsbevis" in text and "Etikk" in text
    assert again == text


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_every_language_has_its_own_headings_and_topic_names(supervisor, language):
    participant = person(f"p-{language}", "Ilze", "Ķēniņa", language=language)
    group = spring_group(supervisor, participant)
    certificate = issue(group, participant, D(2025, 1, 1), D(2025, 6, 30), fallback_language="en")

    text = pdf_text(client_for(participant).get(f"/en/certificates/{certificate.display_code}/"))

    with translation.override(language):
        heading = translation.gettext("Supervision certificate")
    assert heading != "Supervision certificate"
    assert heading in text
    assert "Ilze Ķēniņa" in text
    for code in ("ethics", "self-care"):
        name = topic_name(code, language)
        assert name != topic_name(code, "en")
        assert " ".join(name.split()) in text


def test_every_usual_topic_is_in_the_database_and_named_in_every_language(db):
    assert sorted(Topic.objects.values_list("code", flat=True)) == sorted(TopicCode.values)
    for code in TopicCode.values:
        english = topic_name(code, "en")
        for language in OTHER_LANGUAGES:
            assert topic_name(code, language) not in ("", english), (code, language)


def test_verify_confirms_the_supervision_facts(supervisor):
    kari = person("kari", "Kari", "Nordmann", language="nb")
    group = spring_group(supervisor, kari)
    certificate = issue(group, kari, D(2025, 1, 1), D(2025, 6, 30), fallback_language="en")

    page = Client().get(f"/verify/{certificate.display_code}/", HTTP_ACCEPT_LANGUAGE="en")

    assert page.status_code == 200
    html = page.content.decode()
    for fact in [
        "Kari Nordmann",
        "Erfaringskonsulenter Trondheim",
        "Group supervision",
        "Hours attended",
        "5.5",
    ]:
        assert fact in html
    assert "Sessions attended" in html
    assert "30 Jun 2025" in html and "1 Jan 2025" in html


def test_the_certificate_list_shows_supervision_certificates_too(supervisor):
    kari = person("kari", "Kari", "Nordmann", language="nb")
    group = spring_group(supervisor, kari)
    certificate = issue(group, kari, D(2025, 1, 1), D(2025, 6, 30), fallback_language="en")

    page = client_for(kari).get("/en/certificates/").content.decode()

    assert "Erfaringskonsulenter Trondheim" in page
    assert certificate.display_code in page
