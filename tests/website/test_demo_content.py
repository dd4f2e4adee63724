"""``manage.py load_demo``: a small multilingual site, built once, idempotent, every page served.

Loading the demo takes a while, so it is loaded once for this module inside a transaction
that is rolled back at the end; each test runs in a savepoint within it.
"""

from __future__ import annotations

import io

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.utils.html import escape
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Locale, Page

from lms.models import (
    CompletionRule,
    CoursePage,
    Enrolment,
    LessonPage,
    LessonProgress,
    ModulePage,
    ProgressStatus,
)
from tests.factories import make_user
from website.demo.course import COURSE, course_pages
from website.demo.glossary import GLOSSARY
from website.demo.partners import PARTNERS
from website.demo.videos import VIDEOS
from website.models import (
    EventPage,
    GlossaryTerm,
    HomePage,
    MaterialPage,
    PartnerOrganisation,
    ResourceFile,
    ResourcePage,
    SectionPage,
    VideoCaption,
    VideoPage,
)
from website.validators import validate_webvtt

TRANSLATED = ["nb", "sv", "et"]
CAPTION_LANGUAGES = {"en", "nb", "sv", "et"}
ALL_LANGUAGES = {code for code, _name in settings.LANGUAGES}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Run ``load_demo`` once on a database with only the bare site, as a deploy's `setup_site` leaves it."""
    with django_db_blocker.unblock(), transaction.atomic():
        assert not SectionPage.objects.exists(), "the database should start without the demo"
        out = io.StringIO()
        call_command("load_demo", stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)


@pytest.fixture
def english_home(demo):
    return HomePage.objects.get(locale__language_code=settings.LANGUAGE_CODE, depth=2)


@pytest.fixture
def english_pages(english_home):
    """Every demo page in English, the home page first, parents before children."""
    return list(Page.objects.descendant_of(english_home, inclusive=True).order_by("path").specific())


def _counts() -> dict[str, int]:
    models = [Page, Document, Image, ResourceFile, VideoCaption, PartnerOrganisation, GlossaryTerm]
    return {model.__name__: model.objects.count() for model in models}


@pytest.mark.django_db
def test_the_demo_reports_progress(demo):
    assert "Created learning material" in demo
    assert "Translated" in demo
    assert "The demo content is loaded." in demo


@pytest.mark.django_db
def test_the_demo_has_every_kind_of_page(english_home, english_pages):
    assert english_home.title == "Nordpeer"
    assert english_home.introduction
    assert english_home.body
    by_type: dict[type, list[Page]] = {}
    for page in english_pages:
        by_type.setdefault(type(page), []).append(page)
    sections = by_type[SectionPage]
    assert len(sections) >= 3
    assert all(section.show_in_menus and section.live for section in sections)
    assert len(by_type[MaterialPage]) == 1
    assert len(by_type[VideoPage]) == 2
    assert len(by_type[EventPage]) == 1
    assert {page.kind for page in by_type[ResourcePage]} == {"handbook", "brochure"}
    brochure = next(page for page in by_type[ResourcePage] if page.kind == "brochure")
    assert brochure.local_information_heading


@pytest.mark.django_db
def test_the_introduction_uses_every_kind_of_text_block(english_home):
    material = MaterialPage.objects.descendant_of(english_home).get()
    kinds = {block.block_type for block in material.body}
    assert {"heading", "paragraph", "quote", "callout", "document", "video"} <= kinds
    videos = [block.value["video"].specific for block in material.body if block.block_type == "video"]
    assert videos and all(isinstance(video, VideoPage) for video in videos)


@pytest.mark.django_db
def test_the_event_is_in_2027_in_a_place_and_online(english_home):
    event = EventPage.objects.descendant_of(english_home).get()
    assert event.start.year == 2027
    assert event.end > event.start
    assert event.venue and event.online_url
    assert "employers welcome" in event.audience


@pytest.mark.django_db
@pytest.mark.parametrize("language", TRANSLATED)
def test_every_page_is_translated_and_live(english_pages, language):
    locale = Locale.objects.get(language_code=language)
    for page in english_pages:
        translation = page.get_translation_or_none(locale)
        assert translation is not None, f"{page.title} has no {language} translation"
        translation = translation.specific
        assert translation.live, f"{translation.title} ({language}) is not published"
        if isinstance(page, HomePage):  # the network's name is the same in every language
            assert translation.introduction != page.introduction
        else:
            assert translation.title != page.title
            assert translation.slug != page.slug


