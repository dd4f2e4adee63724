"""Under pytest-xdist, a module that builds its data once runs whole on one worker.

Some modules build data once for all their tests (``tests/module_data.py``'s course, the search
library, the demo, the S3 server). xdist's default scheduling hands tests out one chunk at a time,
so such a module is often split between the two workers, and each builds the data. xdist's own
``--dist loadgroup`` would keep them together, but under pytest 9 it groups nothing (it renames
``item._nodeid``, which pytest 9 no longer reads).

So the workers, which collect, write down the modules to keep together (``record``), and the
controller's scheduler (``ModuleScheduling``, a ``LoadScopeScheduling``) reads them when it first
schedules: each such module is one unit, every other test a unit of its own. Units go out largest
first, then in collection order, so pytest-django's order (transactional tests last) holds for the
tests that are not grouped, and modules with a transactional test are never grouped.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from xdist.scheduler import LoadScopeScheduling

from tests.module_data import is_transactional


def _groups_file(controller_pid: int) -> Path:
    return Path(tempfile.gettempdir()) / f"nordpeer-module-groups-{controller_pid}.json"


def _uses_module_data(item) -> bool:
    info = getattr(item, "_fixtureinfo", None)
    return bool(info) and any(defs[-1].scope == "module" for defs in info.name2fixturedefs.values() if defs)


def modules_to_keep_together(items) -> list[str]:
    """Modules with a module-scoped fixture and no transactional test, as node id prefixes."""
    by_module: dict[str, list] = {}
    for item in items:
        by_module.setdefault(item.nodeid.split("::", 1)[0], []).append(item)
    return sorted(
        module
        for module, module_items in by_module.items()
        if any(_uses_module_data(item) for item in module_items)
        and not any(is_transactional(item) for item in module_items)
    )


def record(config, items) -> None:
    """On an xdist worker: leave the modules to keep together where the controller (our parent) reads them."""
    if not hasattr(config, "workerinput"):
        return
    target = _groups_file(os.getppid())
    partial = target.with_name(f"{target.name}.{os.getpid()}")
    partial.write_text(json.dumps(modules_to_keep_together(items)))
    os.replace(partial, target)


class ModuleScheduling(LoadScopeScheduling):
    """Load scheduling, one test at a time, except a recorded module: that goes whole to one worker."""

    def __init__(self, config, log=None) -> None:
        super().__init__(config, log)
        self.modules: frozenset[str] | None = None

    def schedule(self) -> None:
        if self.modules is None:
            recorded = _groups_file(os.getpid())
            try:
                self.modules = frozenset(json.loads(recorded.read_text()))
                recorded.unlink(missing_ok=True)
            except FileNotFoundError:
                self.modules = frozenset()
        super().schedule()

    def _split_scope(self, nodeid: str) -> str:
        module = nodeid.split("::", 1)[0]
        return module if module in (self.modules or ()) else nodeid
