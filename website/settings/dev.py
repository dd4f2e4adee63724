"""Development: nothing to set, SQLite and local media, a fixed non-secret key."""

from .base import *  # noqa: F403
from .environment import ENV

DEBUG = True
SECRET_KEY = ENV.secret_key or "development-only-key-not-for-production"  # noqa: S105
ALLOWED_HOSTS = ENV.allowed_hosts or ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
