"""Who may see whose learning: a learner their own, a teacher their cohorts, an admin everything."""

from __future__ import annotations

from django.db.models import QuerySet
from wagtail.permission_policies import ModelPermissionPolicy

from lms.models import Cohort, Enrolment
from website.permissions import editable_languages


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


class PackagePermissionPolicy(ModelPermissionPolicy):
    """Model permissions for interactive packages, and per package its language's editor rule.

    Viewing and choosing stay open to every editor (a lesson in any language may fall
    back to another language's package); changing or deleting a package needs the
    right to edit its language's pages.
    """

    scoped_actions = frozenset({"change", "delete"})

    def user_has_permission_for_instance(self, user, action, instance) -> bool:
        if not self.user_has_permission(user, action):
            return False
        return action not in self.scoped_actions or instance.language in editable_languages(user)

    def instances_user_has_any_permission_for(self, user, actions) -> QuerySet:
        permitted = [action for action in actions if self.user_has_permission(user, action)]
        if not permitted:
            return self.model._default_manager.none()
        if any(action not in self.scoped_actions for action in permitted):
            return self.model._default_manager.all()
        return self.model._default_manager.filter(language__in=editable_languages(user))
