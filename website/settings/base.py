"""Settings shared by every environment. Values that vary come from ``ENV``."""

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _

from .csp_sources import media_origins
from .environment import BASE_DIR, ENV
from .services import page_cache, session_cache, shared_cache, storages_from_environment

PROJECT_DIR = BASE_DIR / "website"

INSTALLED_APPS = [
    "website",
    "lms",
    "search",
    "supervision",
    "placements",
    "operations",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # First after security: the content host must never reach the site's sessions or pages.
    "lms.content.isolation.ContentHostMiddleware",
    # Before sessions and everything after them: a cached public page skips all of it.
    "website.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "website.middleware.SiteLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Hands Wagtail the site and the language's home kept per content generation.
    "website.routing.CachedRoutingMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # After everything that renders: the header carries the nonce the templates used.
    "website.content_security.SiteCSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "website.urls"
WSGI_APPLICATION = "website.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "website.context_processors.site_chrome",
                "lms.context_processors.role_links",
            ],
        },
    },
]

DATABASES = {"default": dj_database_url.parse(ENV.database_url, conn_max_age=60)}
# SQLite, the embedded default, under several workers: WAL lets readers run beside the one writer,
# and BEGIN IMMEDIATE takes the write lock when a transaction starts, so one that reads and then
# writes waits its turn (the busy timeout, seconds) instead of failing "database is locked" when
# it tries to upgrade a read lock. synchronous stays FULL: a learner's commit survives a power cut.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 30,
    }
# PostgreSQL plans a statement each time it is sent, unless it is prepared: planning the header's
# role query alone cost 0.6 ms of every signed-in page. Each connection prepares a statement it has
# sent five times (psycopg's threshold; Django turns this off by default), with the values bound
# server-side. Off (DATABASE_PREPARED_STATEMENTS=false) behind a pooler that cannot keep prepared
# statements per client, such as PgBouncer's transaction mode before version 1.21.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and ENV.database_prepared_statements:
    DATABASES["default"]["OPTIONS"] = {"server_side_binding": True, "prepare_threshold": 5}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Participants' accounts ------------------------------------------------------
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "lms:my_learning"
LOGOUT_REDIRECT_URL = "/"
DEFAULT_FROM_EMAIL = ENV.default_from_email

# --- Languages -------------------------------------------------------------
# The one list of languages. English is the network's shared source language.
# Adding a language is a change here (and a catalogue in locale/), not in code.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("nb", _("Norwegian Bokmål")),
    ("sv", _("Swedish")),
    ("da", _("Danish")),
    ("fi", _("Finnish")),
    ("is", _("Icelandic")),
    ("et", _("Estonian")),
    ("lv", _("Latvian")),
    ("lt", _("Lithuanian")),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]

# Where a reader is sent when a page is not translated into their language:
# the first language in the chain that has the page. English, the source, ends
# every chain implicitly.
LANGUAGE_FALLBACKS = {
    "nb": ["da", "sv"],
    "da": ["nb", "sv"],
    "sv": ["nb", "da"],
    "is": ["da"],
    "fi": ["sv"],
    "et": [],
    "lv": [],
    "lt": [],
}

TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True

# --- Static and media ---------------------------------------------------------
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATIC_ROOT = ENV.static_root
STATIC_URL = "/static/"
MEDIA_ROOT = ENV.media_root
MEDIA_URL = "/media/"
# British English, and the date-and-time formats Django lacks for Icelandic and Estonian.
FORMAT_MODULE_PATH = ["website.formats"]
STORAGES = storages_from_environment(ENV) or {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    # H5P/SCORM uploads and their unpacked files: private, served only through lms.content's
    # enrolment check (on S3, a private bucket).
    "packages": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": ENV.package_root, "base_url": None},
    },
}

# --- Uploads -------------------------------------------------------------------
MAX_UPLOAD_SIZE = ENV.max_upload_mb * 1024 * 1024
WAGTAILDOCS_MAX_UPLOAD_SIZE = MAX_UPLOAD_SIZE
WAGTAILIMAGES_MAX_UPLOAD_SIZE = MAX_UPLOAD_SIZE
# Documents are publications and their files: office formats, PDFs, videos and captions.
# Documents always go through Wagtail's view and its privacy checks, also from an S3 bucket.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = [
    "pdf", "odt", "docx", "pptx", "xlsx", "rtf", "txt", "csv", "epub", "mp4", "webm", "vtt",
]  # fmt: skip
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Wagtail -----------------------------------------------------------------
WAGTAIL_SITE_NAME = "Nordpeer"
# The site's address outside a request: frame-ancestors of the players, xAPI activity ids, e-mail
# links. Production requires BASE_URL; development and the demo run on this one.
WAGTAILADMIN_BASE_URL = ENV.base_url or "http://127.0.0.1:8000"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE = "synced"

# Machine translation in wagtail-localize's editor: DeepL with the glossary, only with a key.
DEEPL_API_KEY = ENV.deepl_api_key
DEEPL_API_URL = ENV.deepl_api_url
# Starting a translation makes a draft, published once its strings are translated (translation_flow.py).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = (
    {
        "CLASS": "website.machine_translation.GlossaryDeepLTranslator",
        "OPTIONS": {"AUTH_KEY": DEEPL_API_KEY, "API_URL": DEEPL_API_URL},
    }
    if DEEPL_API_KEY
    else None
)

# Learning statements go on to this external LRS (xAPI 1.0.3) when an endpoint is set.
LRS_ENDPOINT = ENV.lrs_endpoint
LRS_USERNAME = ENV.lrs_username
LRS_PASSWORD = ENV.lrs_password

