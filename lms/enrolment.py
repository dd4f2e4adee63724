"""Putting people into courses: one learner at a time, or a cohort's members.

``enrol`` is THE way an enrolment is made (self-enrolment on the course page,
cohorts, bulk enrolment). It keys the enrolment by the source course's
translation_key, so it holds in every language, and it is idempotent.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import IntegrityError, transaction

from lms.models import Cohort, CohortMembership, CoursePage, Enrolment
from lms.outline import source_course


def enrol(
    user, course: CoursePage, *, cohort: Cohort | None = None, source: str = Enrolment.Source.SELF
) -> tuple[Enrolment, bool]:
    """``(enrolment, created)``: ``user`` enrolled in ``course``; an existing enrolment is kept as it is."""
    course_key = source_course(course).translation_key
    existing = Enrolment.objects.filter(user=user, course_key=course_key).first()
    if existing is not None:
        return existing, False
    try:
        # A concurrent request for the same person and course hits the unique constraint: use its row.
        with transaction.atomic():
            enrolment = Enrolment.objects.create(
                user=user, course_key=course_key, cohort=cohort, source=source
            )
    except IntegrityError:
        return Enrolment.objects.get(user=user, course_key=course_key), False
    return enrolment, True


@dataclass(frozen=True)
class CohortPlacement:
    """What adding one person to a cohort did."""

    joined: bool
    #: How many of the cohort's courses they were newly enrolled in.
    enrolled: int

    @property
    def changed(self) -> bool:
        return self.joined or bool(self.enrolled)


def add_to_cohort(
    cohort: Cohort, users: Iterable, *, source: str = Enrolment.Source.COHORT
) -> dict[int, CohortPlacement]:
    """Make ``users`` members of ``cohort`` and enrol them in its courses; ``{user pk: placement}``."""
    courses = list(cohort.courses.all())
    placements: dict[int, CohortPlacement] = {}
    with transaction.atomic():
        for user in users:
            _membership, joined = CohortMembership.objects.get_or_create(cohort=cohort, user=user)
            enrolled = sum(enrol(user, course, cohort=cohort, source=source)[1] for course in courses)
            placements[user.pk] = CohortPlacement(joined=joined, enrolled=enrolled)
    return placements
