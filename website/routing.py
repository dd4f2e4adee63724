"""Wagtail's routing of a page request, with the site and the language's home kept per generation.

Wagtail finds, on every request, the site for the host (a query), the active locale (a query),
the language's home from the site's root page (one or two) and its specific page (one), before
``SitePage.route`` finds the page itself. Those depend only on sites, locales and pages, whose
every change makes a new generation (website.page_cache): here they are kept per generation and
handed to Wagtail where it looks for them (``request._wagtail_site``,
``request._wagtail_route_for_request`` and the sites' root paths,
``request._wagtail_cached_site_root_paths``), so Wagtail's own ``serve`` view runs unchanged.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest
from django.http.request import split_domain_port
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.models import Page, Site
from wagtail.models.sites import get_site_for_hostname

from website import kept_content
from website.page_addresses import keep_addresses


def _site_for_host(hostname: str, port: int) -> Site | None:
    try:
        return get_site_for_hostname(hostname, port)  # with its root page
    except Site.DoesNotExist:
        return None


def site_for_request(request: HttpRequest) -> Site | None:
    """Wagtail's ``Site.find_for_request``, kept per generation by host and port."""
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()
    return kept_content.for_generation(
        "site", (hostname, port), lambda: _site_for_host(hostname, port), request=request
    )


def _home_in_language(site: Site) -> Page:
    home = site.root_page.localized.specific
    home.locale  # noqa: B018 (the routing hooks ask for the page's language)
    keep_addresses([home])
    return home


def home_for_request(request: HttpRequest, site: Site) -> Page:
    """The site's home in the active language (Wagtail's ``root_page.localized.specific``)."""
    language = translation.get_language()
    return kept_content.for_generation(
        "home", (site.pk, language), lambda: _home_in_language(site), request=request
    )


class CachedRoutingMiddleware:
    """Route Wagtail's page requests from the kept site and home (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        with kept_content.serving(request):
            return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        if view_func is not wagtail_views.serve or hasattr(request, "_wagtail_route_for_request"):
            return None
        site = site_for_request(request)
        request._wagtail_site = site
        if site is None:
            return None  # Wagtail's serve answers 404, as without a site
        path = view_kwargs.get("path", view_args[0] if view_args else "")
        request._wagtail_route_for_request = route_for_request(request, site, path)
        request._wagtail_cached_site_root_paths = site_root_paths(request)
        return None


def site_root_paths(request: HttpRequest) -> list:
    """Wagtail's ``Site.get_site_root_paths``, kept per generation.

    Every page address Wagtail gives on a request asks for them once (a read from the shared
    cache); they depend only on sites and pages. Wagtail looks for them on the request first.
    """
    return kept_content.for_generation("site-root-paths", (), Site.get_site_root_paths, request=request)


def route_for_request(request: HttpRequest, site: Site, path: str):
    """Where ``path`` leads from the language's home: the page (with its ancestors) and the view.

    Kept per generation too: routing reads only pages, and whether a page is live; a page that is
    not reachable is kept as ``None`` (Wagtail's serve answers 404). View restrictions and who may
    see a page are checked afterwards, on every request, by Wagtail's serve hooks.
    """
    home = home_for_request(request, site)

    def route():
        components = [component for component in path.split("/") if component]
        try:
            found = home.route(request, components)
        except Http404:
            return None
        keep_addresses([found.page, *getattr(found.page, "_site_ancestors", [])])
        return found

    return kept_content.for_generation("route", (site.pk, translation.get_language(), path), route, request)