# --- Search --------------------------------------------------------------------
# Elasticsearch when ELASTICSEARCH_URL is set; otherwise the index lives in the database.
SEARCH_ELASTICSEARCH_URL = ENV.elasticsearch_url
#: The alias searches go to; each rebuild makes a new index behind it.
SEARCH_ELASTICSEARCH_INDEX = "nordpeer"

# Tasks run in the request until a worker is configured (production overrides).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Redis when REDIS_URL is set, so every process sees one cache; otherwise each has its own.
# Anonymous readers' pages go to a cache all processes share in any case (website.page_cache).
CACHES = {"default": shared_cache(ENV), "pages": page_cache(ENV), "sessions": session_cache(ENV)}
PAGE_CACHE_SECONDS = ENV.page_cache_seconds
# Sessions read from a cache every process shares (Redis, else files), written through to the
# database: a signed-in request reads its session without a query.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_CACHE_ALIAS = "sessions"
# Django's model permissions, a person's and their groups' read in one query instead of two.
# Django's ModelBackend stays listed: sessions signed in before this backend existed name it, and
# dropping it would sign every learner out on upgrade. It reads the permissions the first backend
# already cached on the user (``_perm_cache``), so it costs no query.
AUTHENTICATION_BACKENDS = [
    "website.permission_backend.OneQueryModelBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# --- Learning (lms) -------------------------------------------------------------
# Largest body the statements API accepts (bytes): 50 statements fit easily.
LMS_MAX_STATEMENT_BYTES = 64 * 1024
# Bulk enrolment CSV: at most this many people and bytes per file.
LMS_BULK_ENROLMENT_MAX_ROWS = 1000
LMS_BULK_ENROLMENT_MAX_BYTES = 512 * 1024

# --- Interactive content (H5P, SCORM) ----------------------------------------------
# Origin serving unpacked packages; empty: the site serves them into a sandboxed frame.
CONTENT_ORIGIN = ENV.content_origin
#: How often H5P saves a learner's answers while they work, in seconds.
H5P_SAVE_SECONDS = 5
#: Other sites' origins that H5P/SCORM content may load from (its CSP); empty by default.
LMS_CONTENT_EXTERNAL_ORIGINS = ENV.content_external_origins
# How long a learner's content session (a player opened in a lesson) stays valid (seconds).
LMS_CONTENT_GRANT_MAX_AGE = 12 * 60 * 60
# How long the one-use launch link a lesson page puts in its content frame may wait to be opened.
LMS_CONTENT_LAUNCH_MAX_AGE = 60
# The most an H5P exercise may save for one learner to resume (its contentUserData), in bytes.
LMS_H5P_MAX_STATE_BYTES = 256 * 1024
# Limits an uploaded package must keep (checked before anything is unpacked).
LMS_PACKAGE_MAX_UPLOAD_BYTES = 500 * 1024 * 1024
LMS_PACKAGE_MAX_TOTAL_BYTES = 1024 * 1024 * 1024
LMS_PACKAGE_MAX_FILES = 5000
LMS_PACKAGE_MAX_FILE_BYTES = 500 * 1024 * 1024
LMS_PACKAGE_MAX_RATIO = 100
# Largest SCORM commit (bytes): SCORM 2004 allows 64,000 characters of suspend data alone.
LMS_SCORM_MAX_COMMIT_BYTES = 128 * 1024

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "website": {"level": "INFO"},
        "lms": {"level": "INFO"},
        "search": {"level": "INFO"},
    },
}

# --- Rate limits (website.ratelimits) -------------------------------------------
# (events, seconds) per key, counted in the default cache: Redis in production, so all
# workers share the counts. Sign-in counts failures only. Per-address limits are higher
# than per-account ones because a classroom or an office comes from behind one address.
RATELIMIT_LOGIN_FAILURES_PER_ACCOUNT = (10, 60)
RATELIMIT_LOGIN_FAILURES_PER_ADDRESS = (30, 60)
RATELIMIT_PASSWORD_RESETS_PER_EMAIL = (5, 60 * 60)
RATELIMIT_PASSWORD_RESETS_PER_ADDRESS = (20, 60 * 60)
RATELIMIT_VERIFY_PER_ADDRESS = (60, 60)
# Statements: 20 a second per account, sustained (a learner's player sends a few a minute;
# an import tool posting one learner's history sends many), and per address only a flood
# guard near what the server can take: an integration or a school's network posts for many
# learners from one address, and each of them is already limited per account.
RATELIMIT_STATEMENTS_PER_ACCOUNT = (1200, 60)
RATELIMIT_STATEMENTS_PER_ADDRESS = (60_000, 60)
# Behind a reverse proxy, the header it writes the client's address into (e.g. X-Forwarded-For);
# empty: REMOTE_ADDR. Only set it when every request passes the proxy, or clients can forge it.
RATELIMIT_CLIENT_IP_HEADER = ENV.client_ip_header
WAGTAILADMIN_USER_LOGIN_FORM = "website.admin_login.ThrottledAdminLoginForm"

# --- Content-Security-Policy (django-csp; website.content_security) ---------------
# Site pages: nothing inline but nonce'd scripts; players come from the content origin.
# The admin gets inline styles and scripts on top (website.content_security explains why).
# lms.content sets its own, stricter policy on the content responses; those are kept.
_MEDIA_ORIGINS = media_origins(ENV.s3_endpoint_url, ENV.s3_media_bucket)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:", "blob:", *_MEDIA_ORIGINS],
        "media-src": [SELF, "blob:", *_MEDIA_ORIGINS],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        # The content origin is added per request (website.content_security).
        "frame-src": [SELF],
        "worker-src": [SELF, "blob:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        # Wagtail's live preview shows pages in a same-origin frame.
        "frame-ancestors": [SELF],
    },
}
# Avatars and the update check would make editors' browsers call gravatar.com and
# releases.wagtail.io; they stay off so the admin needs no third-party origin.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
