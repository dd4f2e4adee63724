"""A SCORM 2004 manifest's sequencing as the activity tree scorm-again's sequencing engine runs.

scorm-again 3.x carries the whole SN process (navigation requests, pre/post/exit condition
rules, rollup, objectives with global maps, selection and randomisation, attempt limits) but
leaves reading the manifest to the LMS. This module reads the default organisation (the root
activity) and its items into scorm-again's ``ActivitySettings`` shape, stored in the package's
manifest as ``manifest["sequencing"]``; the player hands it to the engine.

Each item's ``imsss:sequencing`` is merged with the set its ``IDRef`` names in
``imsss:sequencingCollection`` element by element (``lms.scorm_item_data.MergedSequencing``),
so the engine receives every activity fully resolved. Every control is given explicitly with
the defaults of IMS SS 1.0 / SN 4th edition: scorm-again's own defaults differ (it lets flow
through by default, SN does not).

The manifest's ``reorderChildren`` is scorm-again's ``randomizeChildren`` (scorm-again uses
``reorderChildren`` for "the children have been reordered").
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from lms.manifest_xml import attribute, child, children
from lms.scorm_item_data import MergedSequencing, item_sequencing

#: ``hideLMSUI`` tokens scorm-again knows (SCORM 2004 4th edition CAM 5.1.4.2).
HIDE_LMS_UI = {"continue", "previous", "exit", "exitAll", "abandon", "abandonAll", "suspendAll"}
#: adlnav:hideLMSUI tokens matched case-insensitively, written as scorm-again spells them.
_HIDE_BY_LOWER = {token.lower(): token for token in HIDE_LMS_UI}


def _flag(element: Element | None, name: str, default: bool) -> bool:
    value = attribute(element, name)
    return default if value is None else value.lower() in ("true", "1")


def _number(value: str | None, default: float | None, low: float, high: float) -> float | None:
    try:
        number = float(value) if value not in (None, "") else None
    except ValueError:
        return default
    return number if number is not None and low <= number <= high else default


def _count(value: str | None) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except ValueError:
        return None


def _text(element: Element | None) -> str:
    return "".join(element.itertext()).strip() if element is not None else ""


# --- Rules ---------------------------------------------------------------------------


def _operator(condition: Element) -> str:
    return "not" if (attribute(condition, "operator") or "").lower() == "not" else "noOp"


def _rule_condition(condition: Element) -> dict:
    settings = {
        "condition": attribute(condition, "condition") or "always",
        "operator": _operator(condition),
    }
    referenced = attribute(condition, "referencedObjective")
    if referenced:
        settings["referencedObjective"] = referenced
    threshold = _number(attribute(condition, "measureThreshold"), None, -1, 1)
    if threshold is not None:
        settings["parameters"] = {"threshold": threshold}
    return settings


def _rules(rules: Element | None, kind: str) -> list[dict]:
    found = []
    for rule in children(rules, kind):
        conditions = child(rule, "ruleConditions")
        action = attribute(child(rule, "ruleAction"), "action")
        if not action:
            continue
        found.append(
            {
                "action": action,
                "conditionCombination": (attribute(conditions, "conditionCombination") or "all").lower(),
                "conditions": [_rule_condition(each) for each in children(conditions, "ruleCondition")],
            }
        )
    return found


def _sequencing_rules(sequencing: MergedSequencing) -> dict:
    rules = sequencing.child("sequencingRules")
    return {
        "preConditionRules": _rules(rules, "preConditionRule"),
        "exitConditionRules": _rules(rules, "exitConditionRule"),
        "postConditionRules": _rules(rules, "postConditionRule"),
    }


def _rollup_rules(rollup: Element | None) -> dict:
    rules = []
    for rule in children(rollup, "rollupRule"):
        conditions = child(rule, "rollupConditions")
        action = attribute(child(rule, "rollupAction"), "action")
        if not action:
            continue
        rules.append(
            {
                "action": action,
                "consideration": attribute(rule, "childActivitySet") or "all",
                "minimumCount": _count(attribute(rule, "minimumCount")) or 0,
                "minimumPercent": _number(attribute(rule, "minimumPercent"), 0.0, 0, 1),
                "conditionCombination": (attribute(conditions, "conditionCombination") or "any").lower(),
                "conditions": [
                    {
                        "condition": attribute(condition, "condition") or "always",
                        "operator": _operator(condition),
                    }
                    for condition in children(conditions, "rollupCondition")
                ],
            }
        )
    return {"rules": rules}


# --- Objectives ----------------------------------------------------------------------

_MAP_FLAGS = {
    # (attribute, default) of imsss:mapInfo and adlseq:mapInfo (SN 4th edition).
    "readSatisfiedStatus": True,
    "readNormalizedMeasure": True,
    "writeSatisfiedStatus": False,
    "writeNormalizedMeasure": False,
    "readCompletionStatus": True,
    "writeCompletionStatus": False,
    "readProgressMeasure": True,
    "writeProgressMeasure": False,
    "readRawScore": True,
    "writeRawScore": False,
    "readMinScore": True,
    "writeMinScore": False,
    "readMaxScore": True,
    "writeMaxScore": False,
}


def _map_info(info: Element, flags: tuple[str, ...]) -> dict | None:
    target = attribute(info, "targetObjectiveID")
    if not target:
        return None
    return {"targetObjectiveID": target, **{name: _flag(info, name, _MAP_FLAGS[name]) for name in flags}}


_IMSSS_FLAGS = (
    "readSatisfiedStatus",
    "readNormalizedMeasure",
    "writeSatisfiedStatus",
    "writeNormalizedMeasure",
)
_ADLSEQ_FLAGS = tuple(name for name in _MAP_FLAGS if name not in _IMSSS_FLAGS)


def _objective(objective: Element, primary: bool, extended: dict[str, list[dict]]) -> dict | None:
    identifier = attribute(objective, "objectiveID")
    if not identifier:
        return None
    measure = child(objective, "minNormalizedMeasure")
    maps = [found for info in children(objective, "mapInfo") if (found := _map_info(info, _IMSSS_FLAGS))]
    return {
        "objectiveID": identifier,
        "isPrimary": primary,
        "satisfiedByMeasure": _flag(objective, "satisfiedByMeasure", False),
        "minNormalizedMeasure": _number(_text(measure), 1.0, -1, 1) if measure is not None else 1.0,
        "mapInfo": maps + extended.get(identifier, []),
    }


def _is_adl(element: Element) -> bool:
    return element.tag.startswith("{http://www.adlnet.org")


def _namespaced(sequencing: MergedSequencing, name: str, adl: bool) -> Element | None:
    """The item's own ``name`` element of the IMS (or the ADL) namespace, else the shared set's."""
    for part in sequencing.parts:
        for element in children(part, name):
            if _is_adl(element) == adl:
                return element
    return None


def _objectives(sequencing: MergedSequencing) -> tuple[dict | None, list[dict]]:
    """(primary objective, other objectives); adlseq:objectives add score and completion maps."""
    extended: dict[str, list[dict]] = {}
    for objective in children(_namespaced(sequencing, "objectives", adl=True), "objective"):
        identifier = attribute(objective, "objectiveID")
        maps = [_map_info(info, _ADLSEQ_FLAGS) for info in children(objective, "mapInfo")]
        if identifier:
            extended.setdefault(identifier, []).extend(found for found in maps if found)
    imsss = _namespaced(sequencing, "objectives", adl=False)
    primary_element = child(imsss, "primaryObjective")
    primary = _objective(primary_element, True, extended) if primary_element is not None else None
    others = [_objective(element, False, extended) for element in children(imsss, "objective")]
    return primary, [found for found in others if found]


# --- Activities ----------------------------------------------------------------------


def _controls(sequencing: MergedSequencing) -> dict:
    mode = sequencing.child("controlMode")
    rollup = sequencing.child("rollupRules")
    delivery = sequencing.child("deliveryControls")
    constrained = sequencing.child("constrainedChoiceConsiderations")
    randomization = sequencing.child("randomizationControls")
    select_count = _count(attribute(randomization, "selectCount"))
    return {
        "choice": _flag(mode, "choice", True),
        "choiceExit": _flag(mode, "choiceExit", True),
        "flow": _flag(mode, "flow", False),
        "forwardOnly": _flag(mode, "forwardOnly", False),
        "useCurrentAttemptObjectiveInfo": _flag(mode, "useCurrentAttemptObjectiveInfo", True),
        "useCurrentAttemptProgressInfo": _flag(mode, "useCurrentAttemptProgressInfo", True),
        "rollupObjectiveSatisfied": _flag(rollup, "rollupObjectiveSatisfied", True),
        "rollupProgressCompletion": _flag(rollup, "rollupProgressCompletion", True),
        "objectiveMeasureWeight": _number(attribute(rollup, "objectiveMeasureWeight"), 1.0, 0, 1),
        "tracked": _flag(delivery, "tracked", True),
        "completionSetByContent": _flag(delivery, "completionSetByContent", False),
        "objectiveSetByContent": _flag(delivery, "objectiveSetByContent", False),
        "preventActivation": _flag(constrained, "preventActivation", False),
        "constrainChoice": _flag(constrained, "constrainChoice", False),
        "selectionTiming": attribute(randomization, "selectionTiming") or "never",
        "selectCount": select_count if select_count is not None and select_count >= 0 else None,
        "randomizationTiming": attribute(randomization, "randomizationTiming") or "never",
        "randomizeChildren": _flag(randomization, "reorderChildren", False),
    }


_REQUIREMENTS = (
    "requiredForSatisfied",
    "requiredForNotSatisfied",
    "requiredForCompleted",
    "requiredForIncomplete",
)
_REQUIRED_WHEN = ("always", "ifAttempted", "ifNotSkipped", "ifNotSuspended")


def _considerations(element: Element) -> dict:
    """adlseq:rollupConsiderations: which children count in rollup, and when."""
    found = {key: value for key in _REQUIREMENTS if (value := attribute(element, key)) in _REQUIRED_WHEN}
    return found | {"measureSatisfactionIfActive": _flag(element, "measureSatisfactionIfActive", True)}


def _hide_lms_ui(element: Element) -> list[str]:
    interface = child(child(element, "presentation"), "navigationInterface")
    tokens = [_HIDE_BY_LOWER.get(_text(hide).lower()) for hide in children(interface, "hideLMSUI")]
    return sorted({token for token in tokens if token})


def activity(element: Element, collection: dict[str, Element], is_root: bool = False) -> dict:
    """One activity (the organisation or an item) and its children, as scorm-again's ActivitySettings."""
    sequencing = item_sequencing(element, collection)
    identifier = attribute(element, "identifier") or ""
    primary, objectives = _objectives(sequencing)
    limits = sequencing.child("limitConditions")
    settings = {
        "id": identifier,
        "title": " ".join(_text(child(element, "title")).split()) or identifier,
        "isVisible": is_root or _flag(element, "isvisible", True),
        "sequencingControls": _controls(sequencing),
        "sequencingRules": _sequencing_rules(sequencing),
        "rollupRules": _rollup_rules(sequencing.child("rollupRules")),
        "objectives": objectives,
        "attemptLimit": _count(attribute(limits, "attemptLimit")) or None,
        "children": [activity(child, collection) for child in children(element, "item")],
    }
    if primary:
        settings["primaryObjective"] = primary
    duration = attribute(limits, "attemptAbsoluteDurationLimit")
    if duration:
        settings["attemptAbsoluteDurationLimit"] = duration
    considerations = sequencing.child("rollupConsiderations")
    if considerations is not None:
        settings["rollupConsiderations"] = _considerations(considerations)
    hidden = _hide_lms_ui(element)
    if hidden:
        settings["hideLmsUi"] = hidden
    return settings


def activity_tree(organization: Element, collection: dict[str, Element]) -> dict:
    """The root activity (the organisation) with every item under it."""
    return activity(organization, collection, is_root=True)
