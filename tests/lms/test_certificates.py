"""Certificates of completion: issued once when asked for, printed in the learner's language,
downloaded only by their holder, and confirmed at /verify/<code>/ with nothing else about them."""

import io
import re

import pytest
from django.test import Client
from django.utils import formats, timezone, translation
from pypdf import PdfReader

from lms import certificates
from lms.models import Certificate, Enrolment
from tests.factories import make_user
from tests.factories_certificates import (
    ALL_LETTERS,
    FIRST_NAME,
    LAST_NAME,
    TITLES,
    complete,
    multilingual_course,
)
from tests.lms_factories import enrol, make_course
from website.translating import translate

#: The course of this module's tests (tests/lms/conftest.py builds it once for the module).
build_course = multilingual_course


@pytest.fixture
def learner(course):
    user = make_user("ilze")
    user.first_name, user.last_name = FIRST_NAME, LAST_NAME
    user.save()
    complete(user, course)
    return user


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def pdf_text(response) -> str:
    assert response["Content-Type"] == "application/pdf"
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)


def course_url(language, course):
    return f"/{language}/certificates/courses/{course.page.translation_key}/"


def test_the_pdf_prints_name_title_in_the_learners_language_date_and_code(learner, course):
    response = client_for(learner).get(course_url("lv", course))

    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    text = pdf_text(response)
    certificate = Certificate.objects.get(user=learner)
    completed = timezone.localdate(Enrolment.objects.get(user=learner).completed_at)
    with translation.override("lv"):
        date = formats.date_format(completed, "DATE_FORMAT")
    flat = " ".join(text.split())
    assert f"{FIRST_NAME} {LAST_NAME}" in flat
    assert TITLES["lv"] in flat
    assert TITLES["en"] not in flat
    assert date in flat
    assert certificate.display_code in flat
    assert f"http://testserver/verify/{certificate.display_code}/" in flat
    assert certificate.achieved_on == completed


@pytest.mark.postgres  # the names' letters stored and read back
def test_every_letter_of_the_nine_languages_survives_into_the_pdf_text(learner, course):
    learner.first_name = ALL_LETTERS
    learner.save()

    text = pdf_text(client_for(learner).get(course_url("en", course)))

    missing = {letter for letter in ALL_LETTERS.replace(" ", "") if letter not in text}
    assert not missing, f"letters lost in the PDF: {''.join(sorted(missing))}"


@pytest.mark.parametrize(
    ("language", "expected"),
    [("nb", "nb"), ("da", "nb"), ("lt", "lt"), ("is", "is"), ("et", "en"), ("fi", "en")],
)
def test_the_title_follows_the_fallback_chain_of_the_language_asked_in(learner, course, language, expected):
    text = " ".join(pdf_text(client_for(learner).get(course_url(language, course))).split())

    assert TITLES[expected] in text


@pytest.mark.postgres  # the one-certificate constraint
def test_a_certificate_is_issued_once_however_often_it_is_asked_for(learner, course):
    client = client_for(learner)
    first = client.get(course_url("en", course))
    second = client.get(course_url("sv", course))
    listed = client.get("/en/certificates/")
    again = certificates.issue_for_course(learner, course.page.translation_key)

    assert first.status_code == second.status_code == listed.status_code == 200
    assert Certificate.objects.filter(user=learner).count() == 1
    assert again.code == Certificate.objects.get(user=learner).code
    assert again.display_code in listed.content.decode()


def test_the_list_issues_certificates_that_became_due(learner, course):
    response = client_for(learner).get("/lv/certificates/")

    certificate = Certificate.objects.get(user=learner)
    page = response.content.decode()
    assert TITLES["lv"] in page
    assert f"/lv/certificates/{certificate.display_code}/" in page


def test_an_unfinished_course_gives_no_certificate_and_says_why(course):
    learner = make_user("halfway")
    enrol(learner, course.page)

    response = client_for(learner).get(course_url("en", course), follow=True)

    assert Certificate.objects.count() == 0
    assert "completed every required lesson" in response.content.decode()


def test_a_course_without_certificates_gives_none(home):
    course = make_course(home, "Open talk", modules=1, lessons_per_module=1, certificate=False)
    learner = make_user("talker")
    complete(learner, course)

    client = client_for(learner)
    response = client.get(course_url("en", course), follow=True)
    client.get("/en/certificates/")

    assert Certificate.objects.count() == 0
    assert "does not give certificates" in response.content.decode()


