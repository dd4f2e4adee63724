"""Publications of the resource library: handbooks, brochures and reports."""

from django.conf import settings
from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from website.blocks import ContentBlocks
from website.forms import LocalInformationForm
from website.languages import fallback_chain, native_name

from .base import PAGE_FIELDS, Audience, SitePage


class PublicationKind(models.TextChoices):
    HANDBOOK = "handbook", _("Handbook")
    BROCHURE = "brochure", _("Brochure")
    REPORT = "report", _("Report")


class ResourcePage(RoutablePageMixin, SitePage):
    """A publication with its files, one per language it exists in."""

    shared_with_anonymous_readers = True

    template = "website/pages/resource_page.html"

    kind = models.CharField(_("kind"), max_length=20, choices=PublicationKind.choices)
    summary = models.TextField(_("summary"), blank=True)
    cover = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    publisher = models.CharField(_("published by"), max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    body = StreamField(ContentBlocks(), blank=True, verbose_name=_("body"))
    local_information_heading = models.CharField(
        _("local information heading"),
        max_length=120,
        blank=True,
        help_text=_("Brochures only: the heading of the area a partner fills in for its printed copy."),
    )
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience.choices, default=Audience.EVERYONE
    )

    content_panels = [
        *SitePage.content_panels,
        "kind",
        "summary",
        "cover",
        "publisher",
        "year",
        "body",
        InlinePanel("files", label=_("Files"), heading=_("Files per language")),
        "local_information_heading",
        "audience",
    ]
    translatable_fields = [
        *PAGE_FIELDS,
        SynchronizedField("kind", overridable=False),
        TranslatableField("summary"),
        SynchronizedField("cover"),
        SynchronizedField("publisher"),
        SynchronizedField("year", overridable=False),
        TranslatableField("body"),
        SynchronizedField("files", overridable=False),
        TranslatableField("local_information_heading"),
        SynchronizedField("audience", overridable=False),
    ]
    search_fields = [*SitePage.search_fields, index.SearchField("summary"), index.SearchField("body")]

    parent_page_types = ["website.HomePage", "website.SectionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")

    @property
    def is_brochure(self) -> bool:
        return self.kind == PublicationKind.BROCHURE

    def files_for_reader(self, language: str) -> list["ResourceFile"]:
        """The files, the reader's language (or its nearest fallback) first."""
        chain = fallback_chain(language)
        files = list(self.files.select_related("document"))
        return sorted(files, key=lambda f: chain.index(f.language) if f.language in chain else len(chain))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["files"] = self.files_for_reader(self.locale.language_code)
        return context

    @path("print/", name="print")
    def print_copy(self, request):
        """A printable brochure with the partner's local information filled in."""
        if not self.is_brochure:
            raise Http404
        form = LocalInformationForm(request.GET or None)
        context = self.get_context(request)
        context["form"] = form
        context["local_information"] = form.cleaned_data if form.is_valid() else None
        return TemplateResponse(request, "website/pages/resource_print.html", context)


class ResourceFile(Orderable):
    """One file of a publication, in one language."""

    page = ParentalKey(ResourcePage, related_name="files", on_delete=models.CASCADE)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )

    panels = ["language", "document"]

    class Meta(Orderable.Meta):
        verbose_name = _("file")
        verbose_name_plural = _("files")

    @property
    def language_name(self) -> str:
        return native_name(self.language)
