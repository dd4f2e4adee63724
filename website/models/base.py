"""What every page of the site shares: its language links and its translation rules."""

from django.db import models
from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, PageViewRestriction
from wagtail.url_routing import RouteResult
from wagtail_localize.fields import SynchronizedField, TranslatableField

from website import kept_content, page_cache
from website.languages import best_value, page_languages, served_locales
from website.page_addresses import keep_addresses

#: Depth of each language's home page in Wagtail's tree (below the tree's root).
HOME_DEPTH = 2


def _routes_by_itself(page_class) -> bool:
    """Whether the page type has its own ``route`` (routable pages, courses) rather than SitePage's."""
    return page_class.route not in (SitePage.route, Page.route)


def under_view_restriction() -> Exists:
    """Wagtail's ``public()`` as a condition of the page query itself, instead of a query before it.

    A page is private when it or any of its ancestors has a view restriction: a restriction
    whose page's tree path begins the page's own.
    """
    return Exists(
        PageViewRestriction.objects.filter(page__path=Substr(OuterRef("path"), 1, Length("page__path")))
    )


def menu_of(home: Page) -> list[Page]:
    """The main menu under a language's home: its public live pages shown in menus."""
    items = list(home.get_children().live().in_menu().exclude(under_view_restriction()))
    keep_addresses(items)  # kept per generation (get_context)
    return items


def _view_restrictions() -> list[tuple[str, PageViewRestriction]]:
    restrictions = PageViewRestriction.objects.select_related("page").prefetch_related("groups")
    return [(restriction.page.path, restriction) for restriction in restrictions.order_by("pk")]


def site_view_restrictions() -> list[tuple[str, PageViewRestriction]]:
    """Every view restriction with its page's tree path, kept per generation (a restriction saved or
    deleted, a page moved makes a new one)."""
    return kept_content.for_generation("view-restrictions", (), _view_restrictions)


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

    def route(self, request, path_components):
        """Wagtail's routing, with every page on the path loaded in one query, not two per level.

        A page whose type routes by itself (a routable page, a course) takes the rest of the
        path from there, as in Wagtail. From a language's home, the pages passed on the way are
        the page's ancestors: kept for its breadcrumbs, menu and view restrictions.
        """
        if not path_components:
            if self.depth == HOME_DEPTH:
                self._site_ancestors = []
            return super().route(request, path_components)
        prefixes: list[str] = []
        for slug in path_components:
            prefixes.append(f"{prefixes[-1] if prefixes else self.url_path}{slug}/")
        found = {
            page.url_path: page
            for page in Page.objects.filter(
                path__startswith=self.path, depth__lte=self.depth + len(prefixes), url_path__in=prefixes
            )
        }
        chain: list[Page] = [self]
        for index, url_path in enumerate(prefixes):
            page = found.get(url_path)
            if page is None or page.depth != chain[-1].depth + 1:
                if len(chain) == 1:
                    raise Http404
                return chain[-1].specific.route(request, path_components[index:])
            page._cached_parent_obj = chain[-1]
            if _routes_by_itself(page.specific_class or Page):
                routing = page.specific
                if self.depth == HOME_DEPTH:
                    routing._site_ancestors = chain
                return routing.route(request, path_components[index + 1 :])
            chain.append(page)
        found_page = chain.pop()
        target = (found_page.specific_class or Page).objects.select_related("locale").get(pk=found_page.pk)
        if not target.live:
            raise Http404
        target._cached_parent_obj = chain[-1]
        if self.depth == HOME_DEPTH:
            target._site_ancestors = chain
        return RouteResult(target)

    def get_view_restrictions(self):
        """Wagtail's, from the ancestors routing passed (an alias counts as its source), without a
        query: the site's restrictions are few and kept per generation (website.kept_content)."""
        ancestors = getattr(self, "_site_ancestors", None)
        if ancestors is None:
            return super().get_view_restrictions()
        ids = {page.alias_of_id or page.pk for page in [*ancestors, self]}
        tree_root = self.path[: self.steplen]
        return [
            restriction
            for path, restriction in site_view_restrictions()
            if restriction.page_id in ids or path == tree_root
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Ancestors below the tree root: the language's home page comes first.
        ancestors = getattr(self, "_site_ancestors", None)
        if ancestors is None:
            ancestors = list(self.get_ancestors().filter(depth__gt=1))
        home = ancestors[0] if ancestors else self
        context["languages"] = page_languages(self, request)
        context["breadcrumbs"] = ancestors
        context["home"] = home
        context["menu"] = kept_content.for_generation("menu", (home.pk,), lambda: menu_of(home), request)
        self._load_body_videos()
        return context

    def _load_body_videos(self) -> None:
        """The reader's copy of every video in the body, and what it shows, in two queries in all.

        Each video block shows the live translation of its video nearest the page's language
        (``in_reader_language``); looked up here for all blocks at once instead of per block.
        """
        from .video import VideoPage

        body = getattr(self, "body", None)
        if body is None or not hasattr(body, "raw_data"):
            return
        chosen = [
            block.value.get("video")
            for block in body
            if hasattr(block.value, "get") and isinstance(block.value.get("video"), VideoPage)
        ]
        if not chosen:
            return
        language = self.locale.language_code
        keys = {video.translation_key for video in chosen}
        copies = (
            VideoPage.objects.live()
            .filter(translation_key__in=keys, locale_id__in=served_locales())
            .select_related("locale", "video_file", "poster")
            .prefetch_related("captions")
        )
        by_key: dict = {}
        for copy in copies:
            by_key.setdefault(copy.translation_key, {})[copy.locale.language_code] = copy
        for video in chosen:
            video.reader_copies = {language: best_value(by_key.get(video.translation_key, {}), language)}
