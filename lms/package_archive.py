"""The zip side of package checks: what an archive holds, judged before a byte is written, then written.

``read_entries`` reads the central directory and refuses anything unsafe (paths that
leave the folder, links and device files, encrypted or oddly compressed entries,
duplicates, sizes and compression ratios beyond the ``LMS_PACKAGE_MAX_*`` settings).
``write_entries`` then copies the accepted files into a storage folder through the
storage API, counting the bytes it really gets, and removes everything it wrote if
anything goes wrong.
"""

from __future__ import annotations

import io
import logging
import posixpath
import re
import stat
import struct
import zipfile
from dataclasses import dataclass
from typing import BinaryIO

from django.conf import settings
from django.core.files import File
from django.core.files.storage import Storage
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

logger = logging.getLogger(__name__)

#: Smaller files are not judged by their compression ratio: they cannot be bombs, and small
#: text files (JSON, SVG) legitimately compress a hundredfold.
RATIO_CHECKED_FROM_BYTES = 1024 * 1024
#: Compression methods Python can read and real packages use.
SUPPORTED_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}
#: How many offending names a message lists before "and N more".
NAMES_IN_MESSAGE = 5
_DRIVE_LETTER = re.compile(r"^[A-Za-z]:")
_EOCD = b"PK\x05\x06"
_ZIP64_LOCATOR = b"PK\x06\x07"


class PackageRefused(Exception):
    """The package cannot be used; the message (already translated) says why, for the editor."""


@dataclass(frozen=True)
class Limits:
    upload_bytes: int
    total_bytes: int
    files: int
    file_bytes: int
    ratio: float

    @classmethod
    def from_settings(cls) -> Limits:
        return cls(
            upload_bytes=settings.LMS_PACKAGE_MAX_UPLOAD_BYTES,
            total_bytes=settings.LMS_PACKAGE_MAX_TOTAL_BYTES,
            files=settings.LMS_PACKAGE_MAX_FILES,
            file_bytes=settings.LMS_PACKAGE_MAX_FILE_BYTES,
            ratio=settings.LMS_PACKAGE_MAX_RATIO,
        )


@dataclass(frozen=True)
class Entry:
    """A regular file of the archive: its safe relative path and its zip record."""

    path: str
    info: zipfile.ZipInfo

    @property
    def size(self) -> int:
        return self.info.file_size


def list_names(names: list[str]) -> str:
    """``a, b, c`` or ``a, b, c, d, e and 3 more``, for messages."""
    shown = ", ".join(names[:NAMES_IN_MESSAGE])
    rest = len(names) - NAMES_IN_MESSAGE
    if rest > 0:
        return ngettext("%(names)s and %(count)s more", "%(names)s and %(count)s more", rest) % {
            "names": shown,
            "count": rest,
        }
    return shown


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}"


def open_archive(fileobj: BinaryIO, limits: Limits) -> zipfile.ZipFile:
    """Open ``fileobj`` as a zip, refusing one too large or holding too many entries to even list."""
    fileobj.seek(0, io.SEEK_END)
    size = fileobj.tell()
    check_upload_size(size, limits)
    declared = _declared_entry_count(fileobj, size)
    # Each entry costs memory when zipfile reads the directory: refuse a huge count before that.
    if declared is not None and declared > limits.files:
        raise _too_many_files(declared, limits)
    fileobj.seek(0)
    try:
        return zipfile.ZipFile(fileobj)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
        raise PackageRefused(_("The file is not a zip archive, or it is damaged.")) from None


def check_upload_size(size: int, limits: Limits) -> None:
    if size > limits.upload_bytes:
        raise PackageRefused(
            _("The file is %(size)s MB; packages may be at most %(max)s MB.")
            % {"size": megabytes(size), "max": megabytes(limits.upload_bytes)}
        )


def _declared_entry_count(fileobj: BinaryIO, size: int) -> int | None:
    """The entry count in the end-of-directory record (zip64 too), or None if it cannot be found."""
    tail_size = min(size, 22 + 65535)
    fileobj.seek(size - tail_size)
    tail = fileobj.read(tail_size)
    end = tail.rfind(_EOCD)
    if end < 0 or len(tail) < end + 22:
        return None
    (count,) = struct.unpack("<H", tail[end + 10 : end + 12])
    locator = end - 20
    if count == 0xFFFF and locator >= 0 and tail[locator : locator + 4] == _ZIP64_LOCATOR:
        (record_offset,) = struct.unpack("<Q", tail[locator + 8 : locator + 16])
        if record_offset + 40 > size:
            return None
        fileobj.seek(record_offset)
        record = fileobj.read(40)
        if record[:4] != b"PK\x06\x06":
            return None
        (count,) = struct.unpack("<Q", record[32:40])
    return count


