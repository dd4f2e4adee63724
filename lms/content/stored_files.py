"""Reading a package's file from whichever storage holds it, in ranges, without a local path.

Local storage opens the file. On S3 (django-storages) opening would download the whole object
before the first byte is sent, and again for every seek a video player makes; instead the
reader asks the bucket for exactly the bytes wanted (a ranged GET) and streams the answer.
"""

from __future__ import annotations

import io
from typing import BinaryIO

from django.core.files.storage import Storage


def is_object_storage(storage: Storage) -> bool:
    """Whether ``storage`` is django-storages' S3 backend (imported lazily: boto3 is slow to load)."""
    if not type(storage).__module__.startswith("storages.backends.s3"):
        return False
    from storages.backends.s3 import S3Storage

    return isinstance(storage, S3Storage)


class RangedObjectReader(io.RawIOBase):
    """A read-only, seekable file over one S3 object: each read after a seek is one ranged GET."""

    def __init__(self, storage: Storage, name: str, size: int) -> None:
        from storages.utils import clean_name

        super().__init__()
        self.client = storage.bucket.meta.client
        self.bucket = storage.bucket_name
        # The storage's own mapping of a name to its key (the configured location prefix).
        self.key = storage._normalize_name(clean_name(name))
        self.name = name
        self.size = size
        self.position = 0
        self.body = None

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self.position

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self.position, io.SEEK_END: self.size}[whence]
        position = max(0, base + offset)
        if position != self.position:
            self._drop_body()
            self.position = position
        return self.position

    def read(self, size: int = -1) -> bytes:
        if self.position >= self.size or size == 0:
            return b""
        if self.body is None:
            answer = self.client.get_object(Bucket=self.bucket, Key=self.key, Range=f"bytes={self.position}-")
            self.body = answer["Body"]
        data = self.body.read(size if size is not None and size > 0 else None)
        self.position += len(data)
        return data

    def readinto(self, buffer) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def _drop_body(self) -> None:
        if self.body is not None:
            self.body.close()
            self.body = None

    def close(self) -> None:
        self._drop_body()
        super().close()


def open_stored(storage: Storage, name: str) -> tuple[BinaryIO, int]:
    """The open file ``name`` of ``storage`` and its size; FileNotFoundError (an OSError) if absent."""
    size = storage.size(name)
    if is_object_storage(storage):
        return RangedObjectReader(storage, name, size), size
    return storage.open(name, "rb"), size
