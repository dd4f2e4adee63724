"""The scheduler that keeps modules building their data once on one worker (tests/xdist_modules.py)."""

from __future__ import annotations

from tests.xdist_modules import ModuleDataScheduling


def test_a_shared_module_is_one_unit_and_every_other_test_its_own():
    scheduling = ModuleDataScheduling.__new__(ModuleDataScheduling)  # no xdist session needed
    scheduling.shared = frozenset({"tests/website/test_demo_content.py"})
    assert scheduling._split_scope("tests/website/test_demo_content.py::test_x[nb]") == (
        "tests/website/test_demo_content.py"
    )
    assert scheduling._split_scope("tests/website/test_demo_content.py::test_y") == (
        "tests/website/test_demo_content.py"
    )
    other = "tests/e2e/test_scorm.py::test_the_golf_sample_is_passed_recorded_and_resumed[2004]"
    assert scheduling._split_scope(other) == other
