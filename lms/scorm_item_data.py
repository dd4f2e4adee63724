"""What a SCORM 2004 manifest says about one item's run-time data (CAM 4th edition, 3rd read too).

The LMS hands these to the SCO when its session starts and applies them when it ends:

- ``objectives``: the ids of the item's objectives (``imsss:primaryObjective`` first, then
  ``imsss:objective``), set up as ``cmi.objectives`` so that a SCO finds them (a sample that
  does not shows the learner "could not find objective" pop-ups);
- ``scaled_passing_score``: the primary objective's ``minNormalizedMeasure`` when it is
  ``satisfiedByMeasure`` (``cmi.scaled_passing_score``; RTE 4.2.22 then judges success);
- ``completion_threshold``: ``adlcp:completionThreshold`` (3rd edition: its text; 4th edition:
  ``minProgressMeasure`` when ``completedByMeasure``);
- ``time_limit_action`` (``adlcp:timeLimitAction``) and ``max_time_allowed``
  (``imsss:limitConditions/@attemptAbsoluteDurationLimit``);
- ``completion_set_by_content`` and ``objective_set_by_content`` (``imsss:deliveryControls``,
  both false by default): when false, the LMS sets completion or success itself when the SCO
  ends without reporting it (SN "End Attempt Process");
- ``control_mode`` of a cluster: whether learners choose among its children and/or move by flow.

An item's ``imsss:sequencing`` may name a shared set in ``imsss:sequencingCollection`` with
``IDRef``; the item's own elements take precedence over the shared set's, element by element.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from lms.manifest_xml import attribute, child, children

TIME_LIMIT_ACTIONS = {"exit,message", "exit,no message", "continue,message", "continue,no message"}


def _boolean(value: str | None, default: bool) -> bool:
    if value is None:
        return default
    return value.strip().lower() in ("true", "1")


def _decimal(value: str | None, low: float, high: float) -> float | None:
    try:
        number = float(value) if value else None
    except ValueError:
        return None
    return number if number is not None and low <= number <= high else None


def sequencing_collection(root: Element) -> dict[str, Element]:
    """The shared ``imsss:sequencing`` sets of the manifest by their ID."""
    found = {}
    for collection in children(root, "sequencingCollection"):
        for sequencing in children(collection, "sequencing"):
            identifier = attribute(sequencing, "ID")
            if identifier:
                found[identifier] = sequencing
    return found


class MergedSequencing:
    """An item's sequencing: its own child elements first, then the shared set's (by element name)."""

    def __init__(self, own: Element | None, shared: Element | None):
        self.parts = [part for part in (own, shared) if part is not None]

    def child(self, name: str) -> Element | None:
        for part in self.parts:
            found = child(part, name)
            if found is not None:
                return found
        return None

    def children(self, name: str) -> list[Element]:
        for part in self.parts:
            found = children(part, name)
            if found:
                return found
        return []


def item_sequencing(item: Element, collection: dict[str, Element]) -> MergedSequencing:
    own = child(item, "sequencing")
    shared = collection.get(attribute(own, "IDRef") or "") if own is not None else None
    return MergedSequencing(own, shared)


def _completion_threshold(item: Element) -> float | None:
    element = child(item, "completionThreshold")
    if element is None:
        return None
    if element.attrib:
        # 4th edition: an attribute form, used only when completedByMeasure is true.
        if not _boolean(attribute(element, "completedByMeasure"), False):
            return None
        return _decimal(attribute(element, "minProgressMeasure") or "1.0", 0, 1)
    return _decimal((element.text or "").strip(), 0, 1)


def control_mode(element: Element, collection: dict[str, Element]) -> dict:
    """``imsss:controlMode`` of a cluster or the organisation: how learners move among its children.

    ``choice`` (pick any child from the contents; default true) and ``flow`` (Continue and
    Previous; default false), as SN 4th edition defines the defaults.
    """
    mode = item_sequencing(element, collection).child("controlMode")
    return {
        "choice": _boolean(attribute(mode, "choice"), True),
        "flow": _boolean(attribute(mode, "flow"), False),
    }


def read_item_data(item: Element, collection: dict[str, Element]) -> dict:
    """The run-time data of one SCORM 2004 item, as documented at the top of this module."""
    sequencing = item_sequencing(item, collection)
    objectives_element = sequencing.child("objectives")
    primary = child(objectives_element, "primaryObjective")
    objectives = []
    if primary is not None and attribute(primary, "objectiveID"):
        objectives.append(attribute(primary, "objectiveID"))
    for objective in children(objectives_element, "objective"):
        identifier = attribute(objective, "objectiveID")
        if identifier and identifier not in objectives:
            objectives.append(identifier)
    passing = None
    if primary is not None and _boolean(attribute(primary, "satisfiedByMeasure"), False):
        measure = child(primary, "minNormalizedMeasure")
        passing = _decimal((measure.text or "").strip() if measure is not None else "1.0", -1, 1)
        if measure is not None and passing is None:
            passing = 1.0
    delivery = sequencing.child("deliveryControls")
    limits = sequencing.child("limitConditions")
    time_limit_action = " ".join((_text_of(child(item, "timeLimitAction"))).lower().split())
    return {
        "objectives": objectives,
        "scaled_passing_score": passing,
        "completion_threshold": _completion_threshold(item),
        "time_limit_action": time_limit_action if time_limit_action in TIME_LIMIT_ACTIONS else None,
        "max_time_allowed": attribute(limits, "attemptAbsoluteDurationLimit") or None,
        "completion_set_by_content": _boolean(attribute(delivery, "completionSetByContent"), False),
        "objective_set_by_content": _boolean(attribute(delivery, "objectiveSetByContent"), False),
        "control_mode": control_mode(item, collection),
    }


def _text_of(element: Element | None) -> str:
    return "".join(element.itertext()) if element is not None else ""
