"""Under xdist, a module that builds its data once goes whole to one worker.

With tests sent one by one, both workers ran some tests of such a module, and each built its
data (the demo, a search library, a course): the demo alone cost 9 s of CPU twice. xdist's own
``--dist loadgroup`` cannot do this here: it renames the test ids, which pytest 9 no longer reads.

The workers collect, and tell the controller which modules share data: a module whose tests use
a module-scoped fixture and none of which is transactional (a transactional test's flush cannot
run inside the module's open transaction, and pytest-django runs those tests last; grouped, they
would run early). The controller's scheduler then sends each of those modules as one unit, the
biggest first, and every other test on its own, in pytest-django's order.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from xdist.scheduler import LoadScopeScheduling

from tests.transactional import is_transactional


def _note(controller_pid: int) -> Path:
    return Path(tempfile.gettempdir()) / f"nordpeer-xdist-modules-{controller_pid}.json"


def _builds_per_module(item) -> bool:
    return any(
        definition.scope == "module"
        for definitions in item._fixtureinfo.name2fixturedefs.values()
        for definition in definitions
    )


def note_shared_modules(items) -> None:
    """On a worker: write down, for the controller (the worker's parent), the modules to keep whole."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return
    modules: dict[str, list] = {}
    for item in items:
        modules.setdefault(item.nodeid.split("::", 1)[0], []).append(item)
    shared = sorted(
        module
        for module, tests in modules.items()
        if any(map(_builds_per_module, tests)) and not any(map(is_transactional, tests))
    )
    note = _note(os.getppid())
    partial = note.with_name(f".{note.name}.{os.getpid()}")
    partial.write_text(json.dumps(shared), encoding="utf-8")
    os.replace(partial, note)


class ModuleDataScheduling(LoadScopeScheduling):
    """``--dist load``, but the modules the workers named go whole to one worker."""

    shared: frozenset[str] = frozenset()

    def schedule(self) -> None:
        if self.collection is None:  # the first call: every worker has collected
            note = _note(os.getpid())
            self.shared = (
                frozenset(json.loads(note.read_text(encoding="utf-8"))) if note.exists() else frozenset()
            )
            note.unlink(missing_ok=True)
        super().schedule()

    def _split_scope(self, nodeid: str) -> str:
        module = nodeid.split("::", 1)[0]
        return module if module in self.shared else nodeid
