"""SCORM packages: imsmanifest.xml read safely into the manifest dict that delivery and runtime use.

The XML is parsed by defusedxml with entities and external references forbidden.
Elements and attributes are matched on their local names, so any namespace prefix
works. The default organisation's items become a tree; an item that points at a
resource gets its launch path: ``xml:base`` of the manifest, the resources and the
resource joined to the resource's ``href``, then the item's ``parameters`` added by
the IMS rules. ``read_scorm`` documents the shape of the result.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from urllib.parse import unquote, urlsplit
from xml.etree.ElementTree import Element, ParseError
from xml.parsers.expat import ErrorString

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from django.utils.translation import gettext as _

from lms.package_archive import Entry, PackageRefused, read_small
from lms.scorm_item_data import control_mode, read_item_data, sequencing_collection
from lms.scorm_sequencing import activity_tree

MANIFEST = "imsmanifest.xml"
MAX_MANIFEST_BYTES = 16 * 1024 * 1024
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
#: schemaversion values (lower case, spaces collapsed) and what they mean.
SCHEMA_VERSIONS = {
    "1.2": ("1.2", "1.2"),
    "cam 1.3": ("2004", "2004 2nd edition"),
    "2004 2nd edition": ("2004", "2004 2nd edition"),
    "2004 3rd edition": ("2004", "2004 3rd edition"),
    "2004 4th edition": ("2004", "2004 4th edition"),
}
#: Namespaces that give the version away when schemaversion is missing. 2004 packages without
#: schemaversion break the 3rd and 4th editions' rules, so the edition is a guess: the 3rd, the commonest.
NAMESPACE_VERSIONS = {
    "http://www.adlnet.org/xsd/adlcp_rootv1p2": ("1.2", "1.2"),
    "http://www.imsproject.org/xsd/imscp_rootv1p1p2": ("1.2", "1.2"),
    "http://www.adlnet.org/xsd/adlcp_v1p3": ("2004", "2004 3rd edition"),
    "http://www.imsglobal.org/xsd/imscp_v1p1": ("2004", "2004 3rd edition"),
}
_URL_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def is_scorm(entries_by_path: dict[str, Entry]) -> bool:
    return MANIFEST in entries_by_path


def local_name(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def _children(element: Element, name: str) -> list[Element]:
    return [child for child in element if local_name(child.tag).lower() == name.lower()]


def _child(element: Element, name: str) -> Element | None:
    found = _children(element, name)
    return found[0] if found else None


def _attribute(element: Element, name: str) -> str | None:
    """An attribute by local name, whatever its prefix and (for scormtype/scormType) capitals."""
    for key, value in element.attrib.items():
        if local_name(key).lower() == name.lower() and key != XML_BASE:
            return value
    return None


def _text(element: Element | None) -> str:
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


def parse_manifest_xml(data: bytes) -> Element:
    """The manifest's root element; ``PackageRefused`` for entities, DTD tricks or malformed XML."""
    try:
        root = fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise PackageRefused(
            _("The manifest (imsmanifest.xml) uses XML entities, which are not allowed.")
        ) from None
    except ParseError as error:
        line, column = error.position
        raise PackageRefused(
            _(
                "The manifest (imsmanifest.xml) is not well-formed XML: %(reason)s at line %(line)s, "
                "column %(column)s."
            )
            % {"reason": ErrorString(error.code), "line": line, "column": column + 1}
        ) from None
    if local_name(root.tag) != "manifest":
        raise PackageRefused(_("imsmanifest.xml does not hold a manifest element at its top."))
    return root


def detect_version(root: Element) -> tuple[str, str]:
    """(standard, edition): from schemaversion, else from the namespaces the manifest uses."""
    metadata = _child(root, "metadata")
    schema_version = (
        " ".join(_text(_child(metadata, "schemaversion")).lower().split()) if metadata is not None else ""
    )
    if schema_version in SCHEMA_VERSIONS:
        return SCHEMA_VERSIONS[schema_version]
    namespaces = set()
    for element in root.iter():
        for name in (element.tag, *element.attrib):
            if name.startswith("{"):
                namespaces.add(name[1:].split("}", 1)[0])
    for namespace, version in NAMESPACE_VERSIONS.items():
        if namespace in namespaces:
            return version
    raise PackageRefused(
        _("The manifest does not say which SCORM version it follows (1.2 or 2004): it has no schemaversion.")
    )


def join_base(*parts: str | None) -> str:
    """Join xml:base values and an href like URL paths: each base is a folder."""
    path = ""
    for part in parts:
        if not part:
            continue
        if _URL_SCHEME.match(part) or part.startswith("/"):
            path = part
        else:
            path = path + part if not path or path.endswith("/") else f"{path}/{part}"
    return path


def add_parameters(href: str, parameters: str | None) -> str:
    """The IMS content packaging rules for an item's ``parameters``."""
    parameters = (parameters or "").lstrip("?&")
    if not parameters:
        return href
    if parameters.startswith("#"):
        return href if "#" in href else href + parameters
    return f"{href}{'&' if '?' in href else '?'}{parameters}"


def _number(text: str) -> float | None:
    try:
        return float(text) if text else None
    except ValueError:
        return None


