"""A content session opens only a language version of the package its block chose (lms.content.access).

The grant names a package by its uuid; a signed grant is trusted for who and which lesson, and
checked again for which package: the chosen one, its original or another translation of that.
"""

from __future__ import annotations

import pytest

from lms.content.access import ContentDenied, ContentGrant, check_grant
from tests.content_factories import block_activity, fake_package, interactive_lesson

pytestmark = pytest.mark.django_db


@pytest.fixture
def family(db):
    english = fake_package("Exercise", "en")
    swedish = fake_package("Övning", "sv", translation_of=english)
    danish = fake_package("Øvelse", "da", translation_of=english)
    return english, swedish, danish


def grant(learner, lesson, package) -> ContentGrant:
    return ContentGrant(learner.pk, lesson.translation_key, block_activity(lesson), package.uuid)


@pytest.mark.parametrize("chosen", [0, 1], ids=["the original chosen", "a translation chosen"])
def test_every_language_version_of_the_chosen_package_opens(course, learner, family, chosen):
    lesson = interactive_lesson(course.modules[0], family[chosen])
    for package in family:
        assert check_grant(grant(learner, lesson, package)).package == package


def test_a_package_of_another_family_is_refused(course, learner, family):
    lesson = interactive_lesson(course.modules[0], family[1])
    stranger = fake_package("Another exercise", "en")
    with pytest.raises(ContentDenied):
        check_grant(grant(learner, lesson, stranger))
    # Nor its translation, though it names an original too.
    with pytest.raises(ContentDenied):
        check_grant(grant(learner, lesson, fake_package("Annan övning", "sv", translation_of=stranger)))


def test_a_package_deleted_or_without_a_live_revision_opens_no_more(course, learner, family):
    """Kept per content generation for the files a player loads; a package's change starts one."""
    english, swedish, _danish = family
    lesson = interactive_lesson(course.modules[0], english)
    assert check_grant(grant(learner, lesson, swedish)).package == swedish
    swedish.live_revision = None  # a first upload still being checked has none
    swedish.save()
    with pytest.raises(ContentDenied):
        check_grant(grant(learner, lesson, swedish))
    assert check_grant(grant(learner, lesson, english)).package == english
    english.delete()
    with pytest.raises(ContentDenied):
        check_grant(grant(learner, lesson, english))
