"""Settings of a real ``db_worker`` subprocess started by the worker tests.

The test settings, with the database task backend, and the package storage folder of the test
process that started it (passed in ``NORDPEER_TEST_PACKAGE_ROOT``), so both see the same files.
"""

import os

from website.settings.test import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
STORAGES = {
    **STORAGES,  # noqa: F405
    "packages": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": os.environ["NORDPEER_TEST_PACKAGE_ROOT"], "base_url": None},
    },
}
LOGGING = {**LOGGING, "loggers": {**LOGGING["loggers"], "operations": {"level": "INFO"}}}  # noqa: F405
