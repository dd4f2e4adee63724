"""The XML sitemap: every live public page, with its translations as hreflang alternates."""

from collections import defaultdict

from django.http import HttpRequest
from django.template.response import TemplateResponse
from wagtail.models import Page

from website.languages import language_codes, served_locales


def sitemap(request: HttpRequest) -> TemplateResponse:
    pages = list(
        Page.objects.live()
        .public()
        .filter(depth__gt=1, locale_id__in=served_locales())
        .select_related("locale")
        .order_by("path")
    )
    order = {code: i for i, code in enumerate(language_codes())}
    by_key: dict = defaultdict(list)
    for page in pages:
        by_key[page.translation_key].append(page)
    entries = []
    for page in pages:
        group = sorted(by_key[page.translation_key], key=lambda p: order.get(p.locale.language_code, 99))
        entries.append(
            {
                "location": page.get_full_url(request),
                "lastmod": page.last_published_at,
                "alternates": [(p.locale.language_code, p.get_full_url(request)) for p in group]
                if len(group) > 1
                else [],
            }
        )
    return TemplateResponse(
        request, "website/sitemap.xml", {"entries": entries}, content_type="application/xml; charset=utf-8"
    )
