"""Language-prefix redirects only where the language prefix belongs."""

from django.middleware.locale import LocaleMiddleware

#: URL roots that live outside i18n_patterns: their 404s stay 404s.
UNPREFIXED_ROOTS = (
    "/admin/",
    "/api/",
    "/verify/",
    "/content/",
    "/documents/",
    "/static/",
    "/media/",
    "/sitemap.xml",
)


class SiteLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, minus its redirect of unprefixed 404s for the roots above.

    With the default language prefixed, Django answers a 404 at ``/api/...`` by redirecting
    to ``/en/api/...`` whenever that path resolves, and Wagtail's catch-all resolves every
    path there. An unknown certificate code or API object must stay a plain 404.
    """

    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(UNPREFIXED_ROOTS):
            response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
            return response
        return super().process_response(request, response)
