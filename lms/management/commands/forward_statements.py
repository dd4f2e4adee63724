"""Try again to forward the statements an external LRS has not accepted yet (run it from cron)."""

from django.core.management.base import BaseCommand

from lms import lrs


class Command(BaseCommand):
    help = "Enqueue the due retries of statements waiting for the external LRS."

    def handle(self, *args, **options):
        if not lrs.is_configured():
            self.stdout.write("LRS_ENDPOINT is not set: nothing is forwarded.")
            return
        count = lrs.retry_due()
        self.stdout.write(f"Enqueued {count} statement(s) for the LRS.")
