from .certificates import Certificate, CertificateKind
from .cohorts import Cohort, CohortMembership, Enrolment
from .courses import CompletionRule, CoursePage, LessonPage, ModulePage
from .privacy import ErasureRequest, LearnerPseudonym, PendingForward
from .records import LearningStatement, LessonProgress, ProgressStatus, SuccessStatus

__all__ = [
    "Certificate",
    "CertificateKind",
    "Cohort",
    "CohortMembership",
    "CompletionRule",
    "CoursePage",
    "Enrolment",
    "ErasureRequest",
    "LearnerPseudonym",
    "LearningStatement",
    "LessonPage",
    "LessonProgress",
    "ModulePage",
    "PendingForward",
    "ProgressStatus",
    "SuccessStatus",
]
