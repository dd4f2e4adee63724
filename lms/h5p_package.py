"""H5P files: h5p.json and content/content.json, the libraries they need, and the file types H5P allows.

An H5P file is a zip with ``h5p.json`` at its root, the content in ``content/`` and each
library in a folder ``<machineName>-<major>.<minor>`` with its ``library.json``. The
checks follow H5P core's validator: the same allowed extensions, and names starting
with "." or "_" (``__MACOSX``, ``.DS_Store``) left out rather than unpacked.

Editor dependencies (``editorDependencies``) are not required: the player
(h5p-standalone) never loads H5P's editor, and exports often leave them out.
"""

from __future__ import annotations

import json
import posixpath
import re
import zipfile

from django.utils.translation import gettext as _

from lms.package_archive import Entry, PackageRefused, list_names, read_small

#: H5P core's default whitelist for content files (H5PCore::$defaultContentWhitelist).
_CONTENT_WHITELIST = (
    "json png jpg jpeg gif bmp tif tiff svg eot ttf woff woff2 otf webm mp4 ogg mp3 m4a wav txt pdf rtf "
    "doc docx xls xlsx ppt pptx odt ods odp xml csv diff patch swf md textile vtt webvtt"
)
CONTENT_EXTENSIONS = frozenset(_CONTENT_WHITELIST.split())
#: Libraries may carry code as well (H5PCore::$defaultLibraryWhitelistExtras).
LIBRARY_EXTENSIONS = CONTENT_EXTENSIONS | {"js", "css"}
#: Where dependencies are listed, in h5p.json and in each library.json, that the player needs.
RUNTIME_DEPENDENCY_KEYS = ("preloadedDependencies", "dynamicDependencies")
MAX_JSON_BYTES = 16 * 1024 * 1024
_MACHINE_NAME = re.compile(r"^[\w.-]{1,255}$")
#: H5P core's rule for a library's language files (H5PValidator::getLibraryData): "nb.json", "zh-hans.json".
_LANGUAGE_FILE = re.compile(r"^(-?[a-z]+){1,7}\.json$", re.IGNORECASE)


def is_h5p(entries_by_path: dict[str, Entry]) -> bool:
    return "h5p.json" in entries_by_path


def is_left_out(path: str) -> bool:
    """Whether H5P leaves this file out: any part of its path starts with "." or "_"."""
    return any(segment.startswith((".", "_")) for segment in path.split("/"))


def read_h5p(archive: zipfile.ZipFile, entries: list[Entry]) -> tuple[dict, list[Entry]]:
    """Check an H5P file; its manifest and the entries to unpack. Raises ``PackageRefused``."""
    kept = [entry for entry in entries if not is_left_out(entry.path)]
    by_path = {entry.path: entry for entry in kept}
    h5p = _read_json(archive, by_path, "h5p.json")
    if "content/content.json" not in by_path:
        raise PackageRefused(_("The H5P file has no content/content.json, so it has no content to show."))
    _read_json(archive, by_path, "content/content.json")
    _check_file_types(kept)

    title = h5p.get("title")
    main_library = h5p.get("mainLibrary")
    if not isinstance(title, str) or not isinstance(main_library, str) or not main_library:
        raise PackageRefused(_("The H5P file’s h5p.json lacks its title or its main library (mainLibrary)."))
    libraries = _resolve_libraries(archive, by_path, h5p)
    main_folder = next(
        (folder for folder in libraries if folder.rsplit("-", 1)[0] == main_library),
        None,
    )
    if main_folder is None:
        raise PackageRefused(
            _("The H5P file’s main library %(library)s is not among its dependencies in h5p.json.")
            % {"library": main_library}
        )
    embed_types = h5p.get("embedTypes")
    manifest = {
        "kind": "h5p",
        "title": title,
        "main_library": main_library,
        "main_library_version": main_folder.rsplit("-", 1)[1],
        "embed_types": [str(kind) for kind in embed_types] if isinstance(embed_types, list) else [],
        "libraries": libraries,
    }
    return manifest, kept


