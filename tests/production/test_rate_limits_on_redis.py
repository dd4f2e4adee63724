"""The per-request limits on Redis (website.ratelimits.check_and_count): counted in one round trip,
with the same outcome as on any other cache: the limit-th request blocks the key for a window."""

import pytest
from django.test import override_settings

from tests.requirements import require_redis
from website import ratelimits
from website.ratelimits import Rule, Throttled

REDIS_URL = "redis://127.0.0.1:6379/6"  # this module's own Redis database


@pytest.fixture
def on_redis():
    connection = require_redis(REDIS_URL)
    connection.flushdb()
    caches = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
    with override_settings(CACHES=caches):
        yield connection
    connection.flushdb()


def test_the_limit_th_request_blocks_both_rules_keys_for_a_window(on_redis):
    per_address, per_account = Rule("test-address", 3, 60), Rule("test-account", 5, 60)
    checks = [(per_address, "10.0.0.1"), (per_account, "42")]
    assert ratelimits._redis_pipeline() is not None
    for _ in range(3):
        ratelimits.check_and_count(checks)  # the third reaches the address's limit
    with pytest.raises(Throttled) as refusal:
        ratelimits.check_and_count(checks)
    assert 0 < refusal.value.retry_after <= 60
    counts = {key.decode(): int(on_redis.get(key)) for key in on_redis.keys("*ratelimit:count:*")}
    assert sorted(counts.values()) == [3, 3]  # the refused request counted nothing
    assert all(0 < on_redis.ttl(key) <= 60 for key in counts)
    # Another address for the same account goes on, up to the account's own limit.
    other = [(per_address, "10.0.0.2"), (per_account, "42")]
    ratelimits.check_and_count(other)
    ratelimits.check_and_count(other)  # the account's fifth
    with pytest.raises(Throttled):
        ratelimits.check_and_count([(per_address, "10.0.0.3"), (per_account, "42")])


def test_a_count_starts_again_after_its_window(on_redis):
    rule = Rule("test-window", 10, 60)
    ratelimits.check_and_count([(rule, "10.0.0.9")])
    [key] = on_redis.keys("*ratelimit:count:*")
    on_redis.delete(key)  # the window's end, as Redis expires it
    ratelimits.check_and_count([(rule, "10.0.0.9")])
    assert int(on_redis.get(key)) == 1
