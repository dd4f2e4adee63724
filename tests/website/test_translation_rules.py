"""Translations go through wagtail-localize; each page type says what translators see and what is shared."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Page
from wagtail_localize.models import OverridableSegment, TranslationSource

from tests import factories
from website.models import EventPage, HomePage, MaterialPage, ResourcePage, SectionPage, VideoPage
from website.translating import UnknownSourceString, source_strings

PAGE_TYPES = [HomePage, SectionPage, MaterialPage, VideoPage, ResourcePage, EventPage]


@pytest.mark.django_db
def test_a_translation_is_a_live_page_in_the_other_languages_tree(
    client, home, translated_home, translate_page
):
    material = factories.make_material(
        home,
        "Peer work",
        summary="What peer workers do.",
        body=[
            ("heading", {"text": "Lived experience", "level": "h2"}),
            ("paragraph", "<p>Your story is a tool.</p>"),
        ],
    )
    norwegian = translate_page(
        material,
        "nb",
        {
            "Peer work": "Likepersonsarbeid",
            "peer-work": "likepersonsarbeid",
            "What peer workers do.": "Hva erfaringskonsulenter gjør.",
            "Lived experience": "Egenerfaring",
            "Your story is a tool.": "Historien din er et verktøy.",
        },
    ).specific

    assert isinstance(norwegian, MaterialPage)
    assert norwegian.pk != material.pk
    assert norwegian.live and not norwegian.has_unpublished_changes
    assert norwegian.locale.language_code == "nb"
    assert norwegian.translation_key == material.translation_key
    assert norwegian.get_parent().pk == translated_home["nb"].pk
    assert norwegian.title == "Likepersonsarbeid"
    assert norwegian.summary == "Hva erfaringskonsulenter gjør."
    assert norwegian.body[0].value["text"] == "Egenerfaring"
    assert "Historien din er et verktøy." in str(norwegian.body[1].value)

    response = client.get("/nb/likepersonsarbeid/")
    assert response.status_code == 200
    assert "Historien din er et verktøy." in response.content.decode()
    material.refresh_from_db()
    assert material.title == "Peer work"


@pytest.mark.django_db
def test_a_translation_can_be_saved_as_a_draft(home, translated_home, translate_page):
    material = factories.make_material(home, "Peer work")
    draft = translate_page(material, "sv", {"Peer work": "Kamratstöd"}, publish=False)
    assert not draft.live
    assert draft.get_latest_revision_as_object().title == "Kamratstöd"


@pytest.mark.django_db
def test_a_string_the_source_does_not_have_is_refused_and_nothing_is_made(
    home, translated_home, translate_page
):
    material = factories.make_material(home, "Peer work")
    with pytest.raises(UnknownSourceString):
        translate_page(material, "nb", {"Peer wrok": "Likepersonsarbeid"})
    assert material.get_translation_or_none(translated_home["nb"].locale) is None


@pytest.mark.django_db
def test_material_audience_follows_the_source_after_a_resync(home, translated_home, translate_page):
    material = factories.make_material(home, "Peer work", audience="everyone")
    strings = {"Peer work": "Likepersonsarbeid"}
    norwegian = translate_page(material, "nb", strings).specific
    assert norwegian.audience == "everyone"

    material.audience = "employers"
    factories.publish(material)
    norwegian = translate_page(material, "nb", strings).specific

    assert norwegian.audience == "employers"
    assert norwegian.title == "Likepersonsarbeid"
    assert norwegian.live


@pytest.mark.django_db
def test_event_times_follow_the_source_after_a_resync_while_the_place_stays_translated(
    home, translated_home, translate_page
):
    start = timezone.now().replace(microsecond=0) + dt.timedelta(days=40)
    event = factories.make_event(
        home, "Gathering", start=start, end=start + dt.timedelta(hours=6), venue="Old town"
    )
    strings = {"Gathering": "Samling", "Old town": "Gamlebyen"}
    translate_page(event, "nb", strings)

    event.start = start + dt.timedelta(days=1)
    event.end = start + dt.timedelta(days=1, hours=3)
    factories.publish(event)
    norwegian = translate_page(event, "nb", strings).specific

    assert norwegian.start == start + dt.timedelta(days=1)
    assert norwegian.end == start + dt.timedelta(days=1, hours=3)
    assert norwegian.venue == "Gamlebyen"
    assert norwegian.title == "Samling"


@pytest.mark.django_db
def test_video_captions_follow_the_source_after_a_resync(home, translated_home, translate_page):
    video = factories.make_video(home, "First meeting", captions=("en",))
    strings = {"First meeting": "Første møte"}
    norwegian = translate_page(video, "nb", strings).specific
    assert [c.language for c in norwegian.captions.all()] == ["en"]

    factories.make_caption(video, "nb", "WEBVTT\n\n00:01.000 --> 00:03.000\nHei\n")
    factories.publish(video)
    norwegian = translate_page(video, "nb", strings).specific

    tracks = {c.language: c for c in norwegian.captions.all()}
    assert sorted(tracks) == ["en", "nb"]
    assert tracks["nb"].file.read().decode().endswith("Hei\n")
    assert norwegian.title == "Første møte"
    # The translation's own rows, not the source's.
    assert {c.page_id for c in norwegian.captions.all()} == {norwegian.pk}


def _material(home):
    page = factories.make_material(
        home,
        "Peer work",
        summary="Summary text",
        body=[
            ("heading", {"text": "Heading text", "level": "h2"}),
            ("quote", {"quote": "Quote text", "attribution": "Quoted person"}),
            ("callout", {"tone": "tip", "title": "Callout title", "text": "<p>Callout text</p>"}),
        ],
        audience="students",
    )
    visible = ["Peer work", "Summary text", "Heading text", "Quote text", "Quoted person", "Callout title"]
    return page, visible, ["students", "tip", "h2"]


def _event(home):
    page = factories.make_event(
        home,
        "Gathering",
        summary="Summary text",
        venue="Venue text",
        audience="Audience text",
        online_url="https://meet.example.org/room",
        registration_url="https://example.org/register",
    )
    return (
        page,
        ["Gathering", "Summary text", "Venue text", "Audience text"],
        [
            "https://meet.example.org/room",
            "https://example.org/register",
        ],
    )


def _video(home):
    page = factories.make_video(home, "Film", captions=("en",), audience="teachers")
    return page, ["Film", "Summary of Film", "Transcript."], ["teachers", "en"]


def _resource(home):
    page = factories.make_resource(
        home,
        "Annual review",
        kind="report",
        summary="Summary text",
        publisher="Publisher name",
        year=2024,
        local_information_heading="Local heading",
    )
    return page, ["Annual review", "Summary text", "Local heading"], ["Publisher name", "report", "2024"]


def _section(home):
    page = factories.make_section(home, "Library", introduction="Introduction text")
    return page, ["Library", "Introduction text"], []


def _home(home):
    home.introduction = "Introduction text"
    home.body = [("paragraph", "<p>Body text</p>")]
    factories.publish(home)
    return home, ["Nordpeer", "Introduction text", "Body text"], []


@pytest.mark.django_db
@pytest.mark.parametrize("build", [_home, _section, _material, _video, _resource, _event])
def test_translators_see_the_translatable_fields_and_not_the_synchronised_ones(home, build):
    page, visible, hidden = build(home)
    strings = source_strings(page)
    for text in visible:
        assert text in strings
    for value in hidden:
        assert value not in strings


@pytest.mark.django_db
def test_only_overridable_synchronised_fields_are_offered_to_translators_to_override(home):
    video = factories.make_video(home, "Film", captions=("en",))
    material = factories.make_material(home, "Peer work")

    def overridable(page: Page) -> set[str]:
        source, _created = TranslationSource.get_or_create_from_instance(page)
        return {segment.context.path for segment in OverridableSegment.objects.filter(source=source)}

    # A dubbed version may replace the video; captions and audience are never overridden.
    assert overridable(video) == {"video_file"}
    assert overridable(material) == set()


def _panel_fields(panels) -> set[str]:
    names = set()
    for panel in panels:
        if isinstance(panel, str):
            names.add(panel)
        elif isinstance(panel, InlinePanel):
            names.add(panel.relation_name)
        elif isinstance(panel, FieldPanel):
            names.add(panel.field_name)
        else:
            names |= _panel_fields(getattr(panel, "children", []))
    return names


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda m: m.__name__)
def test_every_edited_field_has_an_explicit_translation_rule(model):
    ruled = {field.field_name for field in model.translatable_fields}
    assert _panel_fields(model.content_panels) <= ruled
    assert {"title", "slug", "seo_title", "search_description"} <= ruled