@pytest.mark.django_db
@pytest.mark.parametrize("language", TRANSLATED)
def test_translated_material_links_the_handbook_in_its_own_language(english_home, language):
    material = MaterialPage.objects.descendant_of(english_home).get()
    translation = material.get_translation(Locale.objects.get(language_code=language))
    documents = [block.value["document"] for block in translation.body if block.block_type == "document"]
    assert documents
    assert all(document.file.name.endswith(f"-{language}.pdf") for document in documents)


@pytest.mark.django_db
def test_every_video_has_four_caption_tracks_that_match_its_clip(demo):
    videos = VideoPage.objects.all()
    assert videos.count() == 2 * (1 + len(TRANSLATED))
    slides = {len(video["slides"]) for video in VIDEOS}
    for video in videos:
        assert {caption.language for caption in video.captions.all()} == CAPTION_LANGUAGES
        for caption in video.captions.all():
            validate_webvtt(caption.file)
            caption.file.open()
            assert caption.file.read().decode().count("-->") in slides
        assert video.video_file.file.name.endswith((".webm", ".mp4"))
        assert video.video_file.file.size < 300 * 1024
        assert video.transcript


@pytest.mark.django_db
def test_every_publication_has_a_pdf_per_language(english_home):
    for publication in ResourcePage.objects.descendant_of(english_home):
        files = list(publication.files.all())
        assert {file.language for file in files} == CAPTION_LANGUAGES
        for file in files:
            file.document.file.open()
            data = file.document.file.read()
            assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")


@pytest.mark.django_db
def test_partners_come_from_every_country_and_are_translated(demo):
    source = PartnerOrganisation.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    assert source.count() == len(PARTNERS) >= 6
    assert {partner.country for partner in source} >= {"NO", "SE", "DK", "IS", "EE", "LV", "LT"}
    for partner in source:
        for language in TRANSLATED:
            translation = partner.get_translation(Locale.objects.get(language_code=language))
            assert translation.name == partner.name
            assert translation.description and translation.description != partner.description


@pytest.mark.django_db
def test_each_glossary_concept_exists_in_all_nine_languages(demo):
    source = GlossaryTerm.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    assert source.count() == len(GLOSSARY) >= 6
    for term in source:
        translations = GlossaryTerm.objects.filter(translation_key=term.translation_key)
        translations = translations.select_related("locale")
        assert {t.locale.language_code for t in translations} == ALL_LANGUAGES
        for translation in translations:
            assert translation.other_terms and len(translation.all_terms) >= 2
            if translation.pk != term.pk:
                assert translation.definition != term.definition
    workers = GlossaryTerm.objects.get(term="peer support worker", locale__language_code="en")
    assert workers.get_translation(Locale.objects.get(language_code="nb")).term == "erfaringskonsulent"


@pytest.mark.django_db
def test_running_it_again_changes_nothing(demo):
    before = _counts()
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "loaded already" in out.getvalue()
    assert _counts() == before


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", *TRANSLATED])
def test_every_demo_page_renders(client, english_home, language):
    assert client.get(f"/{language}/").status_code == 200
    home = english_home.get_translation(Locale.objects.get(language_code=language))
    pages = Page.objects.descendant_of(home, inclusive=True).live().specific()
    assert pages.count() == 11 + len(course_pages())
    for page in pages:
        url = page.get_url()
        response = client.get(url)
        if isinstance(page, LessonPage):  # lessons are for participants
            assert response.status_code == 302 and "/account/login/" in response["Location"], url
            continue
        assert response.status_code == 200, url
        assert escape(page.title) in response.content.decode()
        if isinstance(page, ResourcePage) and page.kind == "brochure":
            assert client.get(f"{url}print/?organisation=Our+clinic").status_code == 200


# --- the demo course ----------------------------------------------------------------------------

COURSE_LANGUAGES = ["en", *TRANSLATED]


def _course(language: str) -> CoursePage:
    return CoursePage.objects.live().get(locale__language_code=language)


def _lessons(course: CoursePage) -> list[LessonPage]:
    return list(LessonPage.objects.live().descendant_of(course).order_by("path").specific())


