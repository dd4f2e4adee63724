"""Content for the production tests, built in (and read back from) the database a served stack uses.

Run in the stack's own environment (its DJANGO_SETTINGS_MODULE and DATABASE_URL), never through a
test's database connection:

    python -m tests.production.stack_data seed OUT.json [--learners 20]
    python -m tests.production.stack_data read OUT.json   # prints what the learners' work left

``seed`` uses the project's own factories and services: the site (``set_up_site``), courses through
``tests.lms_factories``, the SCORM 1.2 golf sample and the H5P True/False through
``lms.packages.ingest_file`` (the admin's upload path), enrolments, attempts and API tokens.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import django


def _seed(out: Path, learners: int) -> None:
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from wagtail.models import APIToken

    from lms import scorm_runtime
    from lms.models import LessonPage
    from tests.content_factories import H5P_TEST, SCORM12_GOLF, block_activity, ingest, interactive_lesson
    from tests.factories import make_user
    from tests.lms_factories import enrol, knowledge_check, make_course, make_lesson
    from tests.scorm_factories import commit_url, scorm_lesson, session_cookie_header
    from website.settings.environment import ENV
    from website.site_setup import set_up_site

    home = set_up_site().homes[settings.LANGUAGE_CODE].specific

    # The learning flow of tests/e2e/test_learning_flow.py: a lesson to open, then a knowledge check.
    starting = make_course(home, "Starting out", modules=1, lessons_per_module=1)
    check_body = [knowledge_check(pass_mark=100)]
    check = make_lesson(starting.modules[0], "Check your understanding", body=check_body,
                        completion_rule="check_passed")  # fmt: skip
    golf_course = make_course(home, "Golf for peer workers", modules=1, lessons_per_module=0)
    golf = ingest(ENV.testdata_dir / SCORM12_GOLF, title="Golf Explained (SCORM 1.2)")
    golf_lesson = LessonPage.objects.get(pk=scorm_lesson(golf_course.modules[0], golf, "Golf explained").pk)
    h5p_course = make_course(home, "Answering questions", modules=1, lessons_per_module=0)
    true_false = ingest(ENV.testdata_dir / H5P_TEST, title="Is this false?")
    h5p_lesson = interactive_lesson(h5p_course.modules[0], true_false, "True or false",
                                    completion_rule="interactive_passed")  # fmt: skip

    kari = make_user("kari")
    for course in (golf_course, h5p_course):
        enrol(kari, course.page)
    make_user("editor", superuser=True)

    # Learners for the concurrency checks: one password hash for all (PBKDF2 per user only slows this).
    password = make_password("pw")
    users = get_user_model().objects.bulk_create(
        [get_user_model()(username=f"load{n:02}", password=password) for n in range(learners)]
    )
    activity = block_activity(golf_lesson)
    load = []
    for user in users:
        enrol(user, golf_course.page)
        enrol(user, starting.page)
        attempt = scorm_runtime.current_attempt(user, golf_lesson, activity, golf)
        _token, secret = APIToken.create_token(user=user, name="production test")
        load.append({"username": user.username, "user_id": user.pk, "attempt": attempt.pk,
                     "commit_path": (path := commit_url(attempt)),
                     "commit_cookie": session_cookie_header(path), "token": secret})  # fmt: skip

    info = {
        "base_url": settings.WAGTAILADMIN_BASE_URL,
        "content_origin": settings.CONTENT_ORIGIN,
        "starting_url": starting.page.url,
        "check_lesson_url": check.url,
        "check_lesson_key": str(check.translation_key),
        "golf_lesson_url": golf_lesson.url,
        "golf_lesson_key": str(golf_lesson.translation_key),
        "golf_course_url": golf_course.page.url,
        "h5p_lesson_url": h5p_lesson.url,
        "h5p_lesson_key": str(h5p_lesson.translation_key),
        "reading_lesson_key": str(starting.lessons[0].translation_key),
        "learners": load,
    }
    out.write_text(json.dumps(info, indent=1))


def _read(seeded: Path) -> None:
    """The learners' stored SCORM state and statements, and kari's progress, as JSON on stdout."""
    from django.apps import apps

    from lms.models import InteractivePackage, LearningStatement, LessonProgress, ScormItemState

    info = json.loads(seeded.read_text())
    attempts = [learner["attempt"] for learner in info["learners"]]
    states = {
        str(state.attempt_id): {
            "commit_count": state.commit_count,
            "location": state.location,
            "suspend_data": state.suspend_data,
            "total_time_seconds": state.total_time_seconds,
        }
        for state in ScormItemState.objects.filter(attempt_id__in=attempts)
    }
    user_ids = [learner["user_id"] for learner in info["learners"]]
    statements = list(
        LearningStatement.objects.filter(user_id__in=user_ids).values_list("statement_id", flat=True)
    )
    progress = {
        str(row.lesson_key): {"status": row.status, "success": row.success, "best_score": row.best_score}
        for row in LessonProgress.objects.filter(user__username="kari")
    }
    packages = {package.title: package.status for package in InteractivePackage.objects.all()}
    tasks = []
    if apps.is_installed("django_tasks_db"):
        from django_tasks_db.models import DBTaskResult

        tasks = [
            {"task_path": row.task_path, "status": row.status, "worker_ids": row.worker_ids,
             "args_kwargs": row.args_kwargs}
            for row in DBTaskResult.objects.order_by("enqueued_at")
        ]  # fmt: skip
    json.dump(
        {"states": states, "statement_ids": [str(s) for s in statements], "kari_progress": progress,
         "packages": packages, "tasks": tasks},
        sys.stdout,
    )  # fmt: skip


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["seed", "read"])
    parser.add_argument("file", type=Path, help="the JSON the seed writes and the read-back reads")
    parser.add_argument("--learners", type=int, default=20)
    args = parser.parse_args(argv)
    django.setup()
    if args.action == "seed":
        _seed(args.file, args.learners)
    else:
        _read(args.file)


if __name__ == "__main__":
    main()
