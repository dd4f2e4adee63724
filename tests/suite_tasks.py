"""The suite's task backend: our tasks run at once, Wagtail's own bookkeeping is left undone.

Every page a test builds enqueues Wagtail's admin search index and reference index updates;
run at once they were a third of the time the suite spent building pages. Production runs
them in the task worker, and no test reads them except those that ask for them with the
``wagtail_bookkeeping`` fixture (tests/conftest.py). Everything else runs immediately, as in
development, so a test sees the effect of its publish, upload or check without waiting.
"""

from __future__ import annotations

from django_tasks.backends.immediate import ImmediateBackend
from django_tasks.base import TaskResult, TaskResultStatus
from django_tasks.utils import get_random_id

#: Wagtail's tasks that keep its admin search and "usage" listings up to date.
WAGTAIL_BOOKKEEPING = frozenset(
    {
        "modelsearch.tasks.insert_or_update_object_task",
        "wagtail.tasks.update_reference_index_task",
    }
)


class SuiteTaskBackend(ImmediateBackend):
    #: Set by the ``wagtail_bookkeeping`` fixture for the tests that read those indexes.
    run_wagtail_bookkeeping = False

    def enqueue(self, task, args, kwargs):
        if task.module_path in WAGTAIL_BOOKKEEPING and not SuiteTaskBackend.run_wagtail_bookkeeping:
            self.validate_task(task)
            return TaskResult(
                task=task,
                id=get_random_id(),
                status=TaskResultStatus.READY,
                enqueued_at=None,
                started_at=None,
                last_attempted_at=None,
                finished_at=None,
                args=args,
                kwargs=kwargs,
                backend=self.alias,
                errors=[],
                worker_ids=[],
            )
        return super().enqueue(task, args, kwargs)
