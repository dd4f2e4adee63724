"""Throttling of sign-in, password reset, certificate checks and the statements API.

A small limiter on the default cache (Redis in production, so every worker shares the
counts) rather than django-ratelimit: sign-in counts only *failed* attempts and checks the
limit before the password is even looked at, and one request is judged against several
keys (the account and the address). django-ratelimit's decorators count requests.

Each rule counts events per key (``cache.add`` then ``cache.incr``, both atomic in Redis).
When a count reaches the limit, the key is blocked for a full window from that moment.
Request rates count in a window from the key's first event, which can let up to twice the
limit through around the window's end: fine for load. Guessing (failed sign-ins) counts
with a sliding expiry instead, pushed back by every failure, so the count only lapses
after a whole window without one: then no window of that length ever holds more
failures than the limit.
"""

from __future__ import annotations

import hashlib
import ipaddress
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches
from django.core.cache.backends.redis import RedisCache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import ngettext


@dataclass(frozen=True)
class Rule:
    """At most ``limit`` events per ``window`` seconds for one key in ``scope``."""

    scope: str
    limit: int
    window: int

    @classmethod
    def from_setting(cls, scope: str, name: str) -> Rule:
        limit, window = getattr(settings, name)
        return cls(scope, int(limit), int(window))


class Throttled(Exception):
    """A request refused because a limit is reached; ``retry_after`` in whole seconds."""

    def __init__(self, retry_after: int):
        super().__init__(f"Too many requests; retry after {retry_after} s")
        self.retry_after = retry_after


def throttled_message(retry_after: int) -> str:
    """The one message a refused person reads, with the wait rounded up to whole minutes."""
    minutes = max(1, -(-retry_after // 60))
    return ngettext(
        "Too many attempts. For your security, please wait %(minutes)s minute and try again.",
        "Too many attempts. For your security, please wait %(minutes)s minutes and try again.",
        minutes,
    ) % {"minutes": minutes}


def _key(rule: Rule, identity: str, kind: str) -> str:
    # Hashed: account names and addresses are personal data and may hold characters
    # that memcached-style keys refuse.
    digest = hashlib.sha256(identity.encode()).hexdigest()[:32]
    return f"ratelimit:{kind}:{rule.scope}:{digest}"


def count(rule: Rule, identity: str, *, sliding: bool = False) -> int:
    """Record one event for ``identity``; blocks it for a window once the limit is reached.

    ``sliding``: the count lapses only after a whole window without an event.
    """
    key = _key(rule, identity, "count")
    cache.add(key, 0, timeout=rule.window)
    try:
        total = cache.incr(key)
    except ValueError:
        # The window ended between add and incr: this event starts a new one.
        cache.add(key, 1, timeout=rule.window)
        total = 1
    if sliding:
        cache.touch(key, timeout=rule.window)
    if total >= rule.limit:
        cache.set(_key(rule, identity, "blocked"), time.time() + rule.window, timeout=rule.window)
    return total


def forget(rule: Rule, identity: str) -> None:
    """Drop the count for ``identity`` (a successful sign-in ends its run of failures)."""
    cache.delete(_key(rule, identity, "count"))


def check(checks: list[tuple[Rule, str]]) -> None:
    """Raise ``Throttled`` when any (rule, identity) pair is blocked; counts nothing."""
    # One round trip for all keys: this runs on every limited request.
    blocked_until = cache.get_many([_key(rule, identity, "blocked") for rule, identity in checks])
    if blocked_until:
        raise Throttled(max(1, math.ceil(max(blocked_until.values()) - time.time())))


def check_and_count(checks: list[tuple[Rule, str]]) -> None:
    """For limits on every request: refuse when blocked, otherwise count this request."""
    check(checks)
    pipeline = _redis_pipeline()
    if pipeline is None:
        for rule, identity in checks:
            count(rule, identity)
        return
    # On Redis, every count in one round trip (a transaction: no window can end between the
    # add and the increment), instead of two per rule: this runs on every statements request.
    for rule, identity in checks:
        key = cache.make_and_validate_key(_key(rule, identity, "count"))
        pipeline.set(key, 0, ex=rule.window, nx=True)
        pipeline.incr(key)
    totals = pipeline.execute()[1::2]
    for (rule, identity), total in zip(checks, totals, strict=True):
        if total >= rule.limit:
            cache.set(_key(rule, identity, "blocked"), time.time() + rule.window, timeout=rule.window)


def _redis_pipeline():
    """A transaction on the default cache's Redis server, or None when the cache is another kind."""
    backend = caches[DEFAULT_CACHE_ALIAS]
    if not isinstance(backend, RedisCache):
        return None
    # Django's Redis cache has no pipeline of its own: its client's server, as its ``incr`` uses.
    return backend._cache.get_client(write=True).pipeline(transaction=True)


def client_address(request: HttpRequest) -> str:
    """The client's address: REMOTE_ADDR, or behind a proxy the configured header only.

    ``RATELIMIT_CLIENT_IP_HEADER`` (e.g. ``X-Forwarded-For``) is trusted only when set,
    and then its last entry is used: the one the nearest proxy, ours, appended. Anything
    before it was written by the client and could be forged.
    """
    header = getattr(settings, "RATELIMIT_CLIENT_IP_HEADER", "")
    if header:
        forwarded = request.headers.get(header, "")
        candidate = forwarded.split(",")[-1].strip()
        try:
            return str(ipaddress.ip_address(candidate))
        except ValueError:
            pass
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def throttle_by_address(scope: str, setting: str) -> Callable:
    """Decorate a public view: past the limit for the client's address, a 429 page."""

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def throttled_view(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            try:
                check_and_count([(Rule.from_setting(scope, setting), client_address(request))])
            except Throttled as refusal:
                return too_many_requests(request, refusal.retry_after)
            return view(request, *args, **kwargs)

        return throttled_view

    return decorate


def too_many_requests(request: HttpRequest, retry_after: int) -> HttpResponse:
    """The 429 page in the site's layout, with the wait in Retry-After."""
    response = render(
        request,
        "website/errors/429.html",
        {"message": throttled_message(retry_after), "languages": None},
        status=429,
    )
    response["Retry-After"] = str(retry_after)
    return response
