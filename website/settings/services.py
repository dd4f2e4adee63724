"""The back-end services the settings choose from the environment: the shared caches and object storage.

Kept apart from ``base.py`` so the choice (Redis or per-process memory, S3 buckets or local
folders) is one readable function each, and tests can build the settings a given environment
would produce.
"""

from __future__ import annotations

from typing import Any

from .environment import Environment

#: Seconds to wait for Redis: an unreachable cache fails fast (and /healthz/ says so) instead of hanging.
REDIS_TIMEOUT_SECONDS = 2


def shared_cache(env: Environment) -> dict[str, Any]:
    """Django's Redis cache when REDIS_URL is set (shared by every process), else local memory."""
    if not env.redis_url:
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    return {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": env.redis_url,
        "KEY_PREFIX": "nordpeer",
        "OPTIONS": {
            "socket_connect_timeout": REDIS_TIMEOUT_SECONDS,
            "socket_timeout": REDIS_TIMEOUT_SECONDS,
        },
    }


#: Most pages the file-based page cache keeps (a page in each language is one).
PAGE_CACHE_MAX_FILES = 20_000


def page_cache(env: Environment) -> dict[str, Any]:
    """Where whole public pages are kept (website.page_cache): a cache every worker shares.

    Redis when REDIS_URL is set; otherwise files in PAGE_CACHE_DIR, which all the processes of
    one machine share, so an edit in one worker (or the task worker) reaches the others. Never
    per-process memory: another worker would keep serving a page after it changed.
    """
    if env.redis_url:
        return {**shared_cache(env), "KEY_PREFIX": "nordpeer-pages"}
    return {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(env.page_cache_dir),
        "OPTIONS": {"MAX_ENTRIES": PAGE_CACHE_MAX_FILES},
    }


#: Most sessions the file-based session cache keeps; past it, a third are dropped and read from the
#: database again when next used.
SESSION_CACHE_MAX_FILES = 50_000


def session_cache(env: Environment) -> dict[str, Any]:
    """Where signed-in people's sessions are read from (written through to the database).

    Redis when REDIS_URL is set; otherwise files beside the page cache, which every process of the
    machine shares: a sign-out in one worker deletes the file every other worker would read. Never
    per-process memory: a session kept there would outlive a sign-out made in another process.
    """
    if env.redis_url:
        return {**shared_cache(env), "KEY_PREFIX": "nordpeer-sessions"}
    return {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(env.page_cache_dir / "sessions"),
        "OPTIONS": {"MAX_ENTRIES": SESSION_CACHE_MAX_FILES},
    }


def s3_storage(env: Environment, bucket: str, **options: Any) -> dict[str, Any]:
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": env.s3_endpoint_url or None,
            "region_name": env.s3_region or None,
            "access_key": env.s3_access_key_id or None,
            "secret_key": env.s3_secret_access_key or None,
            # Never replace an object of the same name: two uploads called "course.zip" stay two files,
            # and the package extractor relies on a storage that refuses to write over a file.
            "file_overwrite": False,
            **options,
        },
    }


def storages_from_environment(env: Environment) -> dict[str, dict[str, Any]] | None:
    """Media and package storages in S3 buckets when both are configured; None keeps local folders."""
    if not (env.s3_media_bucket and env.s3_package_bucket):
        return None
    return {
        # Media: images are published material, read by URL (public through the bucket's own policy,
        # the operator's choice); documents are served through Wagtail's view and its privacy checks.
        "default": s3_storage(env, env.s3_media_bucket, default_acl=None, querystring_auth=False),
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        # Packages: private objects, and no URL that would work without credentials; learners get
        # their files only through lms.content, which checks the grant and streams them.
        "packages": s3_storage(
            env, env.s3_package_bucket, default_acl="private", querystring_auth=True, querystring_expire=60
        ),
    }
