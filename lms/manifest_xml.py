"""Reading imsmanifest.xml elements whatever their namespace prefix and letter case.

Manifests from the wild mix namespace prefixes (imsss:, adlseq:, none) and the case of names,
so elements and attributes are matched by their local name, case-insensitively.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element


def local_name(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def children(element: Element | None, name: str) -> list[Element]:
    return (
        [child for child in element if local_name(child.tag) == name.lower()] if element is not None else []
    )


def child(element: Element | None, name: str) -> Element | None:
    found = children(element, name)
    return found[0] if found else None


def attribute(element: Element | None, name: str) -> str | None:
    if element is None:
        return None
    for key, value in element.attrib.items():
        if local_name(key) == name.lower():
            return value.strip()
    return None
