"""With S3 settings, packages live in a private bucket and reach only an enrolled learner, through the site.

The S3 server is moto's (``moto[server]``, from PyPI), started by these tests on a port the system gives: it
speaks the S3 REST API over HTTP, keeps objects in memory, and enforces ACLs on anonymous requests,
so "nothing publicly readable" is asked of a real server, not of our own settings.
"""

from __future__ import annotations

import uuid
import zipfile
from collections.abc import Iterator
from pathlib import Path
from urllib.error import HTTPError
from urllib.request import urlopen

import boto3
import pytest
from django.conf import settings
from django.test import override_settings

from lms.models import InteractivePackage, PackageStatus
from lms.models.packages import package_storage
from tests.content_factories import H5P_TEST, SessionClient, grant_token, ingest, interactive_lesson
from tests.factories import make_user
from tests.factories_packages import shared_package
from tests.lms_factories import enrol, make_course
from website.settings.environment import read_environment
from website.settings.services import storages_from_environment

pytestmark = pytest.mark.django_db

REGION = "eu-north-1"
PUBLIC_GROUPS = {
    "http://acs.amazonaws.com/groups/global/AllUsers",
    "http://acs.amazonaws.com/groups/global/AuthenticatedUsers",
}


@pytest.fixture(scope="module")
def s3_server() -> Iterator[str]:
    """The server's address. On a free port, not a fixed one: under xdist both workers may start one
    (on a fixed port the second waited for ever: moto's start never returns when it cannot bind)."""
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def s3(s3_server, monkeypatch):
    """Two fresh buckets and the settings the S3 environment variables produce, in force: the client,
    the package bucket, the local storage the upload field had, and the server's address."""
    suffix = uuid.uuid4().hex[:8]
    environment = {
        "S3_ENDPOINT_URL": s3_server,
        "S3_REGION": REGION,
        "S3_ACCESS_KEY_ID": "nordpeer-test",
        "S3_SECRET_ACCESS_KEY": "nordpeer-test-secret",
        "S3_MEDIA_BUCKET": f"nordpeer-media-{suffix}",
        "S3_PACKAGE_BUCKET": f"nordpeer-packages-{suffix}",
    }
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    client = boto3.client(
        "s3",
        endpoint_url=s3_server,
        region_name=REGION,
        aws_access_key_id="nordpeer-test",
        aws_secret_access_key="nordpeer-test-secret",
    )
    for bucket in (environment["S3_MEDIA_BUCKET"], environment["S3_PACKAGE_BUCKET"]):
        client.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": REGION})
    storages = storages_from_environment(read_environment())
    # The upload field took its storage when the model was defined; point it at the bucket as a
    # process started with these settings would have.
    upload_field = InteractivePackage._meta.get_field("upload")
    local_storage = upload_field.storage
    with override_settings(STORAGES={**settings.STORAGES, **storages}):
        upload_field.storage = package_storage()
        try:
            yield client, environment["S3_PACKAGE_BUCKET"], local_storage, s3_server
        finally:
            upload_field.storage = local_storage


def keys(client, bucket: str) -> list[str]:
    pages = client.get_paginator("list_objects_v2").paginate(Bucket=bucket)
    return [item["Key"] for page in pages for item in page.get("Contents", [])]


def anonymous_status(url: str) -> int:
    try:
        with urlopen(url) as response:  # noqa: S310 -- our own test server
            return response.status
    except HTTPError as error:
        return error.code


def test_without_both_buckets_files_stay_local(monkeypatch):
    monkeypatch.setenv("S3_MEDIA_BUCKET", "media-only")
    monkeypatch.delenv("S3_PACKAGE_BUCKET", raising=False)
    assert storages_from_environment(read_environment()) is None


