"""Tests: fast hashing, local memory cache, media in a temporary folder, tasks run immediately."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .environment import ENV

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    # As in production (one process here, so its memory is the shared cache).
    "sessions": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
}
# Off: each test's transaction is rolled back, which no signal reports, so a page stored in one
# test would outlive it. tests/website/test_page_cache*.py turn it on and empty it themselves.
PAGE_CACHE_SECONDS = 0
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="nordpeer-test-media-"))
STORAGES = {
    **STORAGES,  # noqa: F405
    "packages": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": Path(tempfile.mkdtemp(prefix="nordpeer-test-packages-")), "base_url": None},
    },
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks run at once, except Wagtail's admin search and reference index updates (tests/suite_tasks.py).
TASKS = {"default": {"BACKEND": "tests.suite_tasks.SuiteTaskBackend"}}
TESTDATA_DIR = ENV.testdata_dir
# The browser tests wait for H5P's save of an answer: each second, not every five.
H5P_SAVE_SECONDS = 1
WAGTAILADMIN_BASE_URL = "http://testserver"
# The suite posts thousands of statements from one address within a minute; the production
# limits are tested in tests/production/test_rate_limits.py, which sets them back.
RATELIMIT_STATEMENTS_PER_ACCOUNT = (100_000, 60)
RATELIMIT_STATEMENTS_PER_ADDRESS = (100_000, 60)
RATELIMIT_VERIFY_PER_ADDRESS = (100_000, 60)

# SQLite's test database is a file in memory-backed /dev/shm (or the temp folder), not SQLite's
# shared in-memory database: there the live server's threads and the test all share one
# connection, and a request writing while another request or the test reads fails ("database
# table is locked", "no such savepoint"). With a file, every thread has its own connection,
# under WAL and the busy timeout, as every worker has in a deployment. xdist adds _gw<n>.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    _SHM = Path("/dev/shm")  # noqa: S108 -- a throwaway test database, named per process
    _folder = _SHM if _SHM.is_dir() else Path(tempfile.gettempdir())
    DATABASES["default"]["TEST"] = {"NAME": str(_folder / f"nordpeer-test-{os.getpid()}.sqlite3")}  # noqa: F405
