"""The indexed document built from each searchable page type."""

from __future__ import annotations

from search.documents import TopicFinder, build_document, documents_for_key, searchable_pages
from search.extraction import webvtt_text
from tests import factories
from tests.search.corpus import webvtt
from website.demo.pdf import make_pdf
from website.models import ResourceFile, VideoPage


def document_of(page, languages=("en",)):
    return build_document(page.specific, TopicFinder(), languages)


def test_material_document_has_every_field(home):
    section = factories.make_section(home, "Library")
    page = factories.make_material(
        section,
        "Boundaries",
        summary="Closeness and distance.",
        audience="peer_workers",
        body=[
            ("heading", {"text": "Agree on limits", "level": "h2"}),
            ("paragraph", "<p>Talk about <b>limits</b> in supervision.</p>"),
            ("callout", {"tone": "tip", "title": "Ask first", "text": "<p>Ask your team.</p>"}),
        ],
    )
    document = document_of(page, ("en", "sv"))
    assert (document.page_id, document.translation_key, document.language) == (
        page.pk, str(page.translation_key), "en"
    )  # fmt: skip
    assert (document.content_type, document.audience, document.languages) == (
        "material",
        "peer_workers",
        ("en", "sv"),
    )
    assert document.title == "Boundaries" and document.summary == "Closeness and distance."
    assert document.body == "Agree on limits\nTalk about limits in supervision.\nAsk first\nAsk your team."
    assert "h2" not in document.body and "tip" not in document.body  # style choices are not text
    assert document.topic == str(section.translation_key)
    assert document.url == page.get_url() and document.published_at == page.last_published_at


def test_video_document_has_its_transcript_and_only_its_own_languages_captions(home):
    video = VideoPage.objects.get(pk=factories.make_video(home, "Supervision", captions=()).pk)
    video.transcript = "<p>We reflect together.</p>"
    factories.make_caption(video, "en", webvtt("Night shifts are hard."))
    factories.make_caption(video, "sv", webvtt("Nattpass är svåra."))
    document = document_of(factories.publish(video))
    assert "We reflect together." in document.body
    assert "Night shifts are hard." in document.body
    assert "Nattpass" not in document.body
    assert document.content_type == "video"


def test_publication_document_has_the_text_of_its_pdf_in_its_language(home):
    files = [
        ResourceFile(
            language=code,
            document=factories.make_document(f"Handbook {code}", f"h-{code}.pdf", make_pdf("T", [text])),
        )
        for code, text in (("en", "Confidentiality matters."), ("nb", "Taushetsplikt er viktig."))
    ]
    page = factories.make_resource(home, "Handbook", files=files, year=2024, publisher="Nordpeer")
    document = document_of(page)
    assert "Confidentiality matters." in document.body
    assert "Taushetsplikt" not in document.body
    assert (document.content_type, document.year) == ("publication", 2024)


def test_a_broken_pdf_leaves_the_page_indexable(home, caplog):
    broken = factories.make_document("Broken", "broken.pdf", b"%PDF-1.4\nnot really a pdf")
    page = factories.make_resource(home, "Broken file", files=[ResourceFile(language="en", document=broken)])
    assert document_of(page).title == "Broken file"


def test_event_document_has_its_start_and_no_audience_facet(home):
    event = factories.make_event(home, "Conference", audience="Students welcome", venue="Riga")
    document = document_of(event)
    assert document.starts_at == event.start and document.audience == ""
    assert "Students welcome" in document.body and "Riga" in document.body


def test_only_live_public_pages_of_served_languages_are_searchable(home, site):
    live = factories.make_material(home, "Live")
    draft = factories.make_material(home, "Draft")
    draft.unpublish()
    ids = set(searchable_pages().values_list("pk", flat=True))
    assert live.pk in ids and draft.pk not in ids and home.pk not in ids
    assert [d.page_id for d in documents_for_key(live.translation_key)] == [live.pk]


def test_webvtt_text_drops_timings_and_tags():
    data = (
        "WEBVTT\n\nNOTE hidden\n\n1\n00:00:00.000 --> 00:00:01.000\n<v Anna>Hello</v> there\n\n"
        "00:00:01.000 --> 00:00:02.000\nBye"
    )
    assert webvtt_text(data) == "Hello there\nBye"
