"""Who may see whose learning: a learner their own, a teacher their cohorts, an admin everything."""

from __future__ import annotations

from django.db.models import QuerySet

from lms.models import Cohort, Enrolment


def cohorts_taught_by(user) -> QuerySet[Cohort]:
    """The cohorts whose progress ``user`` may follow: every one for a superuser."""
    if not user.is_authenticated:
        return Cohort.objects.none()
    if user.is_superuser:
        return Cohort.objects.all()
    return Cohort.objects.filter(teachers=user)


def is_teacher(user) -> bool:
    return user.is_authenticated and (user.is_superuser or user.teaching_cohorts.exists())


def can_view_cohort(user, cohort: Cohort) -> bool:
    return cohorts_taught_by(user).filter(pk=cohort.pk).exists()


def can_view_learner(user, learner) -> bool:
    """Oneself, or a participant of a cohort ``user`` teaches."""
    if not user.is_authenticated:
        return False
    if user.pk == learner.pk or user.is_superuser:
        return True
    return cohorts_taught_by(user).filter(members=learner).exists()


def is_enrolled(user, course_key) -> bool:
    return user.is_authenticated and Enrolment.objects.filter(user=user, course_key=course_key).exists()


def can_open_course_content(user, course) -> bool:
    """Lessons are for the course's participants, its cohorts' teachers, and admins."""
    if not user.is_authenticated:
        return False
    if user.is_superuser or is_enrolled(user, course.translation_key):
        return True
    return cohorts_taught_by(user).filter(courses__translation_key=course.translation_key).exists()


def can_enrol_into_cohort(user, cohort: Cohort) -> bool:
    """Admins (who may change cohorts) into any cohort; teachers into the cohorts they teach."""
    if not user.is_authenticated:
        return False
    return user.has_perm("lms.change_cohort") or cohort.teachers.filter(pk=user.pk).exists()
