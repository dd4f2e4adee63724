"""The scheduler that keeps modules building their data once on one worker (tests/xdist_modules.py).

xdist's own grouping failed silently under pytest 9 (both workers still built the demo), so this
runs a real two-worker session: the grouping must show in where the tests ran.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.xdist_modules import ModuleDataScheduling

REPO = Path(__file__).resolve().parents[1]

CONFTEST = """
from tests.xdist_modules import ModuleDataScheduling, note_shared_modules

def pytest_collection_modifyitems(items):
    note_shared_modules(items)

def pytest_xdist_make_scheduler(config, log):
    return ModuleDataScheduling(config, log)
"""

RECORDING = """
import os
import pytest

{fixture}

@pytest.mark.parametrize("n", range(6))
def test_runs(n{argument}):
    with open("ran.txt", "a") as ran:
        ran.write(f"{{__name__}} {{os.environ['PYTEST_XDIST_WORKER']}}\\n")
"""


def test_a_shared_module_is_one_unit_and_every_other_test_its_own():
    scheduling = ModuleDataScheduling.__new__(ModuleDataScheduling)  # no xdist session needed
    scheduling.shared = frozenset({"tests/website/test_demo_content.py"})
    assert scheduling._split_scope("tests/website/test_demo_content.py::test_x[nb]") == (
        "tests/website/test_demo_content.py"
    )
    other = "tests/e2e/test_scorm.py::test_the_golf_sample_is_passed_recorded_and_resumed[2004]"
    assert scheduling._split_scope(other) == other


def test_two_workers_run_a_module_with_module_data_on_one_of_them(tmp_path):
    (tmp_path / "conftest.py").write_text(CONFTEST)
    shared = '@pytest.fixture(scope="module")\ndef built():\n    return 1'
    (tmp_path / "test_shared.py").write_text(RECORDING.format(fixture=shared, argument=", built"))
    (tmp_path / "test_alone.py").write_text(RECORDING.format(fixture="", argument=""))
    # Without Django: the scheduler needs none, and three Django start-ups would cost 5 s of CPU.
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env["PYTHONPATH"] = str(REPO)
    plugins = ["-p", "no:cacheprovider", "-p", "no:django"]
    finished = subprocess.run(  # noqa: S603 -- this interpreter, fixed arguments
        [sys.executable, "-m", "pytest", "-n", "2", *plugins, "-q", str(tmp_path)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert finished.returncode == 0, finished.stdout[-2000:] + finished.stderr[-2000:]
    ran = [line.split() for line in (tmp_path / "ran.txt").read_text().splitlines()]
    assert len(ran) == 12
    assert len({worker for module, worker in ran if module == "test_shared"}) == 1, ran
    assert len({worker for _module, worker in ran}) == 2, ran  # and the other worker had work
