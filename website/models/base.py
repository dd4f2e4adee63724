"""What every page of the site shares: its language links and its translation rules."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField, TranslatableField

from website import page_cache
from website.languages import page_languages

#: Translation rules for the fields every page inherits from Wagtail's Page.
PAGE_FIELDS = [
    TranslatableField("title"),
    TranslatableField("slug"),
    TranslatableField("seo_title"),
    TranslatableField("search_description"),
    SynchronizedField("show_in_menus"),
]


class Audience(models.TextChoices):
    EVERYONE = "everyone", _("Everyone")
    PEER_WORKERS = "peer_workers", _("Peer support workers")
    STUDENTS = "students", _("Students")
    EMPLOYERS = "employers", _("Employers and services")
    TEACHERS = "teachers", _("Teachers and supervisors")


class SitePage(Page):
    """Base of the public page types: adds the language switcher and hreflang data."""

    #: Whether one anonymous reader's copy of the page may be served to every anonymous reader
    #: (website.page_cache). Only for types that show nothing but pages and the CMS's snippets and
    #: media, whose every change makes a new cache generation; not for the LMS's, which show
    #: courses' own records.
    shared_with_anonymous_readers = False

    class Meta:
        abstract = True

    def serve(self, request, *args, **kwargs):
        if self.shared_with_anonymous_readers:
            page_cache.allow(request)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Ancestors below the tree root: the language's home page comes first.
        ancestors = list(self.get_ancestors().filter(depth__gt=1))
        home = ancestors[0] if ancestors else self
        context["languages"] = page_languages(self, request)
        context["breadcrumbs"] = ancestors
        context["home"] = home
        context["menu"] = home.get_children().live().public().in_menu()
        return context
