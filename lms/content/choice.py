"""Which package a reader gets: the one in their language, along the site's fallback chain.

An interactive block chooses one package. That package, its original (``translation_of``)
and every translation of the original form a family; a reader gets the family's ready
package in the first language of their fallback chain, so a Swedish learner gets the
Swedish SCORM where there is one, a Danish learner the Norwegian or Swedish one, and
everyone else the source. Where no language in the chain has one, the chosen package.
"""

from __future__ import annotations

from django.db.models import Q

from lms.models import InteractivePackage
from website.languages import best_in_chain


def package_family(package: InteractivePackage) -> list[InteractivePackage]:
    """The ready packages that are versions of ``package`` in some language (itself included)."""
    original_id = package.translation_of_id or package.pk
    family = InteractivePackage.objects.filter(
        Q(pk=package.pk) | Q(pk=original_id) | Q(translation_of_id=original_id),
        live_revision__isnull=False,
    )
    return list(family.order_by("-checked_at", "-pk"))


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