def _too_many_files(count: int, limits: Limits) -> PackageRefused:
    return PackageRefused(
        _("The package holds %(count)s files and folders; at most %(max)s are allowed.")
        % {"count": count, "max": limits.files}
    )


def safe_path(raw_name: str) -> str:
    """The archive name as a relative posix path inside the folder; ``PackageRefused`` if it is unsafe.

    Backslashes count as separators (zips made on Windows), "." and empty segments are dropped.
    A trailing "/" (a folder) is kept.
    """
    shown = raw_name.replace("\x00", "\\0")
    if not raw_name or any(ord(character) < 32 for character in raw_name):
        raise PackageRefused(
            _("The package holds a file with an invalid name: “%(name)s”.") % {"name": shown}
        )
    name = raw_name.replace("\\", "/")
    if name.startswith("/") or _DRIVE_LETTER.match(name):
        raise PackageRefused(
            _("The package holds a file with an absolute path: “%(name)s”. Paths must be relative.")
            % {"name": shown}
        )
    segments = [segment for segment in name.split("/") if segment not in ("", ".")]
    if ".." in segments:
        raise PackageRefused(
            _("The package holds a path that leads outside its folder: “%(name)s”.") % {"name": shown}
        )
    if not segments:
        raise PackageRefused(
            _("The package holds a file with an invalid name: “%(name)s”.") % {"name": shown}
        )
    path = "/".join(segments)
    return path + "/" if name.endswith("/") else path


def _file_type(info: zipfile.ZipInfo) -> int:
    """The Unix file type in the entry's attributes (0 when the zip tool recorded none)."""
    return stat.S_IFMT(info.external_attr >> 16)


def read_entries(archive: zipfile.ZipFile, limits: Limits) -> list[Entry]:
    """Every regular file of ``archive`` with its safe path, after all checks; folders are left out."""
    infos = archive.infolist()
    if len(infos) > limits.files:
        raise _too_many_files(len(infos), limits)
    entries: list[Entry] = []
    seen: dict[str, str] = {}
    total = 0
    for info in infos:
        path = safe_path(info.filename)
        file_type = _file_type(info)
        if file_type == stat.S_IFLNK:
            raise PackageRefused(
                _("The package holds a symbolic link, which is not allowed: “%(name)s”.") % {"name": path}
            )
        if file_type not in (0, stat.S_IFREG, stat.S_IFDIR):
            raise PackageRefused(
                _("The package holds a special file (a device, pipe or socket): “%(name)s”.") % {"name": path}
            )
        if info.flag_bits & 0x1:
            raise PackageRefused(
                _("The package holds an encrypted file, which cannot be read: “%(name)s”.") % {"name": path}
            )
        key = path.rstrip("/").casefold()
        if key in seen:
            raise PackageRefused(
                _("The package holds “%(name)s” twice (names differing only in capitals count as the same).")
                % {"name": path.rstrip("/")}
            )
        seen[key] = path
        if path.endswith("/") or file_type == stat.S_IFDIR:
            continue
        if info.compress_type not in SUPPORTED_METHODS:
            raise PackageRefused(
                _("The package holds a file compressed in a way that is not supported: “%(name)s”.")
                % {"name": path}
            )
        _check_size(path, info, limits)
        total += info.file_size
        entries.append(Entry(path=path, info=info))
    _check_parents(entries, seen)
    _check_total(entries, total, limits)
    return entries


def _check_size(path: str, info: zipfile.ZipInfo, limits: Limits) -> None:
    if info.file_size > limits.file_bytes:
        raise PackageRefused(
            _("“%(name)s” is %(size)s MB unpacked; a single file may be at most %(max)s MB.")
            % {"name": path, "size": megabytes(info.file_size), "max": megabytes(limits.file_bytes)}
        )
    if info.file_size >= RATIO_CHECKED_FROM_BYTES and info.file_size > limits.ratio * max(
        info.compress_size, 1
    ):
        raise PackageRefused(
            _(
                "“%(name)s” unpacks to more than %(ratio)s times its packed size, which is how zip bombs "
                "look; the package is refused."
            )
            % {"name": path, "ratio": limits.ratio}
        )


def _check_parents(entries: list[Entry], seen: dict[str, str]) -> None:
    """A file may not also be the folder of another file ("a" and "a/b")."""
    files = {entry.path.casefold() for entry in entries}
    for entry in entries:
        parts = entry.path.casefold().split("/")[:-1]
        for depth in range(1, len(parts) + 1):
            parent = "/".join(parts[:depth])
            if parent in files:
                raise PackageRefused(
                    _("The package holds “%(name)s” both as a file and as a folder.") % {"name": seen[parent]}
                )


