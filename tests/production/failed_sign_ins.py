"""A second Django process for test_rate_limits: wrong passwords through the site's sign-in form.

Run as ``python failed_sign_ins.py REDIS_URL USERNAME COUNT``. It shares nothing with the
test process but the Redis database: its own settings, its own in-memory database (the
account need not exist here; a failure counts against the name typed). It prints how many
attempts the form refused for being throttled.
"""

import sys
from pathlib import Path

import django
from django.conf import settings

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def main(redis_url: str, username: str, attempts: int) -> None:
    from website.settings import base

    settings.configure(
        INSTALLED_APPS=["django.contrib.auth", "django.contrib.contenttypes"],
        DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}},
        CACHES={"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url}},
        RATELIMIT_LOGIN_FAILURES_PER_ACCOUNT=base.RATELIMIT_LOGIN_FAILURES_PER_ACCOUNT,
        RATELIMIT_LOGIN_FAILURES_PER_ADDRESS=base.RATELIMIT_LOGIN_FAILURES_PER_ADDRESS,
        RATELIMIT_CLIENT_IP_HEADER="",
    )
    django.setup()
    from django.core.management import call_command
    from django.test import RequestFactory

    from website.throttled_auth import ThrottledAuthenticationForm

    call_command("migrate", verbosity=0)
    refused = 0
    for _ in range(attempts):
        request = RequestFactory().post("/en/account/login/", REMOTE_ADDR="127.0.0.1")
        form = ThrottledAuthenticationForm(request, data={"username": username, "password": "wrong"})
        assert not form.is_valid()
        refused += form.throttled is not None
    print(refused)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
