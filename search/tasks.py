"""The indexing task (django-tasks): runs in the request in development, on a worker in production."""

from django_tasks import task

from search.indexing import apply_pending


@task()
def apply_pending_updates() -> dict[str, int]:
    """Bring the index up to date with the queued page changes."""
    report = apply_pending()
    return {"done": report.done, "failed": report.failed, "waiting": report.waiting}
