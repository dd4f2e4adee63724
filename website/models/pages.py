"""The home page, sections, learning material and events."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from website import page_cache
from website.blocks import ContentBlocks
from website.languages import in_language, served_locales

from .base import PAGE_FIELDS, Audience, SitePage, under_view_restriction

LIBRARY_PAGE_TYPES = [
    "website.SectionPage",
    "website.MaterialPage",
    "website.VideoPage",
    "website.ResourcePage",
    "website.EventPage",
    "lms.CoursePage",
]


class HomePage(SitePage):
    """The front page of one language's tree."""

    shared_with_anonymous_readers = True

    template = "website/pages/home_page.html"

    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(ContentBlocks(), blank=True, verbose_name=_("body"))

    content_panels = [*SitePage.content_panels, "introduction", "body"]
    translatable_fields = [*PAGE_FIELDS, TranslatableField("introduction"), TranslatableField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = LIBRARY_PAGE_TYPES

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        from .snippets import PartnerOrganisation

        context = super().get_context(request, *args, **kwargs)
        language = self.locale.language_code
        now = timezone.now()
        context["sections"] = (
            SectionPage.objects.child_of(self)
            .live()
            .in_menu()
            .exclude(under_view_restriction())
            .select_related("locale")
        )
        # Untranslated events still show, in the reader's nearest language.
        upcoming = (
            EventPage.objects.live()
            .exclude(under_view_restriction())
            .filter(start__gte=now, locale_id__in=served_locales())
        )
        context["upcoming_events"] = sorted(in_language(upcoming, language), key=lambda e: e.start)[:3]
        if context["upcoming_events"]:
            # The first event leaves "Coming up" when it starts: no cached copy may outlive that.
            page_cache.expire_within(request, (context["upcoming_events"][0].start - now).total_seconds())
        partners = in_language(PartnerOrganisation.objects.all(), language)
        context["partners"] = sorted(partners, key=lambda p: (str(p.get_country_display()), p.name))
        return context


class SectionPage(SitePage):
    """An index of the pages below it, e.g. the resource library or the videos."""

    shared_with_anonymous_readers = True

    template = "website/pages/section_page.html"

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*SitePage.content_panels, "introduction"]
    translatable_fields = [*PAGE_FIELDS, TranslatableField("introduction")]
    search_fields = [*SitePage.search_fields, index.SearchField("introduction")]

    parent_page_types = ["website.HomePage", "website.SectionPage"]
    subpage_types = LIBRARY_PAGE_TYPES

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["entries"] = self.get_children().live().public().specific()
        return context


class MaterialPage(SitePage):
    """A piece of shared learning material, translated into every partner language."""

    shared_with_anonymous_readers = True

    template = "website/pages/material_page.html"

    summary = models.TextField(_("summary"), blank=True)
    body = StreamField(ContentBlocks(), blank=True, verbose_name=_("body"))
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience.choices, default=Audience.EVERYONE
    )

    content_panels = [*SitePage.content_panels, "summary", "body", "audience"]
    translatable_fields = [
        *PAGE_FIELDS,
        TranslatableField("summary"),
        TranslatableField("body"),
        SynchronizedField("audience", overridable=False),
    ]
    search_fields = [
        *SitePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    parent_page_types = ["website.HomePage", "website.SectionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("learning material")
        verbose_name_plural = _("learning materials")


class EventPage(SitePage):
    """A network gathering or conference."""

    shared_with_anonymous_readers = True

    template = "website/pages/event_page.html"

    summary = models.TextField(_("summary"), blank=True)
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"), null=True, blank=True)
    venue = models.CharField(
        _("place"), max_length=255, blank=True, help_text=_("Where it is held, if not only online.")
    )
    online_url = models.URLField(
        _("online link"), blank=True, help_text=_("Where to join, if it can be followed online.")
    )
    audience = models.CharField(
        _("who it is for"),
        max_length=255,
        blank=True,
        help_text=_("For example: peer support workers and students; employers welcome."),
    )
    registration_url = models.URLField(_("registration link"), blank=True)
    body = StreamField(ContentBlocks(), blank=True, verbose_name=_("body"))

    content_panels = [
        *SitePage.content_panels,
        "summary",
        "start",
        "end",
        "venue",
        "online_url",
        "audience",
        "registration_url",
        "body",
    ]
    translatable_fields = [
        *PAGE_FIELDS,
        TranslatableField("summary"),
        SynchronizedField("start", overridable=False),
        SynchronizedField("end", overridable=False),
        TranslatableField("venue"),
        SynchronizedField("online_url"),
        TranslatableField("audience"),
        SynchronizedField("registration_url"),
        TranslatableField("body"),
    ]
    search_fields = [*SitePage.search_fields, index.SearchField("summary"), index.SearchField("body")]

    parent_page_types = ["website.HomePage", "website.SectionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("An event cannot end before it starts.")})
        if not self.venue and not self.online_url:
            raise ValidationError(
                {"venue": _("Give a place, an online link, or both, so people know where to go.")}
            )
