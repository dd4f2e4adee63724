"""Build the demo site from the data in ``website.demo``: English pages first, then their
translations through wagtail-localize, parent before child, then the snippets.

Everything happens in one transaction, so a failure leaves no half-loaded demo behind
(only uploaded files, which storage cannot roll back).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from html import unescape

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection, Locale, Page
from wagtail_localize.models import OverridableSegment, SegmentOverride, TranslationSource

from lms.models import CoursePage, LessonPage, ModulePage
from website.demo import content, course, videos
from website.demo.glossary import GLOSSARY
from website.demo.partners import PARTNERS
from website.demo.pdf import make_pdf
from website.demo.translations import LANGUAGES, TRANSLATIONS
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
from website.site_setup import Report, set_up_site
from website.translating import source_strings, translate

COLLECTION_NAME = "Demo content"
_BLOCK_TEXT = re.compile(r"<(li|p)>(.*?)</\1>", re.S)
_TAG = re.compile(r"<[^>]+>")


class MissingTranslation(LookupError):
    """A source string of a demo page or snippet has no translation in the demo data."""


def is_loaded(home: Page) -> bool:
    """Whether the demo is there already: it is once learning material exists under the home page."""
    return MaterialPage.objects.descendant_of(home).exists()


def load_demo(report: Report) -> bool:
    """Set up the site, then build the demo unless it is loaded already. Returns whether it built."""
    structure = set_up_site(report)
    home = structure.homes[settings.LANGUAGE_CODE].specific
    if is_loaded(home):
        report("The demo content is loaded already; nothing to do.")
        return False
    with transaction.atomic():
        DemoBuilder(home, report).build()
    return True


def _publish(page: Page) -> Page:
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def _plain(html: str) -> str:
    return unescape(_TAG.sub("", html))


class DemoBuilder:
    def __init__(self, home: HomePage, report: Report) -> None:
        self.home = home
        self.report = report
        self.collection = self._collection()
        #: Pages in the order they are translated (parents first), with their key in the data.
        self.pages: list[tuple[str, Page]] = []
        self.sections: dict[str, SectionPage] = {}
        self.videos: dict[str, VideoPage] = {}
        #: The generated file of each publication, by key and language.
        self.files: dict[str, dict[str, Document]] = {}

    def build(self) -> None:
        self.build_home()
        for section in content.SECTIONS:
            self.build_section(section)
        for publication in content.PUBLICATIONS:
            self.build_publication(publication)
        for video in videos.VIDEOS:
            self.build_video(video)
        self.build_material(content.MATERIAL)
        self.build_event(content.EVENT)
        self.build_course(course.COURSE)
        for key, page in self.pages:
            self.translate_page(key, page)
        self.build_partners()
        self.build_glossary()

    # --- files ----------------------------------------------------------------

    def _collection(self) -> Collection:
        root = Collection.get_first_root_node()
        existing = root.get_children().filter(name=COLLECTION_NAME).first()
        return existing or root.add_child(name=COLLECTION_NAME)

    def document(self, title: str, name: str, data: bytes) -> Document:
        document = Document(title=title, collection=self.collection)
        document.file = ContentFile(data, name=name)
        document._set_document_file_metadata()
        document.save()
        return document

    def text(self, language: str, key: str, source: str) -> str:
        """``source`` in ``language``, from the translations of the page or snippet ``key``."""
        if language == settings.LANGUAGE_CODE:
            return source
        try:
            return TRANSLATIONS[language][key][source]
        except KeyError:
            raise MissingTranslation(
                f"No {language} translation of {source!r} in the demo data ({key})."
            ) from None

    def publication_pdf(self, publication: dict, language: str) -> Document:
        """The publication's file in one language, made from the page's own texts in that language."""
        key = publication["key"]
        paragraphs = [self.text(language, key, publication["summary"])]
        for block_type, value in publication["body"]:
            if block_type != "paragraph":
                continue
            for tag, inner in _BLOCK_TEXT.findall(value):
                text = _plain(self.text(language, key, inner))
                paragraphs.append(f"- {text}" if tag == "li" else text)
        title = self.text(language, key, publication["title"])
        footer = f"{publication['publisher']}, {publication['year']}"
        data = make_pdf(title, paragraphs, footer=footer, language=language)
        return self.document(title, f"{publication['slug']}-{language}.pdf", data)

    # --- pages ------------------------------------------------------------------

    def add(self, key: str, parent: Page, page: Page) -> Page:
        parent.add_child(instance=page)
        page = _publish(page)
        self.pages.append((key, page))
        self.report(f"Created {page._meta.verbose_name} “{page.title}”.")
        return page

    def build_home(self) -> None:
        home = self.home
        home.title = content.HOME["title"]
        home.introduction = content.HOME["introduction"]
        home.body = content.HOME["body"]
        self.home = _publish(home)
        self.pages.append(("home", self.home))
        self.report("Wrote the English home page.")

    def build_section(self, data: dict) -> None:
        page = SectionPage(
            title=data["title"], slug=data["slug"], introduction=data["introduction"], show_in_menus=True
        )
        self.sections[data["key"]] = self.add(data["key"], self.home, page)

    def build_publication(self, data: dict) -> None:
        self.files[data["key"]] = {
            language: self.publication_pdf(data, language) for language in data["files"]
        }
        page = ResourcePage(
            title=data["title"],
            slug=data["slug"],
            kind=data["kind"],
            summary=data["summary"],
            publisher=data["publisher"],
            year=data["year"],
            body=data["body"],
            audience=data["audience"],
            local_information_heading=data.get("local_information_heading", ""),
        )
        page.files = [
            ResourceFile(language=language, document=document)
            for language, document in self.files[data["key"]].items()
        ]
        self.add(data["key"], self.sections[data["parent"]], page)

    def build_video(self, data: dict) -> None:
        key = data["key"]
        clip = (videos.VIDEO_DIR / data["file"]).read_bytes()
        with open(videos.VIDEO_DIR / data["poster"], "rb") as poster_file:
            poster = Image(title=f"{data['title']} (poster)", collection=self.collection)
            poster.file = ImageFile(poster_file, name=data["poster"])
            poster._set_image_file_metadata()
            poster.save()
        page = VideoPage(
            title=data["title"],
            slug=data["slug"],
            summary=data["summary"],
            video_file=self.document(data["title"], data["file"], clip),
            poster=poster,
            transcript=videos.transcript(data),
            audience=data["audience"],
        )
        page.captions = [
            VideoCaption(
                language=language,
                file=ContentFile(
                    videos.webvtt([self.text(language, key, slide) for slide in data["slides"]]).encode(),
                    name=f"{data['slug']}-{language}.vtt",
                ),
            )
            for language in videos.CAPTION_LANGUAGES
        ]
        self.videos[key] = self.add(key, self.sections[data["parent"]], page)

    def resolve(self, blocks: list) -> list:
        """The blocks with their references to publication files and videos made concrete."""
        resolved = []
        for block_type, value in blocks:
            if block_type == "document" and isinstance(value["document"], content.PublicationFile):
                document = self.files[value["document"].key][settings.LANGUAGE_CODE]
                value = {**value, "document": document}
            elif block_type in ("video", "tracked_video") and isinstance(value["video"], content.Video):
                value = {**value, "video": self.videos[value["video"].key]}
            elif block_type == "library_material" and isinstance(value["page"], course.LibraryPage):
                value = {**value, "page": dict(self.pages)[value["page"].key]}
            resolved.append((block_type, value))
        return resolved

    def build_material(self, data: dict) -> None:
        page = MaterialPage(
            title=data["title"],
            slug=data["slug"],
            summary=data["summary"],
            audience=data["audience"],
            body=self.resolve(data["body"]),
        )
        self.add("material", self.sections[data["parent"]], page)

    def build_event(self, data: dict) -> None:
        fields = {name: value for name, value in data.items() if name not in {"parent", "body"}}
        page = EventPage(**fields, body=self.resolve(data["body"]))
        self.add("event", self.sections[data["parent"]], page)

    def build_course(self, data: dict) -> None:
        """The course, its modules and lessons; after the library pages its lessons show."""
        page = CoursePage(
            **{name: data[name] for name in ("title", "slug", "summary", "introduction")},
            self_enrolment=data["self_enrolment"],
            certificate=data["certificate"],
        )
        course_page = self.add(data["key"], self.sections[data["parent"]], page)
        for module in data["modules"]:
            module_fields = {name: module[name] for name in ("title", "slug", "summary", "requires_previous")}
            module_page = self.add(module["key"], course_page, ModulePage(**module_fields))
            for lesson in module["lessons"]:
                fields = {name: value for name, value in lesson.items() if name not in {"key", "body"}}
                page = LessonPage(**fields, body=self.resolve(lesson["body"]))
                page = self.add(lesson["key"], module_page, page)
                # As the editor would: valid blocks, and a rule the lesson's blocks can satisfy.
                page.body.stream_block.clean(page.body)
                page.full_clean()

    # --- translations -------------------------------------------------------------

    def strings_for(self, language: str, key: str, instance) -> Mapping[str, str]:
        strings = TRANSLATIONS[language][key]
        missing = [text for text in source_strings(instance) if text not in strings]
        if missing:
            raise MissingTranslation(f"{key} has no {language} translation of: " + "; ".join(missing)[:500])
        return strings

    def local_documents(self, page: Page, language: str) -> None:
        """Let each translation's download blocks offer that language's file, as a translator would."""
        by_source = {
            files[settings.LANGUAGE_CODE].pk: files[language]
            for files in self.files.values()
            if language in files
        }
        source, _created = TranslationSource.get_or_create_from_instance(page)
        locale = Locale.objects.get(language_code=language)
        for segment in OverridableSegment.objects.filter(source=source).select_related("context"):
            if segment.context.path.endswith(".document") and segment.data in by_source:
                SegmentOverride.objects.update_or_create(
                    locale=locale,
                    context=segment.context,
                    defaults={"data_json": json.dumps(by_source[segment.data].pk)},
                )

    def local_library_pages(self, page: Page, language: str) -> None:
        """Let a translated lesson's library blocks name that language's page, as a translator would.

        wagtail-localize keeps chosen pages as they are in the source; the lesson templates show them
        in the reader's language anyway, but the translation then also names the right page.
        """
        if not isinstance(page, LessonPage):
            return
        source, _created = TranslationSource.get_or_create_from_instance(page)
        locale = Locale.objects.get(language_code=language)
        for segment in OverridableSegment.objects.filter(source=source).select_related("context"):
            if not segment.context.path.endswith((".page", ".video")):
                continue
            translated = Page.objects.get(pk=segment.data).get_translation_or_none(locale)
            if translated is not None:
                SegmentOverride.objects.update_or_create(
                    locale=locale, context=segment.context, defaults={"data_json": json.dumps(translated.pk)}
                )

    def translate_page(self, key: str, page: Page) -> None:
        for language in LANGUAGES:
            self.local_documents(page, language)
            self.local_library_pages(page, language)
            translated = translate(page, language, self.strings_for(language, key, page), publish=True)
            self.report(f"Translated “{page.title}” into {language}: “{translated.title}”.")

    # --- snippets -------------------------------------------------------------------

    def build_partners(self) -> None:
        source_locale = self.home.locale
        for data in PARTNERS:
            partner = PartnerOrganisation.objects.create(locale=source_locale, **data)
            for language in LANGUAGES:
                translate(
                    partner,
                    language,
                    {partner.description: self.text(language, "partners", partner.description)},
                )
            self.report(f"Added the partner {partner.name} ({partner.get_country_display()}), translated.")

    def build_glossary(self) -> None:
        source_locale = self.home.locale
        for concept in GLOSSARY:
            term, other_terms, definition = concept[settings.LANGUAGE_CODE]
            entry = GlossaryTerm.objects.create(
                locale=source_locale, term=term, other_terms=other_terms, definition=definition
            )
            for language, (local_term, local_others, local_definition) in concept.items():
                if language == settings.LANGUAGE_CODE:
                    continue
                strings = {term: local_term, other_terms: local_others, definition: local_definition}
                translate(entry, language, strings)
            self.report(f"Added the glossary term “{term}” in {len(concept)} languages.")
