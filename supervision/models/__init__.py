from .certificates import SupervisionCertificate
from .groups import (
    MAX_SESSION_MINUTES,
    GroundRulesAcceptance,
    GroundRulesVersion,
    Membership,
    SupervisionGroup,
    Topic,
)
from .sessions import Attendance, Session, SupervisorNote

__all__ = [
    "MAX_SESSION_MINUTES",
    "Attendance",
    "GroundRulesAcceptance",
    "GroundRulesVersion",
    "Membership",
    "Session",
    "SupervisionCertificate",
    "SupervisionGroup",
    "SupervisorNote",
    "Topic",
]
