"""The design's rules, checked: one path writes learning records; the CMS does not reach into the LMS.

../shared/DESIGN.md: everything a learner does goes through one function in lms/ (lms/progress.py),
which alone appends statements and advances lesson progress; website/ is the CMS and takes from
lms only what its URLs and the demo builder need. The runtime half of the first rule lives in
tests/conftest.py (``only_the_progress_path_writes_records``) and watches every test's saves.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
APPS = ["website", "lms", "search", "supervision", "placements", "operations"]
RECORDS = {"LessonProgress", "LearningStatement"}
WRITES = {
    "save",
    "create",
    "bulk_create",
    "update",
    "bulk_update",
    "update_or_create",
    "get_or_create",
    "delete",
}
PROGRESS_PATH = "lms/progress.py"
#: What in website/ may import from lms: the URLs that mount it and the demo that builds a course.
WEBSITE_MAY_IMPORT_LMS = ("website/urls.py", "website/demo/")


def sources() -> Iterator[tuple[str, ast.Module]]:
    for app in APPS:
        for path in sorted((REPO / app).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            yield path.relative_to(REPO).as_posix(), ast.parse(path.read_text(), filename=str(path))


def record_writes(tree: ast.Module) -> list[int]:
    """Lines where a chain from a record model ends in a write: ``LessonProgress.objects...update()``."""
    lines = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        if node.func.attr not in WRITES:
            continue
        root = node.func.value
        while isinstance(root, ast.Attribute | ast.Call | ast.Subscript):
            root = root.func if isinstance(root, ast.Call) else root.value
        if isinstance(root, ast.Name) and root.id in RECORDS:
            lines.append(node.lineno)
    return lines


def lms_imports(tree: ast.Module) -> list[int]:
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            modules = [node.module or ""]
        elif isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        else:
            continue
        if any(module.split(".")[0] == "lms" for module in modules):
            lines.append(node.lineno)
    return lines


def test_only_the_progress_path_writes_statements_and_lesson_progress():
    offenders = [
        f"{name}:{line}" for name, tree in sources() if name != PROGRESS_PATH for line in record_writes(tree)
    ]
    assert offenders == [], "Learning records written outside lms/progress.py: " + ", ".join(offenders)


def test_the_check_sees_a_write_through_a_query_chain():
    tree = ast.parse(
        "LessonProgress.objects.filter(user=u).update(status='x')\nLearningStatement.objects.get(pk=1)"
    )
    assert record_writes(tree) == [1]


def test_the_cms_imports_from_the_lms_only_in_its_urls_and_demo():
    offenders = [
        f"{name}:{line}"
        for name, tree in sources()
        if name.startswith("website/") and not name.startswith(WEBSITE_MAY_IMPORT_LMS)
        for line in lms_imports(tree)
    ]
    assert offenders == [], "website/ imports from lms: " + ", ".join(offenders)


def test_a_record_saved_from_elsewhere_is_refused_at_run_time():
    """The guard in tests/conftest.py, called as if from a module of the LMS other than lms/progress.py."""
    from lms.models import LearningStatement
    from tests.conftest import RecordWrittenOutsideProgressPath, guard_record_write

    elsewhere = compile("guard(sender=LearningStatement)", str(REPO / "lms" / "api.py"), "exec")
    with pytest.raises(RecordWrittenOutsideProgressPath, match=r"lms/api.py:1"):
        exec(elsewhere, {"guard": guard_record_write, "LearningStatement": LearningStatement})  # noqa: S102