def _check_total(entries: list[Entry], total: int, limits: Limits) -> None:
    if total > limits.total_bytes:
        raise PackageRefused(
            _("The package unpacks to %(size)s MB; at most %(max)s MB are allowed.")
            % {"size": megabytes(total), "max": megabytes(limits.total_bytes)}
        )
    packed = sum(entry.info.compress_size for entry in entries)
    if total >= RATIO_CHECKED_FROM_BYTES and total > limits.ratio * max(packed, 1):
        raise PackageRefused(
            _(
                "The package unpacks to more than %(ratio)s times its packed size, which is how zip bombs "
                "look; it is refused."
            )
            % {"ratio": limits.ratio}
        )


def read_small(archive: zipfile.ZipFile, entry: Entry, max_bytes: int) -> bytes:
    """The contents of a small file (a manifest) read into memory, refusing one larger than ``max_bytes``."""
    if entry.size > max_bytes:
        raise PackageRefused(
            _("“%(name)s” is too large to be read (at most %(max)s MB).")
            % {"name": entry.path, "max": megabytes(max_bytes)}
        )
    reader = _CountingReader(archive, entry)
    try:
        return reader.read_all()
    finally:
        reader.close()


class _CountingReader(io.RawIOBase):
    """Reads one entry, refusing it as soon as it yields more bytes than its header declared."""

    def __init__(self, archive: zipfile.ZipFile, entry: Entry):
        self.entry = entry
        self.count = 0
        try:
            self.source = archive.open(entry.info)
        except (zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError, EOFError):
            raise _damaged(entry) from None

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        try:
            data = self.source.read(size if size and size > 0 else 64 * 1024)
        except (zipfile.BadZipFile, RuntimeError, OSError, EOFError, ValueError):
            # zlib errors and a failed CRC check both mean the data is not what the header says.
            raise _damaged(self.entry) from None
        self.count += len(data)
        if self.count > self.entry.size:
            raise _damaged(self.entry)
        return data

    def read_all(self) -> bytes:
        chunks = []
        while chunk := self.read(64 * 1024):
            chunks.append(chunk)
        return b"".join(chunks)

    def close(self) -> None:
        self.source.close()
        super().close()


def _damaged(entry: Entry) -> PackageRefused:
    return PackageRefused(
        _("“%(name)s” in the package is damaged: its contents do not match what the zip says about it.")
        % {"name": entry.path}
    )


def write_entries(archive: zipfile.ZipFile, entries: list[Entry], storage: Storage, folder: str) -> int:
    """Copy ``entries`` into ``folder`` of ``storage``; the bytes written. On any failure nothing stays."""
    written: list[str] = []
    total = 0
    try:
        for entry in entries:
            name = folder + entry.path
            # Paths are checked already; this guards the guarantee itself against future edits.
            if not posixpath.normpath(name).startswith(folder.rstrip("/") + "/"):
                raise PackageRefused(
                    _("The package holds a path that leads outside its folder: “%(name)s”.")
                    % {"name": entry.path}
                )
            reader = _CountingReader(archive, entry)
            try:
                content = File(reader, name=posixpath.basename(entry.path))
                content.size = entry.size
                saved = storage.save(name, content)
            finally:
                reader.close()
            written.append(saved)
            if saved != name:
                raise RuntimeError(f"storage saved {name!r} as {saved!r}: the folder was not empty")
            if reader.count != entry.size:
                raise _damaged(entry)
            total += reader.count
    except BaseException:
        for name in written:
            storage.delete(name)
        remove_folder(storage, folder)
        remove_if_empty(storage, posixpath.dirname(folder.rstrip("/")) + "/")
        raise
    return total


def remove_if_empty(storage: Storage, folder: str) -> None:
    """Delete ``folder`` if nothing is in it (local storage keeps empty directories)."""
    try:
        directories, files = storage.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return
    if not directories and not files:
        storage.delete(folder.rstrip("/"))


def remove_folder(storage: Storage, folder: str) -> None:
    """Delete everything under ``folder`` (ending in "/") in ``storage``, and the folder itself."""
    try:
        directories, files = storage.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return
    for file_name in files:
        storage.delete(folder + file_name)
    for directory in directories:
        remove_folder(storage, f"{folder}{directory}/")
    # Local storage keeps empty directories (and deletes one when asked); object stores have none.
    try:
        storage.delete(folder.rstrip("/"))
    except OSError as error:
        logger.warning("Could not remove the folder %s: %s", folder, error)