@pytest.mark.django_db
@pytest.mark.parametrize("language", COURSE_LANGUAGES)
def test_the_course_has_its_modules_and_lessons_in_each_language(english_home, language):
    course = _course(language)
    assert course.get_parent().specific_class is SectionPage
    assert course.self_enrolment and course.certificate
    assert course.translation_key == _course("en").translation_key
    modules = list(ModulePage.objects.child_of(course).live().order_by("path"))
    assert [module.requires_previous for module in modules] == [False, True]
    lessons = _lessons(course)
    expected = [lesson for module in COURSE["modules"] for lesson in module["lessons"]]
    assert len(lessons) == len(expected) == 6
    for lesson, data in zip(lessons, expected, strict=True):
        assert (lesson.title == data["title"]) == (language == "en")
        assert lesson.completion_rule == data["completion_rule"]
    assert [lesson.required for lesson in lessons].count(False) == 1
    assert {lesson.completion_rule for lesson in lessons} == {
        CompletionRule.VIEWED,
        CompletionRule.VIDEO_WATCHED,
        CompletionRule.CHECK_PASSED,
        CompletionRule.LEARNER_MARKS_DONE,
    }
    kinds = {block.block_type for lesson in lessons for block in lesson.body}
    assert kinds == {"paragraph", "library_material", "tracked_video", "knowledge_check"}


@pytest.mark.django_db
@pytest.mark.parametrize("language", COURSE_LANGUAGES)
def test_every_lesson_passes_the_editors_validation(english_home, language):
    for lesson in _lessons(_course(language)):
        lesson.body.stream_block.clean(lesson.body)  # questions, answers and tracked videos
        lesson.full_clean()  # the completion rule is one the lesson's blocks can satisfy
        if lesson.completion_rule == CompletionRule.VIDEO_WATCHED:
            assert 0 < lesson.video_share < 100
            assert lesson.activity_ids("tracked_video")


@pytest.mark.django_db
@pytest.mark.parametrize("language", COURSE_LANGUAGES)
def test_the_knowledge_check_has_every_kind_of_question_with_feedback(english_home, language):
    lessons = _lessons(_course(language))
    lesson = next(lesson for lesson in lessons if lesson.completion_rule == CompletionRule.CHECK_PASSED)
    (check,) = [block.value for block in lesson.body if block.block_type == "knowledge_check"]
    assert 0 < check["pass_mark"] < 100
    questions = list(check["questions"])
    assert {question["kind"] for question in questions} == {"single", "multiple", "true_false"}
    assert all(question["explanation"] for question in questions)
    for question in questions:
        if question["kind"] != "true_false":
            assert all(option["feedback"] for option in question["options"])


@pytest.mark.django_db
@pytest.mark.parametrize("language", TRANSLATED)
def test_translated_lessons_show_the_library_in_their_own_language(english_home, language):
    chosen = [
        block.value.get("page") or block.value.get("video")
        for lesson in _lessons(_course(language))
        for block in lesson.body
        if block.block_type in ("library_material", "tracked_video")
    ]
    assert {page.specific_class for page in chosen} == {MaterialPage, VideoPage}
    assert {page.locale.language_code for page in chosen} == {language}


@pytest.mark.django_db
@pytest.mark.parametrize("language", COURSE_LANGUAGES)
def test_a_learner_enrols_and_opens_the_first_lessons(client, english_home, language):
    course = _course(language)
    lessons = _lessons(course)
    client.force_login(make_user())
    response = client.get(course.url)
    assert response.status_code == 200 and escape(course.title) in response.content.decode()
    client.post(f"/{language}/learning/courses/{course.translation_key}/enrol/")
    assert Enrolment.objects.filter(course_key=course.translation_key).count() == 1

    response = client.get(lessons[0].url)
    assert response.status_code == 200 and escape(lessons[0].title) in response.content.decode()
    progress = LessonProgress.objects.get(lesson_key=lessons[0].translation_key)
    assert progress.status == ProgressStatus.COMPLETED  # opening it is its rule

    response = client.get(lessons[1].url)
    material = MaterialPage.objects.get(locale__language_code=language)
    assert response.status_code == 200 and escape(material.title) in response.content.decode()
    assert client.get(lessons[3].url)["Location"] == course.url  # the second module is still locked