def test_only_the_holder_and_superusers_download_a_certificate(learner, course):
    client_for(learner).get(course_url("en", course))
    url = f"/en/certificates/{Certificate.objects.get().display_code}/"
    other = make_user("other")
    complete(other, course)

    assert client_for(learner).get(url).status_code == 200
    assert client_for(make_user("admin", superuser=True)).get(url).status_code == 200
    assert client_for(other).get(url).status_code == 404
    anonymous = Client().get(url)
    assert anonymous.status_code == 302 and "/account/login/" in anonymous["Location"]
    assert Client().get(course_url("en", course)).status_code == 302


def test_a_typed_code_is_read_the_way_people_type_it():
    assert certificates.normalise_code("7kq2-m9xd 4htb") == "7KQ2M9XD4HTB"
    assert certificates.normalise_code("7KQ2-M9XD-4HTO") == "7KQ2M9XD4HT0"
    assert certificates.normalise_code("7KQ2-M9XD") is None
    assert certificates.normalise_code("7KQ2-M9XD-4HT!") is None


def test_codes_are_random_typable_and_distinct():
    codes = {certificates.new_code() for _ in range(2000)}

    assert len(codes) == 2000
    assert all(re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{12}", code) for code in codes)


def test_the_printed_name_is_never_an_email_address(db):
    user = make_user("kari@example.org")

    assert certificates.holder_name(user) == "kari"


def test_verification_confirms_course_date_and_name_and_nothing_else(learner, course, home):
    other_course = make_course(home, "Another course", modules=1, lessons_per_module=1)
    complete(learner, other_course)
    certificate = certificates.issue_for_course(learner, course.page.translation_key)

    response = Client().get(f"/verify/{certificate.display_code}/", HTTP_ACCEPT_LANGUAGE="lt")

    page = response.content.decode()
    assert response.status_code == 200
    assert f"{FIRST_NAME} {LAST_NAME}" in page
    assert TITLES["lt"] in page
    with translation.override("lt"):
        assert formats.date_format(certificate.achieved_on, "DATE_FORMAT") in page
    for private in (learner.email, learner.username, "Another course", "%"):
        assert private not in page
    assert response["X-Robots-Tag"] == "noindex"


def test_verification_accepts_the_code_as_typed(learner, course):
    certificate = certificates.issue_for_course(learner, course.page.translation_key)

    response = Client().get(f"/verify/{certificate.code.lower()}/")

    assert response.status_code == 200


def test_an_unknown_code_gets_a_clear_404(db):
    for code in ("AAAA-BBBB-CCCC", "not-a-code"):
        response = Client().get(f"/verify/{code}/", HTTP_ACCEPT_LANGUAGE="en")

        assert response.status_code == 404
        assert "No certificate has the code" in response.content.decode()


def test_the_check_form_sends_a_typed_code_to_its_page(db):
    assert Client().get("/verify/").status_code == 200
    response = Client().get("/verify/", {"code": "7kq2 m9xd 4htb"})
    assert response.status_code == 302 and response["Location"] == "/verify/7KQ2M9XD4HTB/"
    refused = Client().get("/verify/", {"code": "1234"}, HTTP_ACCEPT_LANGUAGE="en")
    assert refused.status_code == 400 and "twelve letters and digits" in refused.content.decode()


def test_a_withdrawn_certificate_is_confirmed_as_withdrawn_only(learner, course):
    certificate = certificates.issue_for_course(learner, course.page.translation_key)
    Certificate.objects.filter(pk=certificate.pk).update(withdrawn_at=timezone.now(), holder_name="")

    response = Client().get(f"/verify/{certificate.display_code}/", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 410
    assert "has been withdrawn" in response.content.decode()
    assert TITLES["en"] not in response.content.decode()


def test_a_translation_published_later_joins_the_titles_without_changing_printed_ones(learner, course, home):
    certificate = certificates.issue_for_course(learner, course.page.translation_key)
    translate(home, "sv", {}, strict=False)
    translate(course.page, "sv", {TITLES["en"]: "Kamratstöd tillsammans"}, strict=False)
    course.page.title = "Renamed course"
    course.page.save_revision().publish()

    again = certificates.issue_for_course(learner, course.page.translation_key)

    assert again.pk == certificate.pk
    assert again.titles["sv"] == "Kamratstöd tillsammans"
    assert again.titles["en"] == TITLES["en"]
