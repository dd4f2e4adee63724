"""Create (once) the demo's administrator and print how to sign in."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

CREDENTIALS_FILE = settings.BASE_DIR / ".demo-admin"
USERNAME = "admin"


class Command(BaseCommand):
    help = "Create the demo administrator with a random password (development only) and print it."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("demo_admin is for development only; create real accounts in the admin.")
        User = get_user_model()
        user = User.objects.filter(username=USERNAME).first()
        password = CREDENTIALS_FILE.read_text().strip() if CREDENTIALS_FILE.exists() else ""
        if user is None or not password or not user.check_password(password):
            password = secrets.token_urlsafe(12)
            if user is None:
                user = User.objects.create_superuser(USERNAME, "admin@example.org", password)
            else:
                user.set_password(password)
                user.save(update_fields=["password"])
            CREDENTIALS_FILE.write_text(password + "\n")
            CREDENTIALS_FILE.chmod(0o600)
        self.stdout.write(
            self.style.SUCCESS(f"Admin: http://127.0.0.1:8000/admin/  user: {USERNAME}  password: {password}")
        )
