"""Which modules the xdist scheduler keeps on one worker, and how it cuts the run into units."""

from __future__ import annotations

import json
import os
from types import SimpleNamespace

import pytest

from tests import xdist_modules


class FakeItem:
    def __init__(self, nodeid: str, scopes: tuple[str, ...] = ("function",), transactional: bool = False):
        self.nodeid = nodeid
        self.fixturenames = [f"fixture_{n}" for n in range(len(scopes))]
        definitions = {
            name: [SimpleNamespace(scope=scope)]
            for name, scope in zip(self.fixturenames, scopes, strict=True)
        }
        self._fixtureinfo = SimpleNamespace(name2fixturedefs=definitions)
        self._mark = pytest.mark.django_db(transaction=True).mark if transactional else None

    def get_closest_marker(self, name: str):
        return self._mark if name == "django_db" else None


def test_a_module_with_module_data_and_no_transactional_test_is_kept_together():
    items = [
        FakeItem("tests/lms/test_a.py::test_one", ("function", "module")),
        FakeItem("tests/lms/test_a.py::test_two"),
        FakeItem("tests/lms/test_b.py::test_one"),  # nothing built per module
        FakeItem("tests/lms/test_c.py::test_one", ("module",)),
        FakeItem("tests/lms/test_c.py::test_live", transactional=True),  # cannot share its data
    ]
    assert xdist_modules.modules_to_keep_together(items) == ["tests/lms/test_a.py"]


def test_a_kept_module_is_one_unit_and_every_other_test_its_own():
    scheduling = object.__new__(xdist_modules.ModuleScheduling)
    scheduling.modules = frozenset({"tests/lms/test_a.py"})
    assert scheduling._split_scope("tests/lms/test_a.py::test_one[x]") == "tests/lms/test_a.py"
    assert scheduling._split_scope("tests/lms/test_b.py::test_one") == "tests/lms/test_b.py::test_one"


def test_the_worker_records_for_its_controller_and_the_scheduler_reads_it_once(tmp_path, monkeypatch):
    monkeypatch.setattr(xdist_modules.tempfile, "gettempdir", lambda: str(tmp_path))
    monkeypatch.setattr(xdist_modules.os, "getppid", os.getpid)  # this process plays both parts
    worker = SimpleNamespace(workerinput={"workerid": "gw0"})
    xdist_modules.record(worker, [FakeItem("tests/search/test_x.py::test_one", ("module",))])
    recorded = tmp_path / f"nordpeer-module-groups-{os.getpid()}.json"
    assert json.loads(recorded.read_text()) == ["tests/search/test_x.py"]

    scheduling = object.__new__(xdist_modules.ModuleScheduling)
    scheduling.modules = None
    monkeypatch.setattr(xdist_modules.LoadScopeScheduling, "schedule", lambda self: None)
    scheduling.schedule()
    assert scheduling.modules == {"tests/search/test_x.py"}
    assert not recorded.exists()