class _ManifestReader:
    def __init__(self, root: Element, standard: str, files: set[str]):
        self.standard = standard
        self.files = files
        self.collection = sequencing_collection(root)
        self.manifest_base = root.get(XML_BASE)
        resources = _child(root, "resources")
        self.resources_base = resources.get(XML_BASE) if resources is not None else None
        self.resources = {
            resource.get("identifier"): resource
            for resource in (_children(resources, "resource") if resources is not None else [])
        }

    def item(self, element: Element) -> dict:
        identifier = element.get("identifier") or ""
        title = _text(_child(element, "title")) or identifier
        node = {
            "identifier": identifier,
            "title": title,
            "launch": None,
            "scorm_type": None,
            "mastery_score": None,
            "data_from_lms": _text(_child(element, "datafromlms")) or None,
            "children": [self.item(child) for child in _children(element, "item")],
        }
        if self.standard == "1.2":
            node["mastery_score"] = _number(_text(_child(element, "masteryscore")))
        else:
            node["runtime"] = read_item_data(element, self.collection)
        if (element.get("isvisible") or "").strip().lower() in ("false", "0"):
            # Not shown in the contents (CAM isvisible), though sequencing still delivers it.
            node["visible"] = False
        reference = element.get("identifierref")
        if reference:
            node.update(self.launch(element, title, reference))
        return node

    def launch(self, item: Element, title: str, reference: str) -> dict:
        resource = self.resources.get(reference)
        if resource is None:
            raise PackageRefused(
                _(
                    "The item “%(item)s” points at the resource “%(resource)s”, which the manifest does "
                    "not have."
                )
                % {"item": title, "resource": reference}
            )
        scorm_type = (_attribute(resource, "scormtype") or "").strip().lower() or None
        href = (resource.get("href") or "").strip()
        if not href:
            raise PackageRefused(
                _("The item “%(item)s” has nothing to launch: its resource “%(resource)s” has no href.")
                % {"item": title, "resource": reference}
            )
        path = join_base(self.manifest_base, self.resources_base, resource.get(XML_BASE), href)
        file_path = unquote(urlsplit(path).path)
        normalised = posixpath.normpath(file_path) if file_path else ""
        if _URL_SCHEME.match(path) or path.startswith("/") or normalised.startswith("..") or not file_path:
            raise PackageRefused(
                _("The item “%(item)s” launches “%(href)s”, which is outside the package.")
                % {"item": title, "href": path}
            )
        if normalised not in self.files:
            raise PackageRefused(
                _("The launch file “%(file)s” of the item “%(item)s” is not in the package.")
                % {"file": normalised, "item": title}
            )
        return {"launch": add_parameters(path, item.get("parameters")), "scorm_type": scorm_type}


def read_scorm(archive: zipfile.ZipFile, entries: list[Entry]) -> tuple[dict, list[Entry]]:
    """Check a SCORM package; its manifest and the entries to unpack. Raises ``PackageRefused``.

    The manifest: {"kind": "scorm", "standard", "edition", "title", "items": [item, ...]}, each item
    {"identifier", "title", "launch" (relative path with parameters, or None), "scorm_type" ("sco",
    "asset" or None), "mastery_score" (1.2 only, or None), "data_from_lms", "children": [...],
    "visible": False where hidden}, and
    in SCORM 2004 "runtime": what ``lms.scorm_item_data.read_item_data`` reads, and for the package
    "sequencing": the activity tree for scorm-again's sequencing engine (``lms.scorm_sequencing``).
    """
    by_path = {entry.path: entry for entry in entries}
    root = parse_manifest_xml(read_small(archive, by_path[MANIFEST], MAX_MANIFEST_BYTES))
    standard, edition = detect_version(root)
    organizations = _child(root, "organizations")
    choices = _children(organizations, "organization") if organizations is not None else []
    if not choices:
        raise PackageRefused(
            _("The manifest has no organisation of its content, so there is nothing to launch.")
        )
    default = organizations.get("default")
    organization = next((choice for choice in choices if choice.get("identifier") == default), choices[0])
    reader = _ManifestReader(root, standard, set(by_path))
    items = [reader.item(element) for element in _children(organization, "item")]
    manifest = {
        "kind": "scorm",
        "standard": standard,
        "edition": edition,
        "title": _text(_child(organization, "title")) or (items[0]["title"] if items else ""),
        "items": items,
    }
    if standard == "2004":
        manifest["control_mode"] = control_mode(organization, reader.collection)
        # Packages that say nothing about sequencing keep the SN defaults the player applies itself.
        if any(local_name(element.tag).lower() == "sequencing" for element in organization.iter()):
            manifest["sequencing"] = activity_tree(organization, reader.collection)
    if not launchable_items(manifest):
        raise PackageRefused(_("The manifest’s default organisation has no item that can be launched."))
    return manifest, entries


def launchable_items(manifest: dict) -> list[dict]:
    """The items of a SCORM manifest that have a launch, depth first (the order learners meet them)."""
    found = []

    def walk(items: list[dict]) -> None:
        for item in items:
            if item.get("launch"):
                found.append(item)
            walk(item.get("children") or [])

    walk(manifest.get("items") or [])
    return found


def nested_manifest_folder(paths: list[str]) -> str | None:
    """The folder holding imsmanifest.xml when it was zipped one level too deep, else None."""
    for path in paths:
        if path.count("/") == 1 and path.split("/")[1].lower() == MANIFEST:
            return path.split("/")[0]
    return None
