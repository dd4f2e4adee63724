"""Videos: an uploaded file or an oEmbed link, with captions in several languages."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from website.languages import native_name
from website.validators import validate_upload_size, validate_webvtt

from .base import PAGE_FIELDS, Audience, SitePage

VIDEO_EXTENSIONS = ("mp4", "webm")


class VideoPage(SitePage):
    """A video of the shared material, with captions per language and a transcript."""

    shared_with_anonymous_readers = True

    template = "website/pages/video_page.html"

    summary = models.TextField(_("summary"), blank=True)
    video_file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("video file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("An MP4 or WebM file from the document library."),
    )
    embed_url = models.URLField(
        _("video link"),
        blank=True,
        help_text=_("Or a link to the video on a service such as YouTube or Vimeo."),
    )
    poster = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("poster image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    transcript = RichTextField(_("transcript"), blank=True, features=["bold", "italic", "h3", "ul"])
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience.choices, default=Audience.EVERYONE
    )

    content_panels = [
        *SitePage.content_panels,
        "summary",
        "video_file",
        "embed_url",
        "poster",
        InlinePanel("captions", label=_("Captions"), heading=_("Captions")),
        "transcript",
        "audience",
    ]
    # The video and poster are shared, but a translator may override them with a
    # dubbed version; captions stay shared: every language's copy offers every track.
    translatable_fields = [
        *PAGE_FIELDS,
        TranslatableField("summary"),
        SynchronizedField("video_file"),
        SynchronizedField("embed_url"),
        SynchronizedField("poster"),
        SynchronizedField("captions", overridable=False),
        TranslatableField("transcript"),
        SynchronizedField("audience", overridable=False),
    ]
    search_fields = [
        *SitePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("transcript"),
    ]

    parent_page_types = ["website.HomePage", "website.SectionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("video")
        verbose_name_plural = _("videos")

    def clean(self):
        super().clean()
        if bool(self.video_file) == bool(self.embed_url):
            raise ValidationError(
                {"video_file": _("Choose either a video file or a video link, not both and not neither.")}
            )
        if self.video_file and not self.video_file.file.name.lower().endswith(VIDEO_EXTENSIONS):
            raise ValidationError({"video_file": _("The video file must be MP4 or WebM.")})

    @property
    def video_mime_type(self) -> str:
        name = self.video_file.file.name.lower() if self.video_file else ""
        return "video/webm" if name.endswith(".webm") else "video/mp4"

    def caption_tracks(self, language: str):
        """Caption tracks, the one in ``language`` first and marked default."""
        tracks = sorted(self.captions.all(), key=lambda c: (c.language != language, c.sort_order or 0))
        return [(track, index == 0 and track.language == language) for index, track in enumerate(tracks)]


class VideoCaption(Orderable):
    """One WebVTT caption track of a video, in one language."""

    page = ParentalKey(VideoPage, related_name="captions", on_delete=models.CASCADE)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    file = models.FileField(
        _("WebVTT file"),
        upload_to="captions/",
        validators=[FileExtensionValidator(["vtt"]), validate_upload_size, validate_webvtt],
        help_text=_("A .vtt caption file."),
    )

    panels = ["language", "file"]

    class Meta(Orderable.Meta):
        verbose_name = _("caption track")
        verbose_name_plural = _("caption tracks")
        constraints = [
            models.UniqueConstraint(fields=["page", "language"], name="one_caption_track_per_language")
        ]

    @property
    def label(self) -> str:
        return native_name(self.language)