def _read_json(archive: zipfile.ZipFile, by_path: dict[str, Entry], path: str) -> dict:
    entry = by_path.get(path)
    if entry is None:
        raise PackageRefused(_("The H5P file has no %(name)s.") % {"name": path})
    try:
        data = json.loads(read_small(archive, entry, MAX_JSON_BYTES).decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise PackageRefused(
            _("%(name)s in the H5P file is not valid JSON: %(error)s") % {"name": path, "error": error}
        ) from None
    if not isinstance(data, dict):
        raise PackageRefused(_("%(name)s in the H5P file is not a JSON object.") % {"name": path})
    return data


def _check_file_types(entries: list[Entry]) -> None:
    """Only the file types H5P core allows; library folders may also hold scripts and styles."""
    refused = []
    for entry in entries:
        if entry.path == "h5p.json":
            continue
        folder = entry.path.split("/", 1)[0] if "/" in entry.path else ""
        allowed = LIBRARY_EXTENSIONS if folder and folder != "content" else CONTENT_EXTENSIONS
        extension = posixpath.splitext(entry.path)[1].lstrip(".").lower()
        if extension not in allowed:
            refused.append(entry.path)
    if refused:
        raise PackageRefused(
            _("The H5P file holds files of types H5P does not allow: %(names)s.")
            % {"names": list_names(refused)}
        )


def _dependency_folder(dependency: object) -> tuple[str, str] | None:
    """("H5P.TrueFalse-1.6", "H5P.TrueFalse 1.6") for one dependency entry, None if it is malformed."""
    if not isinstance(dependency, dict):
        return None
    name = dependency.get("machineName")
    major, minor = dependency.get("majorVersion"), dependency.get("minorVersion")
    if not isinstance(name, str) or not _MACHINE_NAME.match(name):
        return None
    try:
        major, minor = int(major), int(minor)
    except (TypeError, ValueError):
        return None
    return f"{name}-{major}.{minor}", f"{name} {major}.{minor}"


def _dependencies(document: dict, where: str) -> list[tuple[str, str]]:
    found = []
    for key in RUNTIME_DEPENDENCY_KEYS:
        listed = document.get(key) or []
        if not isinstance(listed, list):
            raise PackageRefused(_("%(name)s lists its dependencies wrongly.") % {"name": where})
        for dependency in listed:
            folder = _dependency_folder(dependency)
            if folder is None:
                raise PackageRefused(_("%(name)s lists its dependencies wrongly.") % {"name": where})
            found.append(folder)
    return found


def _resolve_libraries(archive: zipfile.ZipFile, by_path: dict[str, Entry], h5p: dict) -> list[str]:
    """The library folders the content needs, following each library's own dependencies."""
    needed: list[str] = []
    missing: list[str] = []
    queue = _dependencies(h5p, "h5p.json")
    while queue:
        folder, label = queue.pop(0)
        if folder in needed or label in missing:
            continue
        library_json = f"{folder}/library.json"
        if library_json not in by_path:
            missing.append(label)
            continue
        needed.append(folder)
        library = _read_json(archive, by_path, library_json)
        _check_library(folder, library, by_path)
        queue.extend(_dependencies(library, library_json))
    if missing:
        raise PackageRefused(
            _("The H5P file lacks libraries its content needs: %(libraries)s.")
            % {"libraries": list_names(missing)}
        )
    return needed


def _check_library(folder: str, library: dict, by_path: dict[str, Entry]) -> None:
    """H5P validator's rules for a library: a title, its preloaded files there, language files named right."""
    library_json = f"{folder}/library.json"
    title = library.get("title")
    if not isinstance(title, str) or not title.strip():
        raise PackageRefused(_("%(name)s gives the library no title.") % {"name": library_json})
    for key in ("preloadedJs", "preloadedCss"):
        listed = library.get(key) or []
        wrongly = _("%(name)s lists its %(key)s wrongly.") % {"name": library_json, "key": key}
        if not isinstance(listed, list):
            raise PackageRefused(wrongly)
        for preloaded in listed:
            path = preloaded.get("path") if isinstance(preloaded, dict) else None
            if not isinstance(path, str) or not path:
                raise PackageRefused(wrongly)
            wanted = posixpath.normpath(f"{folder}/{path}")
            if wanted not in by_path:
                raise PackageRefused(
                    _("%(name)s names the file %(file)s in %(key)s, which is not in the H5P file.")
                    % {"name": library_json, "file": wanted, "key": key}
                )
    prefix = f"{folder}/language/"
    for path in by_path:
        name = path[len(prefix) :]
        if path.startswith(prefix) and "/" not in name and not _LANGUAGE_FILE.match(name):
            raise PackageRefused(
                _("The language file %(file)s has a name H5P does not accept (such as “nb.json”).")
                % {"file": path}
            )
