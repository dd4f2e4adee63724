from .cohorts import Cohort, CohortMembership, Enrolment
from .courses import CompletionRule, CoursePage, LessonPage, ModulePage
from .records import LearningStatement, LessonProgress, ProgressStatus, SuccessStatus

__all__ = [
    "Cohort",
    "CohortMembership",
    "CompletionRule",
    "CoursePage",
    "Enrolment",
    "LearningStatement",
    "LessonPage",
    "LessonProgress",
    "ModulePage",
    "ProgressStatus",
    "SuccessStatus",
]
