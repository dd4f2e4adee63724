from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from lms.api import api as lms_api
from operations.health import healthz
from search.api import api as search_api
from website.sitemap import sitemap

# Admin, documents and machine-readable endpoints stay outside the language prefix.
urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("healthz/", healthz, name="healthz"),
    path("verify/", include("lms.verify_urls")),
    path("content/", include("lms.content.urls")),
    path("api/lms/", lms_api.urls),
    path("api/search/", search_api.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Public pages live under /en/, /nb/, ... one tree per language.
urlpatterns += i18n_patterns(
    path("account/", include("website.account_urls")),
    path("", include("lms.urls")),
    path("teaching/", include("lms.teaching_urls")),
    path("certificates/", include("lms.certificate_urls")),
    path("my-data/", include("lms.privacy_urls")),
    path("search/", include("search.urls")),
    path("supervision/", include("supervision.urls")),
    path("placements/", include("placements.urls")),
    # Wagtail's catch-all comes last.
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

# Error pages in the site's layout and the URL's language; the 500 page needs no database.
handler404 = "website.error_views.page_not_found"
handler403 = "website.error_views.permission_denied"
handler500 = "website.error_views.server_error"
