"""The teacher dashboard for 500 participants × 40 lessons: time and query count (goal < 300 ms)."""

from __future__ import annotations

import statistics
import time
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from lms.dashboard import cohort_matrix
from lms.models import CohortMembership
from lms.progress import record
from tests.factories import make_user
from tests.lms_factories import make_cohort, make_course, statement

pytestmark = pytest.mark.django_db

LEARNERS = 500
RUNS = 7


def populate(cohort, lessons, count: int, prefix: str) -> None:
    users = get_user_model().objects.bulk_create(
        get_user_model()(username=f"{prefix}{n:04}", first_name="Learner", last_name=f"{n:04}")
        for n in range(count)
    )
    CohortMembership.objects.bulk_create(CohortMembership(cohort=cohort, user=user) for user in users)
    now = timezone.now()
    for n, user in enumerate(users):
        # Through the one path, as a real cohort's record would be made: 0 to 40 lessons each.
        for index, lesson in enumerate(lessons[: n % (len(lessons) + 1)]):
            at = now - timedelta(days=n % 30, minutes=index)
            record(statement(user, lesson, at=at, score_scaled=(n % 10) / 10), lesson=lesson)


def timed(action) -> tuple[float, int]:
    """Median milliseconds over RUNS, and the queries of one run."""
    action()
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    with CaptureQueriesContext(connection) as queries:
        action()
    return statistics.median(times), len(queries)


def test_the_dashboard_for_500_learners_and_40_lessons(client, home):
    course = make_course(home, "Benchmark course", modules=4, lessons_per_module=10)
    teacher = make_user("bench_teacher")
    small = make_cohort("Fifty", [course.page], teachers=[teacher])
    large = make_cohort("Five hundred", [course.page], teachers=[teacher])
    started = time.perf_counter()
    populate(small, course.lessons, 50, "small")
    populate(large, course.lessons, LEARNERS, "large")
    print(f"\nrecorded the cohorts' statements in {time.perf_counter() - started:.1f} s")
    client.force_login(teacher)

    def page(cohort):
        with override("en"):
            address = reverse("teaching:cohort", args=[cohort.pk])
        return lambda: client.get(address)

    def export(cohort, file_format):
        with override("en"):
            address = reverse("teaching:export", args=[cohort.pk, file_format])
        return lambda: client.get(address)

    results = {
        "matrix (service)": (
            timed(lambda: cohort_matrix(small, "en")),
            timed(lambda: cohort_matrix(large, "en")),
        ),
        "cohort page": (timed(page(small)), timed(page(large))),
        "CSV export": (timed(export(small, "csv")), timed(export(large, "csv"))),
        "XLSX export": (timed(export(small, "xlsx")), timed(export(large, "xlsx"))),
    }
    admin = make_user("bench_root", superuser=True)
    client.force_login(admin)
    results["admin report"] = (
        timed(lambda: client.get(reverse("lms_cohort_progress_matrix", args=[small.pk]))),
        timed(lambda: client.get(reverse("lms_cohort_progress_matrix", args=[large.pk]))),
    )
    print(f"{'':18} {'50 learners':>22} {LEARNERS:>4} learners × 40 lessons")
    for name, ((small_ms, small_q), (large_ms, large_q)) in results.items():
        print(f"{name:18} {small_ms:9.1f} ms {small_q:3} queries {large_ms:9.1f} ms {large_q:3} queries")
    for name, ((_small_ms, small_q), (_large_ms, large_q)) in results.items():
        assert small_q == large_q, f"{name}: the query count grows with the number of learners"
