"""A group's ground rules: participants accept the current version on joining, and again after a change."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from supervision.models import GroundRulesAcceptance, GroundRulesVersion, SupervisionGroup


def has_accepted_current_rules(group: SupervisionGroup, user) -> bool:
    current = group.current_rules()
    return current is not None and current.acceptances.filter(user=user).exists()


def accept_ground_rules(group: SupervisionGroup, user, version_number: int) -> GroundRulesAcceptance:
    """Record that ``user`` accepts version ``version_number``, which must be the one in force.

    The number comes from the form the participant read: if the rules changed in the
    meantime, they are asked to read the new text rather than accepting it unseen.
    """
    if not group.memberships.filter(user=user).exists():
        raise ValidationError(_("Only the group's participants accept its ground rules."))
    current = group.current_rules()
    if current is None or current.number != version_number:
        raise ValidationError(
            _("The ground rules have changed since you opened the page. Read the new version and accept it.")
        )
    try:
        with transaction.atomic():
            return GroundRulesAcceptance.objects.get_or_create(version=current, user=user)[0]
    except IntegrityError:
        # The same participant accepted in another tab a moment earlier.
        return GroundRulesAcceptance.objects.get(version=current, user=user)


def acceptance_by_participant(group: SupervisionGroup) -> dict[int, GroundRulesAcceptance]:
    """For the supervisors' roster: each participant's acceptance of the current rules, if any."""
    current: GroundRulesVersion | None = group.current_rules()
    if current is None:
        return {}
    return {acceptance.user_id: acceptance for acceptance in current.acceptances.all()}
