import time

from django.core.management.base import BaseCommand, CommandError

from search.backends import SearchUnavailable, get_backend
from search.documents import count_documents
from search.indexing import apply_pending, reindex_all

BAR_WIDTH = 30


class Command(BaseCommand):
    help = (
        "Rebuild the search index from every published page (searching keeps working meanwhile), "
        "or with --pending apply only the queued updates that are due (e.g. after the engine was down)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--pending", action="store_true", help="Apply the queued index updates instead of rebuilding."
        )

    def handle(self, *args, pending: bool = False, **options):
        backend = get_backend()
        try:
            if pending:
                report = apply_pending(backend)
                self.stdout.write(
                    f"Applied {report.done} index updates; {report.failed} failed; {report.waiting} waiting."
                )
                return
            total = count_documents()
            started = time.monotonic()
            self.stdout.write(f"Rebuilding the search index ({backend.name}): {total} documents.")
            written = reindex_all(backend, progress=lambda done: self.progress(done, total, started))
        except SearchUnavailable as error:
            raise CommandError(f"The search engine is unavailable, nothing changed: {error}") from error
        self.progress(written, max(total, written), started)
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Indexed {written} documents."))

    def progress(self, done: int, total: int, started: float) -> None:
        filled = BAR_WIDTH * done // total if total else BAR_WIDTH
        rate = done / max(time.monotonic() - started, 1e-6)
        bar = "#" * filled + "." * (BAR_WIDTH - filled)
        self.stdout.write(f"\r[{bar}] {done}/{total} documents, {rate:.0f}/s", ending="")
        self.stdout.flush()
