"""Origins the Content-Security-Policy of site pages needs beyond its own (see base.py)."""

from __future__ import annotations

from urllib.parse import urlsplit


def media_origins(endpoint_url: str, bucket: str) -> list[str]:
    """Where images and videos come from when media live in an S3 bucket (none on local disk).

    django-storages builds object URLs on the endpoint, path style or with the bucket as
    a subdomain; AWS itself answers at <bucket>.s3.amazonaws.com.
    """
    if not bucket:
        return []
    if not endpoint_url:
        return [f"https://{bucket}.s3.amazonaws.com", "https://s3.amazonaws.com"]
    parts = urlsplit(endpoint_url)
    return [f"{parts.scheme}://{parts.netloc}", f"{parts.scheme}://{bucket}.{parts.netloc}"]
