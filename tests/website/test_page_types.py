"""Every page type is created the way the admin publishes it and renders its content."""

from __future__ import annotations

import datetime as dt

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.embeds.models import Embed

from tests import factories
from website.models import EventPage, PartnerOrganisation, ResourceFile, VideoPage


def html_of(client, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def text_of(soup: BeautifulSoup) -> str:
    return " ".join(soup.get_text(" ").split())


@pytest.mark.django_db
def test_home_page_shows_its_introduction_body_sections_events_and_partners(client, home):
    home.introduction = "A shared platform for peer support training."
    home.body = [("paragraph", "<p>Welcome to the network.</p>")]
    factories.publish(home)
    factories.make_section(home, "Resource library", introduction="Handbooks and videos", show_in_menus=True)
    factories.make_section(home, "Hidden section", show_in_menus=False)
    factories.make_event(home, "Nordic gathering", start=timezone.now() + dt.timedelta(days=10))
    factories.make_event(home, "Last year's gathering", start=timezone.now() - dt.timedelta(days=300))
    PartnerOrganisation.objects.create(name="Recovery College Oslo", country="NO", locale=home.locale)

    soup = html_of(client, "/en/")
    main = text_of(soup.find("main"))
    assert "A shared platform for peer support training." in main
    assert "Welcome to the network." in main
    assert "Resource library" in main
    assert "Hidden section" not in main
    assert "Nordic gathering" in main
    assert "Last year's gathering" not in main
    assert "Recovery College Oslo" in main
    menu = text_of(soup.find("nav", class_="main-menu"))
    assert "Resource library" in menu


@pytest.mark.django_db
def test_section_page_lists_its_live_children_only(client, home):
    section = factories.make_section(home, "Library", introduction="Everything we publish.")
    factories.make_material(section, "Sharing your story")
    draft = factories.make_material(section, "Unfinished draft")
    draft.unpublish()

    soup = html_of(client, "/en/library/")
    cards = [text_of(card) for card in soup.select("article.card")]
    assert "Everything we publish." in text_of(soup.find("main"))
    assert len(cards) == 1
    assert "Sharing your story" in cards[0]
    assert "Learning material" in cards[0]


@pytest.mark.django_db
def test_empty_section_says_nothing_is_published(client, home):
    factories.make_section(home, "Reports")
    soup = html_of(client, "/en/reports/")
    assert soup.select("article.card") == []
    assert "Nothing has been published here yet." in text_of(soup.find("main"))


@pytest.mark.django_db
def test_material_page_renders_every_block_kind(client, home):
    image = factories.make_image("Peer workers in a circle")
    document = factories.make_document("Training plan", "training-plan.pdf", b"%PDF-1.4\n" + b"x" * 2000)
    video = factories.make_video(home, "First conversation")
    body = [
        {"type": "heading", "value": {"text": "What the work is", "level": "h2"}},
        {"type": "heading", "value": {"text": "A closer look", "level": "h3"}},
        {"type": "paragraph", "value": "<p>Peer workers use <b>lived experience</b>.</p>"},
        {
            "type": "image",
            "value": {
                "image": {
                    "image": image.pk,
                    "alt_text": "Six people talking in a circle",
                    "decorative": False,
                },
                "caption": "A supervision group in Tampere",
            },
        },
        {"type": "quote", "value": {"quote": "Hope came first.", "attribution": "A participant"}},
        {
            "type": "callout",
            "value": {"tone": "important", "title": "Before you start", "text": "<p>Ask for consent.</p>"},
        },
        {"type": "document", "value": {"document": document.pk, "label": "Download the training plan"}},
        {"type": "video", "value": {"video": video.pk}},
    ]
    factories.make_material(
        home, "Peer work explained", summary="An introduction.", body=body, audience="students"
    )

    soup = html_of(client, "/en/peer-work-explained/")
    main = soup.find("main")
    assert main.find("h1").get_text(strip=True) == "Peer work explained"
    assert "An introduction." in text_of(main)
    assert "Students" in text_of(main.find("p", class_="meta"))
    assert main.find("h2", string="What the work is")
    assert main.find("h3", string="A closer look")
    assert main.select_one(".rich-text b").get_text() == "lived experience"

    img = main.select_one("figure.figure img")
    assert img["alt"] == "Six people talking in a circle"
    assert img["src"].startswith("/media/images/")
    assert "A supervision group in Tampere" in text_of(main.select_one("figure.figure figcaption"))

    assert "Hope came first." in text_of(main.select_one("figure.quote blockquote"))
    assert "A participant" in text_of(main.select_one("figure.quote figcaption"))

    callout = main.select_one("aside.callout")
    assert "callout--important" in callout["class"]
    assert "Before you start" in text_of(callout)
    assert "Ask for consent." in text_of(callout)

    download = main.select_one("p.download a")
    assert download.get_text(strip=True) == "Download the training plan"
    assert download["href"] == document.url
    assert "PDF" in text_of(main.select_one("p.download"))

    player = main.select_one("figure.video video")
    assert player.find("source")["src"] == video.video_file.file.url
    assert player.find("track")["srclang"] == "en"


@pytest.mark.django_db
def test_video_page_plays_the_file_with_every_caption_track_readers_language_first(client, home):
    factories.make_video(home, "Recovery stories", captions=("nb", "en"))

    player = html_of(client, "/en/recovery-stories/").select_one("main video")
    assert player.find("source")["type"] == "video/webm"
    tracks = player.find_all("track")
    assert [t["srclang"] for t in tracks] == ["en", "nb"]
    assert tracks[0].has_attr("default")
    assert not tracks[1].has_attr("default")
    assert tracks[0]["label"] == "English"
    assert all(t["src"].startswith("/media/captions/") and t["src"].endswith(".vtt") for t in tracks)
    soup = html_of(client, "/en/recovery-stories/")
    assert "Transcript." in text_of(soup.select_one("section.transcript"))


@pytest.mark.django_db
def test_video_page_with_a_link_embeds_it_and_links_to_the_service(client, home, monkeypatch):
    def fake_embed(url, max_width=None, max_height=None):
        # No network in tests: the oEmbed provider's answer, as wagtail.embeds stores it.
        return Embed(url=url, html=f'<iframe src="{url}/player" title="Player"></iframe>')

    monkeypatch.setattr("wagtail.embeds.embeds.get_embed", fake_embed)
    factories.make_video(
        home, "Hosted elsewhere", captions=(), video_file=None, embed_url="https://vimeo.com/1"
    )
    soup = html_of(client, "/en/hosted-elsewhere/")
    assert soup.select_one("main video") is None
    assert soup.select_one("main .video__embed iframe")["src"] == "https://vimeo.com/1/player"
    assert soup.select_one("main p.video__link a")["href"] == "https://vimeo.com/1"


def _resource_with_files(home, title: str, kind: str, **fields):
    resource = factories.make_resource(home, title, kind=kind, **fields)
    for language in ("en", "nb"):
        ResourceFile(
            page=resource,
            language=language,
            document=factories.make_document(f"{title} ({language})", f"{title.lower()}-{language}.pdf"),
        ).save()
    return factories.publish(resource)


@pytest.mark.django_db
def test_resource_page_lists_its_files_per_language_and_its_facts(client, home):
    _resource_with_files(home, "Handbook", "handbook", publisher="Nordpeer", year=2025)
    soup = html_of(client, "/en/handbook/")
    main = soup.find("main")
    assert "Handbook · 2025 · Nordpeer" in text_of(main.select_one("p.meta"))
    files = main.select("ul.file-list li")
    assert [li["lang"] for li in files] == ["en", "nb"]
    assert "Norsk bokmål" in text_of(files[1])
    assert "PDF" in text_of(files[0])
    # A handbook has no printed copy with local information.
    assert "Make a printed copy" not in text_of(main)


@pytest.mark.django_db
def test_brochure_print_copy_fills_in_local_information(client, home):
    _resource_with_files(
        home, "Brochure", "brochure", summary="What peer support is.", local_information_heading="Meet us"
    )
    page = html_of(client, "/en/brochure/")
    assert page.select_one("main a.button")["href"] == "/en/brochure/print/"

    empty = html_of(client, "/en/brochure/print/")
    assert empty.select_one("form.local-information-form")
    assert empty.select_one("aside.local-information") is None

    filled = html_of(
        client,
        "/en/brochure/print/?organisation=Recovery+College+Oslo&contact=Kari%2C+22+00+00+00"
        "&address=Storgata+1&message=Every+Tuesday",
    )
    local = filled.select_one("aside.local-information")
    assert local.find("h2").get_text(strip=True) == "Meet us"
    for text in ("Recovery College Oslo", "Kari, 22 00 00 00", "Storgata 1", "Every Tuesday"):
        assert text in text_of(local)
    assert "What peer support is." in text_of(filled.find("main"))


@pytest.mark.django_db
def test_brochure_print_copy_without_an_organisation_shows_the_error_not_the_copy(client, home):
    factories.make_resource(home, "Brochure", kind="brochure")
    soup = html_of(client, "/en/brochure/print/?contact=Kari")
    assert soup.select_one("aside.local-information") is None
    assert soup.select_one("form p.error[role=alert]")


@pytest.mark.django_db
def test_print_copy_of_a_handbook_is_not_found(client, home):
    factories.make_resource(home, "Handbook", kind="handbook")
    assert client.get("/en/handbook/print/?organisation=X").status_code == 404


@pytest.mark.django_db
def test_event_page_shows_when_where_and_how_to_register(client, home):
    start = timezone.make_aware(dt.datetime(2031, 5, 14, 9, 0))
    factories.make_event(
        home,
        "Nordic peer conference",
        summary="Two days on peer work.",
        start=start,
        end=start + dt.timedelta(days=1, hours=8),
        venue="Tampere Hall",
        online_url="https://meet.example.org/nordpeer",
        audience="Peer workers and students",
        registration_url="https://example.org/register",
    )
    main = html_of(client, "/en/nordic-peer-conference/").find("main")
    times = main.select("dl.facts time")
    assert [t["datetime"] for t in times] == ["2031-05-14T09:00:00+02:00", "2031-05-15T17:00:00+02:00"]
    text = text_of(main)
    for shown in ("Two days on peer work.", "Tampere Hall", "Peer workers and students"):
        assert shown in text
    assert main.find("a", string="Join online")["href"] == "https://meet.example.org/nordpeer"
    assert main.find("a", string="Register")["href"] == "https://example.org/register"


@pytest.mark.django_db
def test_an_event_cannot_end_before_it_starts(home):
    start = timezone.now() + dt.timedelta(days=5)
    event = EventPage(title="Backwards", start=start, end=start - dt.timedelta(hours=1), venue="Oslo")
    with pytest.raises(ValidationError) as error:
        home.add_child(instance=event)
    assert "end" in error.value.message_dict
    assert not EventPage.objects.filter(title="Backwards").exists()


@pytest.mark.django_db
def test_an_event_needs_a_place_or_an_online_link(home):
    event = EventPage(title="Nowhere", start=timezone.now())
    with pytest.raises(ValidationError) as error:
        home.add_child(instance=event)
    assert "venue" in error.value.message_dict
    assert factories.make_event(home, "Online only", venue="", online_url="https://meet.example.org/x").live


@pytest.mark.django_db
@pytest.mark.parametrize("with_file, with_link", [(True, True), (False, False)])
def test_a_video_needs_exactly_one_of_file_or_link(home, with_file, with_link):
    video = VideoPage(
        title="Ambiguous",
        video_file=factories.make_document("Clip", "clip.mp4", b"\0") if with_file else None,
        embed_url="https://vimeo.com/1" if with_link else "",
    )
    with pytest.raises(ValidationError) as error:
        home.add_child(instance=video)
    assert "video_file" in error.value.message_dict
    assert not VideoPage.objects.filter(title="Ambiguous").exists()


@pytest.mark.django_db
def test_a_video_file_must_be_mp4_or_webm(home):
    video = VideoPage(title="Slides", video_file=factories.make_document("Slides", "slides.pdf"))
    with pytest.raises(ValidationError) as error:
        home.add_child(instance=video)
    assert "video_file" in error.value.message_dict


@pytest.mark.django_db
def test_a_video_with_only_a_link_or_only_a_file_is_valid(home):
    assert factories.make_video(home, "File only", captions=()).live
    assert factories.make_video(
        home, "Link only", captions=(), video_file=None, embed_url="https://vimeo.com/2"
    ).live


@pytest.mark.django_db
def test_the_home_page_lists_an_untranslated_event_in_the_readers_nearest_language(
    client, home, translated_home, translate_page
):
    """Events follow the fallback chain like pages do: one entry each, translated where it can be."""
    soon = timezone.now() + dt.timedelta(days=10)
    translated = factories.make_event(home, "Nordic gathering", start=soon)
    translate_page(translated, "nb", {"Nordic gathering": "Nordisk samling"})
    factories.make_event(home, "Webinar on supervision", start=soon + dt.timedelta(days=1))
    text = client.get("/nb/").content.decode()
    assert "Nordisk samling" in text
    assert "Nordic gathering" not in text
    assert "Webinar on supervision" in text
