"""The statements API's limit per account and per address (see website.ratelimits).

Runs after authentication, so ``request.user`` is the account the statements are for,
whether it came from a session or an API token.
"""

from __future__ import annotations

import threading

from django.http import HttpRequest
from ninja.throttling import BaseThrottle

from website import ratelimits
from website.ratelimits import Rule, Throttled


class StatementThrottle(BaseThrottle):
    """Counts every authenticated statements request; refuses past either limit."""

    def __init__(self) -> None:
        # One instance serves every request of the operation: keep the wait per thread.
        self._state = threading.local()

    def allow_request(self, request: HttpRequest) -> bool:
        per_address = Rule.from_setting("statements-address", "RATELIMIT_STATEMENTS_PER_ADDRESS")
        checks = [(per_address, ratelimits.client_address(request))]
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            per_account = Rule.from_setting("statements-account", "RATELIMIT_STATEMENTS_PER_ACCOUNT")
            checks.append((per_account, str(user.pk)))
        try:
            ratelimits.check_and_count(checks)
        except Throttled as refusal:
            self._state.wait = refusal.retry_after
            return False
        return True

    def wait(self) -> int | None:
        return getattr(self._state, "wait", None)
