"""What the LMS itself decides in a SCO's run-time data, by the SCORM run-time rules.

- **Start** (``manifest_cmi``): SCORM 2004 data the manifest defines for the item
  (``lms.scorm_item_data``) goes into the CMI a session starts with: ``cmi.objectives`` with
  the manifest's ids (and what earlier sessions stored for them), ``cmi.scaled_passing_score``,
  ``cmi.completion_threshold``, ``cmi.max_time_allowed``, ``cmi.time_limit_action``.
- **Every commit** (``settle``): SCORM 2004 RTE 4.2.4.1 and 4.2.22: with a completion threshold
  and a progress measure, completion follows their comparison; with a scaled passing score and
  a scaled score, success follows theirs.
- **The end of the session** (``settle(final=True)``, the commit scorm-again sends on
  LMSFinish/Terminate):
  SCORM 1.2 (RTE 3.4.4, cmi.core.lesson_status): a SCO that set no status is "completed",
  or "passed"/"failed" by its raw score against ``adlcp:masteryscore``; with credit the
  mastery score decides passed/failed whenever a raw score was set.
  SCORM 2004 (SN "End Attempt Process"): when the SCO reported no completion and
  ``completionSetByContent`` is false, the attempt is completed; when it reported no success
  and ``objectiveSetByContent`` is false, the primary objective is satisfied (passed).
- **Assets** (``asset_launched_cmi``): an asset does not talk to the LMS; launching it
  completes it (SCORM 2004 CAM 3.4.1.11; 1.2 treats assets alike).
"""

from __future__ import annotations

import copy
import math

from lms.scorm_cmi import COMPLETED, FAILED, INCOMPLETE, NOT_ATTEMPTED, PASSED, SCORM_12, UNKNOWN

#: What a stored objective may carry back into the next session.
OBJECTIVE_FIELDS = ("success_status", "completion_status", "progress_measure", "description")
SCORE_FIELDS = ("scaled", "raw", "min", "max")


def _number(value) -> float | None:
    if value is None or isinstance(value, bool | dict | list) or value == "":
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _decimal(number: float) -> str:
    return f"{number:g}"


def _dict(value) -> dict:
    return value if isinstance(value, dict) else {}


def stored_objectives(cmi: dict) -> list[dict]:
    """cmi.objectives as committed: scorm-again sends {"0": {...}, ...}; a list is read too."""
    objectives = cmi.get("objectives")
    if isinstance(objectives, dict):
        objectives = objectives.get("childArray", [objectives[key] for key in sorted(objectives, key=_index)])
    return [objective for objective in objectives or [] if isinstance(objective, dict)]


def _index(key: str) -> int:
    return int(key) if str(key).isdigit() else 1_000_000


def _objective(identifier: str, stored: dict) -> dict:
    objective = {"id": identifier}
    for field in OBJECTIVE_FIELDS:
        if stored.get(field) not in (None, ""):
            objective[field] = str(stored[field])
    score = {key: str(value) for key, value in _dict(stored.get("score")).items() if key in SCORE_FIELDS}
    if any(value not in ("", "None") for value in score.values()):
        objective["score"] = {key: value for key, value in score.items() if value not in ("", "None")}
    return objective


def manifest_cmi(start: dict, item: dict, stored: dict) -> dict:
    """``start`` (a SCORM 2004 ``{"cmi": ...}`` for loadFromJSON) with the item's manifest data."""
    runtime = item.get("runtime") or {}
    cmi = start["cmi"]
    by_id = {str(objective.get("id")): objective for objective in stored_objectives(stored)}
    objectives = [
        _objective(identifier, by_id.pop(identifier, {})) for identifier in runtime.get("objectives", [])
    ]
    objectives += [_objective(identifier, objective) for identifier, objective in by_id.items() if identifier]
    if objectives:
        cmi["objectives"] = objectives
    if runtime.get("scaled_passing_score") is not None:
        cmi["scaled_passing_score"] = _decimal(runtime["scaled_passing_score"])
    if runtime.get("completion_threshold") is not None:
        cmi["completion_threshold"] = _decimal(runtime["completion_threshold"])
    if runtime.get("max_time_allowed"):
        cmi["max_time_allowed"] = runtime["max_time_allowed"]
    if runtime.get("time_limit_action"):
        cmi["time_limit_action"] = runtime["time_limit_action"]
    return start


def settle(standard: str, cmi: dict, item: dict, *, final: bool) -> dict:
    """The committed ``cmi`` with what the LMS decides (see the module's text); a new dict."""
    cmi = copy.deepcopy(cmi)
    if standard == SCORM_12:
        if final:
            _settle_12(cmi, item.get("mastery_score"))
        return cmi
    runtime = item.get("runtime") or {}
    score = _dict(cmi.get("score"))
    threshold = runtime.get("completion_threshold")
    progress = _number(cmi.get("progress_measure"))
    if threshold is not None and progress is not None:
        cmi["completion_status"] = COMPLETED if progress >= threshold else INCOMPLETE
    passing = runtime.get("scaled_passing_score")
    scaled = _number(score.get("scaled"))
    if passing is not None and scaled is not None:
        cmi["success_status"] = PASSED if scaled >= passing else FAILED
    if final:
        if cmi.get("completion_status") in (None, "", UNKNOWN) and not runtime.get(
            "completion_set_by_content"
        ):
            cmi["completion_status"] = COMPLETED
        if cmi.get("success_status") in (None, "", UNKNOWN) and not runtime.get("objective_set_by_content"):
            cmi["success_status"] = PASSED
    return cmi


def _settle_12(cmi: dict, mastery_score: float | None) -> None:
    core = cmi.setdefault("core", {})
    if not isinstance(core, dict):
        return
    status = str(core.get("lesson_status") or "")
    mode = str(core.get("lesson_mode") or "normal")
    if status in ("", NOT_ATTEMPTED):
        status = "browsed" if mode == "browse" else COMPLETED
    raw = _number(_dict(core.get("score")).get("raw"))
    credit = str(core.get("credit") or "credit") == "credit"
    if mode == "normal" and credit and mastery_score is not None and raw is not None:
        status = PASSED if raw >= mastery_score else FAILED
    core["lesson_status"] = status


def asset_launched_cmi(standard: str) -> dict:
    """The CMI an asset's launch leaves: completed."""
    if standard == SCORM_12:
        return {"core": {"lesson_status": COMPLETED}}
    return {"completion_status": COMPLETED}
