"""``manage.py lms_token <username> <name>``: a new API token for an integration, printed once."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from wagtail.log_actions import log
from wagtail.models import APIToken


class Command(BaseCommand):
    help = (
        "Create an API token for the LMS API acting as the given user, and print it (it is shown only once)."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="Whose permissions the token carries.")
        parser.add_argument("name", help="What the token is for, e.g. the integration's name.")

    def handle(self, *args, username: str, name: str, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"There is no user {username!r}.")
        if not user.is_active:
            raise CommandError(f"The user {username!r} is deactivated; a token for them would not work.")
        if not name.strip():
            raise CommandError("Give the token a name saying what it is for.")
        token, secret = APIToken.create_token(user=user, name=name.strip())
        log(token, "wagtail.apitoken.create", data={"source": "lms_token"})
        self.stdout.write(secret)
        self.stderr.write(f"Token {token.prefix}… for {username}. Store it now: it cannot be shown again.")
