"""Production: everything from the environment; refuses to start without a key and hosts."""

from urllib.parse import unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .environment import ENV

if not ENV.secret_key:
    raise ImproperlyConfigured("SECRET_KEY must be set in production (see .env.example).")
if not ENV.allowed_hosts:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in production (see .env.example).")
# Players' frame-ancestors, xAPI activity ids and e-mail links are built from it: a guessed default
# blocks every player on any other address and writes wrong ids into the learning record for good.
if not ENV.base_url:
    raise ImproperlyConfigured(
        "BASE_URL must be set in production to the site's address, e.g. https://nordpeer.example "
        "(see .env.example)."
    )
WAGTAILADMIN_BASE_URL = ENV.base_url

DEBUG = False
SECRET_KEY = ENV.secret_key
ALLOWED_HOSTS = ENV.allowed_hosts
# CONTENT_ORIGIN is another name of this same server: answer to it too.
if urlsplit(ENV.content_origin).hostname:
    ALLOWED_HOSTS = [*ALLOWED_HOSTS, urlsplit(ENV.content_origin).hostname]
CSRF_TRUSTED_ORIGINS = ENV.csrf_trusted_origins

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = ENV.secure_ssl_redirect
# Load balancers probe /healthz/ over plain HTTP inside the network: answer, do not redirect.
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# Wagtail's live preview shows the page in a same-origin frame, so not DENY.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = [
    "security.W019",  # X_FRAME_OPTIONS is SAMEORIGIN on purpose (see above).
    "security.W021",  # HSTS preload is a commitment for the whole domain: the operator's choice.
]

# Static files from the app server itself (WhiteNoise), on the site and the content origin alike:
# hashed names and gzip copies made by collectstatic; a hashed file is cached for ten years
# (immutable), an unhashed one (a runtime's own lookups by plain name) for an hour.
MIDDLEWARE = [*MIDDLEWARE]  # noqa: F405
MIDDLEWARE.insert(MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
                  "whitenoise.middleware.WhiteNoiseMiddleware")  # fmt: skip
WHITENOISE_MAX_AGE = 60 * 60
# Package checks, LRS forwarding and index updates run in `manage.py db_worker`, not in requests.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Participants set their passwords through e-mailed links; without a server, refuse to pretend.
if not ENV.email_url:
    raise ImproperlyConfigured("EMAIL_URL must be set in production (see .env.example).")
_email = urlsplit(ENV.email_url)
EMAIL_HOST = _email.hostname or ""
EMAIL_PORT = _email.port or 587
EMAIL_HOST_USER = unquote(_email.username or "")
EMAIL_HOST_PASSWORD = unquote(_email.password or "")
EMAIL_USE_TLS = EMAIL_PORT == 587
EMAIL_USE_SSL = EMAIL_PORT == 465
