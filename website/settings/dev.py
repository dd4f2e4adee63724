"""Development: nothing to set, SQLite and local media, a fixed non-secret key."""

from urllib.parse import urlsplit

from .base import *  # noqa: F403
from .environment import ENV

DEBUG = True
SECRET_KEY = ENV.secret_key or "development-only-key-not-for-production"  # noqa: S105
ALLOWED_HOSTS = ENV.allowed_hosts or ["127.0.0.1", "localhost", "[::1]"]
# Uploaded H5P/SCORM content runs on another origin than the site, as in production: the demo
# site is http://127.0.0.1:8000 and its content http://localhost:8000, two names of one server.
CONTENT_ORIGIN = ENV.content_origin or "http://localhost:8000"
if urlsplit(CONTENT_ORIGIN).hostname not in ALLOWED_HOSTS:
    ALLOWED_HOSTS = [*ALLOWED_HOSTS, urlsplit(CONTENT_ORIGIN).hostname]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# No page cache while templates are being edited: a change shows on the next reload.
PAGE_CACHE_SECONDS = 0
