"""How a learner may move between the items of a SCORM 2004 package (SN control modes).

Each cluster (and the organisation) says whether learners choose among its children from the
contents (``choice``, true by default) and whether they move with Continue and Previous
(``flow``, false by default). An item can be chosen when every cluster above it allows
choice; flow runs through the launchable items in tree order while every cluster it passes
allows flow. SCORM 1.2 has no control modes: choice, no flow, as before.

Packages with sequencing elements are run by scorm-again's sequencing engine
(``lms.scorm_sequencing``): there these moves are only what the player shows before the
engine can tell (the SCO has not started yet).
"""

from __future__ import annotations

from dataclasses import dataclass

FREE_CHOICE = {"choice": True, "flow": False}


def _mode(node: dict) -> dict:
    return (node.get("runtime") or {}).get("control_mode") or FREE_CHOICE


def _paths(manifest: dict) -> list[tuple[dict, list[dict]]]:
    """Each launchable item with the control modes above it (organisation first), in tree order."""
    found = []
    root = manifest.get("control_mode") or FREE_CHOICE

    def walk(items: list[dict], above: list[dict]) -> None:
        for item in items:
            if item.get("launch"):
                found.append((item, above))
            walk(item.get("children") or [], [*above, _mode(item)])

    walk(manifest.get("items") or [], [root])
    return found


@dataclass(frozen=True)
class Moves:
    """Where the learner may go from one item."""

    choice: bool
    previous: dict | None = None
    next: dict | None = None


def moves_from(manifest: dict, identifier: str) -> Moves:
    paths = _paths(manifest)
    index = next(
        (number for number, (item, _above) in enumerate(paths) if item["identifier"] == identifier), None
    )
    if index is None:
        return Moves(choice=True)
    _item, above = paths[index]
    choice = all(mode["choice"] for mode in above)

    def reachable(other: int) -> dict | None:
        if not 0 <= other < len(paths):
            return None
        modes = above + paths[other][1]
        return paths[other][0] if all(mode["flow"] for mode in modes) else None

    return Moves(choice=choice, previous=reachable(index - 1), next=reachable(index + 1))
