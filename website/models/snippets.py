"""Snippets shared across pages: partner organisations and the glossary of the profession."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class Country(models.TextChoices):
    NORWAY = "NO", _("Norway")
    SWEDEN = "SE", _("Sweden")
    DENMARK = "DK", _("Denmark")
    FINLAND = "FI", _("Finland")
    ICELAND = "IS", _("Iceland")
    ESTONIA = "EE", _("Estonia")
    LATVIA = "LV", _("Latvia")
    LITHUANIA = "LT", _("Lithuania")
    GERMANY = "DE", _("Germany")
    OTHER = "XX", _("Other country")


class PartnerOrganisation(TranslatableMixin, index.Indexed, models.Model):
    """A school or organisation of the network; its description is translated."""

    name = models.CharField(_("name"), max_length=200)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    description = models.TextField(_("what they do"), blank=True)

    panels = ["name", "country", "website", "logo", "description"]
    translatable_fields = [
        SynchronizedField("name"),
        SynchronizedField("country"),
        SynchronizedField("website"),
        SynchronizedField("logo"),
        TranslatableField("description"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")
        ordering = ["country", "name"]

    def __str__(self) -> str:
        return self.name


class GlossaryTerm(TranslatableMixin, index.Indexed, models.Model):
    """One concept of the profession; each translation holds its term in one language.

    All languages' terms of a concept share a ``translation_key``, which is what
    lets search treat them as synonyms of one another.
    """

    term = models.CharField(_("term"), max_length=120)
    other_terms = models.CharField(
        _("other terms"),
        max_length=255,
        blank=True,
        help_text=_("Other words used for the same concept in this language, separated by commas."),
    )
    definition = models.TextField(_("definition"))

    panels = ["term", "other_terms", "definition"]
    translatable_fields = [
        TranslatableField("term"),
        TranslatableField("other_terms"),
        TranslatableField("definition"),
    ]
    search_fields = [index.SearchField("term"), index.AutocompleteField("term")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")
        ordering = ["term"]

    def __str__(self) -> str:
        return self.term

    @property
    def all_terms(self) -> list[str]:
        """The term and its other terms in this language."""
        others = [t.strip() for t in self.other_terms.split(",") if t.strip()]
        return [self.term, *others]
