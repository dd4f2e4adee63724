"""Every environment variable the project reads, declared once with its type and default.

Settings modules import ``ENV`` from here and never touch ``os.environ`` themselves,
so `.env.example` can list the complete set.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def _text(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def _flag(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ValueError(f"{name} must be true or false, not {raw!r}")


def _number(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return int(raw)
    except ValueError:
        raise ValueError(f"{name} must be a whole number, not {raw!r}") from None


def _list(name: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


@dataclass(frozen=True)
class Environment:
    #: Django's signing key; production refuses to start without it.
    secret_key: str
    #: Host names the site answers to, comma separated; required in production.
    allowed_hosts: list[str]
    #: Origins trusted for CSRF behind a proxy, e.g. https://nordpeer.example.
    csrf_trusted_origins: list[str]
    #: sqlite:///path or postgres://user@host:port/name; SQLite in the project folder by default.
    database_url: str
    #: PostgreSQL: prepare the statements a connection sends often (planned once, not every time).
    database_prepared_statements: bool
    #: The site's absolute base URL (https://nordpeer.example): frame-ancestors, xAPI activity ids,
    #: e-mail links. Required in production; development uses http://127.0.0.1:8000.
    base_url: str
    #: Largest accepted upload (documents, images, caption files), in megabytes.
    max_upload_mb: int
    #: Where uploaded media are stored in development and tests.
    media_root: Path
    #: Redirect plain HTTP to HTTPS in production (off when TLS ends before a proxy that does it).
    secure_ssl_redirect: bool
    #: Folder with the external H5P/SCORM test packages; tests that need it skip without it.
    testdata_dir: Path
    #: Elasticsearch for search, e.g. http://127.0.0.1:9200; unset: search runs in the database.
    elasticsearch_url: str
    #: Where search's dictionaries are built (search.lexicon_store); unset: the user's cache folder.
    search_lexicon_dir: str
    #: An external LRS's xAPI endpoint (ending in /xAPI or similar); statements are forwarded when set.
    lrs_endpoint: str
    #: Basic-auth key and secret for the external LRS.
    lrs_username: str
    lrs_password: str
    #: SMTP server for password links and notices, e.g. smtp://user:password@host:587 (TLS on 587).
    email_url: str
    #: The sender of the site's e-mails.
    default_from_email: str
    #: DeepL API key for machine translation; none means machine translation is off.
    deepl_api_key: str
    #: DeepL API base URL; by default chosen from the key (free keys end in ":fx").
    deepl_api_url: str
    #: Origin that serves unpacked H5P/SCORM content, e.g. https://content.nordpeer.example;
    #: unset: content is served by the site itself inside a sandboxed frame.
    content_origin: str
    #: Other sites content may load from (a CDN's jQuery, YouTube's player API), comma separated
    #: origins such as https://www.youtube.com; none by default. Uploads list what they load.
    content_external_origins: list[str]
    #: Where unpacked H5P/SCORM packages are stored (local storage); never served as plain media.
    package_root: Path
    #: Header a trusted reverse proxy puts the client's address in (e.g. X-Forwarded-For), used
    #: by the rate limits; unset: the connection's address. Set it only behind such a proxy.
    client_ip_header: str
    #: Where `collectstatic` puts the static files the app server sends (WhiteNoise).
    static_root: Path
    #: Address and port the application server (gunicorn, `make serve`) listens on.
    host: str
    port: int
    #: Application worker processes of `make serve` (gunicorn's own variable).
    web_concurrency: int
    #: Redis for the shared cache (rate limits, glossary), e.g. redis://127.0.0.1:6379/0; unset: per process.
    redis_url: str
    #: Seconds an anonymous reader's copy of a public page is kept (website.page_cache); 0: off.
    page_cache_seconds: int
    #: Where the page cache keeps its files when REDIS_URL is unset (private: never under MEDIA_ROOT).
    page_cache_dir: Path
    #: S3-compatible object storage; with both buckets set, media and packages live there, not on disk.
    s3_endpoint_url: str
    s3_region: str
    s3_access_key_id: str
    s3_secret_access_key: str
    #: Bucket of media (images, documents); documents are still served through the site's checks.
    s3_media_bucket: str
    #: Private bucket of H5P/SCORM uploads and their unpacked files (no public reads at all).
    s3_package_bucket: str


def read_environment() -> Environment:
    return Environment(
        secret_key=_text("SECRET_KEY"),
        allowed_hosts=_list("ALLOWED_HOSTS"),
        csrf_trusted_origins=_list("CSRF_TRUSTED_ORIGINS"),
        database_url=_text("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        database_prepared_statements=_flag("DATABASE_PREPARED_STATEMENTS", True),
        base_url=_text("BASE_URL").rstrip("/"),
        max_upload_mb=_number("MAX_UPLOAD_MB", 50),
        media_root=Path(_text("MEDIA_ROOT", str(BASE_DIR / "media"))),
        secure_ssl_redirect=_flag("SECURE_SSL_REDIRECT", True),
        testdata_dir=Path(_text("TESTDATA_DIR", str(BASE_DIR.parent / "shared" / "testdata"))),
        elasticsearch_url=_text("ELASTICSEARCH_URL"),
        search_lexicon_dir=_text("SEARCH_LEXICON_DIR"),
        lrs_endpoint=_text("LRS_ENDPOINT").rstrip("/"),
        lrs_username=_text("LRS_USERNAME"),
        lrs_password=_text("LRS_PASSWORD"),
        email_url=_text("EMAIL_URL"),
        default_from_email=_text("DEFAULT_FROM_EMAIL", "Nordpeer <noreply@localhost>"),
        deepl_api_key=_text("DEEPL_API_KEY"),
        deepl_api_url=_text("DEEPL_API_URL").rstrip("/"),
        content_origin=_text("CONTENT_ORIGIN").rstrip("/"),
        content_external_origins=[origin.rstrip("/") for origin in _list("CONTENT_EXTERNAL_ORIGINS")],
        package_root=Path(_text("PACKAGE_ROOT", str(BASE_DIR / "packages"))),
        client_ip_header=_text("TRUSTED_CLIENT_IP_HEADER"),
        static_root=Path(_text("STATIC_ROOT", str(BASE_DIR / "static"))),
        host=_text("HOST", "127.0.0.1"),
        port=_number("PORT", 8000),
        web_concurrency=_number("WEB_CONCURRENCY", 2),
        redis_url=_text("REDIS_URL"),
        page_cache_seconds=_number("PAGE_CACHE_SECONDS", 600),
        page_cache_dir=Path(_text("PAGE_CACHE_DIR", str(BASE_DIR / "page-cache"))),
        s3_endpoint_url=_text("S3_ENDPOINT_URL").rstrip("/"),
        s3_region=_text("S3_REGION"),
        s3_access_key_id=_text("S3_ACCESS_KEY_ID"),
        s3_secret_access_key=_text("S3_SECRET_ACCESS_KEY"),
        s3_media_bucket=_text("S3_MEDIA_BUCKET"),
        s3_package_bucket=_text("S3_PACKAGE_BUCKET"),
    )


ENV = read_environment()