def test_the_package_store_is_private_and_signs_its_urls(monkeypatch):
    monkeypatch.setenv("S3_MEDIA_BUCKET", "media")
    monkeypatch.setenv("S3_PACKAGE_BUCKET", "packages")
    storages = storages_from_environment(read_environment())
    packages = storages["packages"]["OPTIONS"]
    assert storages["packages"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert (packages["bucket_name"], packages["default_acl"], packages["querystring_auth"]) == (
        "packages",
        "private",
        True,
    )
    assert packages["file_overwrite"] is False
    assert storages["default"]["OPTIONS"]["bucket_name"] == "media"


def test_a_real_package_in_the_bucket_reaches_its_learner_only(s3, home):
    client, bucket, local_storage, _endpoint = s3
    course = make_course(home)
    learner = make_user("s3-learner")
    enrol(learner, course.page)

    package = ingest(H5P_TEST, title="True or false?")

    # Ingested into the bucket: the upload and every unpacked file; nothing on the local disk.
    stored = keys(client, bucket)
    assert package.upload.name in stored
    unpacked = [key for key in stored if key.startswith(package.folder)]
    assert len(unpacked) == package.file_count > 10
    assert not (Path(local_storage.location) / package.folder).exists()

    lesson = interactive_lesson(course.modules[0], package)
    url = f"/content/s/{grant_token(learner, lesson, package)}/files/"
    with zipfile.ZipFile(shared_package(H5P_TEST)) as archive:
        h5p_json = archive.read("h5p.json")
        largest = max(archive.infolist(), key=lambda info: info.file_size)
        largest_bytes = archive.read(largest)

    response = SessionClient().get(url + "h5p.json")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == h5p_json
    assert response["Content-Length"] == str(len(h5p_json))

    # Ranges come from the bucket as ranges, for the largest file of the package.
    response = SessionClient().get(url + largest.filename, HTTP_RANGE="bytes=100-4195")
    assert response.status_code == 206
    assert b"".join(response.streaming_content) == largest_bytes[100:4196]
    assert response["Content-Range"] == f"bytes 100-4195/{largest.file_size}"
    response = SessionClient().get(url + largest.filename, HTTP_RANGE="bytes=-50")
    assert b"".join(response.streaming_content) == largest_bytes[-50:]
    assert SessionClient().get(url + "content/", HTTP_RANGE="").status_code == 404  # a folder is no file
    assert SessionClient().get(url + "no-such-file.js").status_code == 404

    # Someone signed in but not enrolled is refused, though the file is there.
    outsider = make_user("s3-outsider")
    response = SessionClient().get(f"/content/s/{grant_token(outsider, lesson, package)}/files/h5p.json")
    assert response.status_code == 403


def test_the_bucket_holds_nothing_publicly_readable(s3):
    client, bucket, _local, endpoint = s3
    package = ingest(H5P_TEST, title="True or false?")
    assert package.status == PackageStatus.READY
    stored = keys(client, bucket)
    assert stored

    for key in stored:
        grants = client.get_object_acl(Bucket=bucket, Key=key)["Grants"]
        assert not [g for g in grants if g["Grantee"].get("URI") in PUBLIC_GROUPS], key
        assert anonymous_status(f"{endpoint}/{bucket}/{key}") == 403, key
    # Any URL the storage hands out is signed and short-lived, never a plain public one.
    signed = package_storage().url(package.folder + "h5p.json")
    assert "Signature" in signed and ("X-Amz-Expires=60" in signed or "Expires=" in signed)

    # The server does enforce ACLs: an object made public is readable anonymously.
    client.put_object(Bucket=bucket, Key="control/public.txt", Body=b"public", ACL="public-read")
    assert anonymous_status(f"{endpoint}/{bucket}/control/public.txt") == 200


def test_deleting_a_package_removes_its_objects(s3, django_capture_on_commit_callbacks):
    client, bucket, _local, _endpoint = s3
    package = ingest(H5P_TEST, title="True or false?")
    assert any(key.startswith(f"content/{package.uuid}/") for key in keys(client, bucket))
    with django_capture_on_commit_callbacks(execute=True):
        package.delete()
    assert keys(client, bucket) == []
