"""Which package a reader gets: the one in their language, along the site's fallback chain.

An interactive block chooses one package. That package, its original (``translation_of``)
and every translation of the original form a family; a reader gets the family's ready
package in the first language of their fallback chain, so a Swedish learner gets the
Swedish SCORM where there is one, a Danish learner the Norwegian or Swedish one, and
everyone else the source. Where no language in the chain has one, the chosen package.
"""

from __future__ import annotations

from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from lms.models import InteractivePackage
from website import kept_content
from website.languages import best_in_chain
from website.page_cache import new_generation_now_and_on_commit


def package_family(package: InteractivePackage) -> list[InteractivePackage]:
    """The ready packages that are versions of ``package`` in some language (itself included).

    Kept per content generation (every lesson page with a package asks it): a package saved or
    deleted makes a new generation (below).
    """
    original_id = package.translation_of_id or package.pk

    def family() -> list[InteractivePackage]:
        members = InteractivePackage.objects.filter(
            Q(pk=package.pk) | Q(pk=original_id) | Q(translation_of_id=original_id),
            live_revision__isnull=False,
        )
        return list(members.order_by("-checked_at", "-pk"))

    return kept_content.for_generation("package family", (package.pk, original_id), family)


def package_by_id(package_id: int) -> InteractivePackage | None:
    """A package as it is now, by its id; kept per content generation (every SCORM commit asks)."""
    package = InteractivePackage.objects.filter(pk=package_id)
    return kept_content.for_generation("package", (package_id,), package.first)


def live_package(package_uuid) -> InteractivePackage | None:
    """The package ``package_uuid`` names, if it has a live revision to serve; kept per content
    generation, as every file a player loads asks it."""
    live = InteractivePackage.objects.filter(uuid=package_uuid, live_revision__isnull=False)
    return kept_content.for_generation("live package", (str(package_uuid),), live.first)


@receiver(post_save, sender=InteractivePackage, dispatch_uid="lms.content.choice.package_saved")
@receiver(post_delete, sender=InteractivePackage, dispatch_uid="lms.content.choice.package_deleted")
def _package_changed(sender, **kwargs) -> None:
    # Checked, replaced, translated or deleted: which package a reader gets may change.
    new_generation_now_and_on_commit()


def package_for_reader(package: InteractivePackage | None, language: str) -> InteractivePackage | None:
    """The version of ``package`` a reader of ``language`` should get; None if there is none ready."""
    if package is None:
        return None
    family = package_family(package)
    best = best_in_chain(language, {member.language for member in family})
    if best is None:
        return package if package.ready else None
    in_language = [member for member in family if member.language == best]
    # Two packages in one language: the one the editor chose, else the most recently checked.
    return next((member for member in in_language if member.pk == package.pk), in_language[0])
