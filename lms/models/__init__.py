from .certificates import Certificate, CertificateKind
from .cohorts import Cohort, CohortMembership, Enrolment
from .content_launches import ContentLaunch
from .courses import CompletionRule, CoursePage, LessonPage, ModulePage
from .packages import (
    H5PUserState,
    InteractivePackage,
    PackageKind,
    PackageStatus,
    ScormAttempt,
    ScormItemState,
)
from .privacy import ErasureRequest, LearnerPseudonym, PendingForward
from .records import LearningStatement, LessonProgress, ProgressStatus, SuccessStatus

__all__ = [
    "Certificate",
    "CertificateKind",
    "Cohort",
    "CohortMembership",
    "CompletionRule",
    "ContentLaunch",
    "CoursePage",
    "Enrolment",
    "ErasureRequest",
    "H5PUserState",
    "InteractivePackage",
    "LearnerPseudonym",
    "LearningStatement",
    "LessonPage",
    "LessonProgress",
    "ModulePage",
    "PackageKind",
    "PackageStatus",
    "PendingForward",
    "ProgressStatus",
    "ScormAttempt",
    "ScormItemState",
    "SuccessStatus",
]
