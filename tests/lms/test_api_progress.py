"""GET /api/lms/progress (one's own) and /api/lms/cohorts/<id>/progress (its teachers only)."""

import pytest
from django.test import Client
from django.urls import reverse

from lms.progress import record
from tests.factories import make_user
from tests.factories_api import bearer, session_client, token_for
from tests.lms_factories import enrol, make_cohort, statement


@pytest.fixture
def learner(course):
    user = make_user("learner")
    enrol(user, course.page)
    record(statement(user, course.lessons[0]))
    return user


def test_urls_are_named():
    assert reverse("lms_api:my_progress") == "/api/lms/progress"
    assert reverse("lms_api:statements") == "/api/lms/statements"
    assert reverse("lms_api:cohort_progress", args=[7]) == "/api/lms/cohorts/7/progress"


def test_my_progress_shows_my_enrolments_and_lessons(learner, course):
    other = make_user("other")
    enrol(other, course.page)
    record(statement(other, course.lessons[1]))
    response = session_client(learner).get("/api/lms/progress")
    assert response.status_code == 200, response.content
    [entry] = response.json()["enrolments"]
    assert entry["course"] == str(course.page.translation_key)
    assert entry["title"] == course.page.title
    assert entry["percent"] == 25 and entry["completed"] is False
    statuses = {lesson["lesson"]: lesson["status"] for lesson in entry["lessons"]}
    assert statuses[str(course.lessons[0].translation_key)] == "completed"
    assert (
        statuses[str(course.lessons[1].translation_key)] == "not_started"
    )  # the other's progress stays theirs
    assert entry["resume_lesson"] == str(course.lessons[1].translation_key)


def test_my_progress_with_a_token(learner):
    response = Client().get("/api/lms/progress", **bearer(token_for(learner)))
    assert response.status_code == 200 and len(response.json()["enrolments"]) == 1


def test_my_progress_is_empty_without_enrolments(db, home):
    response = session_client(make_user("newcomer")).get("/api/lms/progress")
    assert response.status_code == 200 and response.json()["enrolments"] == []


def test_my_progress_needs_sign_in(db):
    assert Client().get("/api/lms/progress").status_code == 401


def test_unknown_language_is_400(learner):
    response = session_client(learner).get("/api/lms/progress?language=xx")
    assert response.status_code == 400 and "languages" in response.json()["detail"]


@pytest.fixture
def cohort(course, learner):
    teacher = make_user("teacher")
    return make_cohort("Oslo spring", [course.page], teachers=[teacher], members=[learner])


def test_the_teacher_reads_their_cohorts_progress(cohort, learner, course):
    teacher = cohort.teachers.get()
    response = session_client(teacher).get(f"/api/lms/cohorts/{cohort.pk}/progress")
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["name"] == "Oslo spring"
    assert [c["course"] for c in data["courses"]] == [str(course.page.translation_key)]
    [row] = data["learners"]
    assert row["username"] == "learner" and row["percent"] == 25
    assert row["lessons"][0]["status"] == "completed"


@pytest.mark.parametrize("who", ["learner", "other_teacher", "editor"])
def test_others_get_404_for_a_cohort(cohort, learner, editor_of, who):
    if who == "learner":
        user = learner
    elif who == "other_teacher":
        user = make_user("teacher_y")
        make_cohort("Riga", [], teachers=[user])
    else:
        user = editor_of("sv")
    response = session_client(user).get(f"/api/lms/cohorts/{cohort.pk}/progress")
    assert response.status_code == 404
    assert "learners" not in response.json()


def test_superuser_reads_any_cohort_and_unknown_is_404(cohort):
    admin = session_client(make_user("admin", superuser=True))
    assert admin.get(f"/api/lms/cohorts/{cohort.pk}/progress").status_code == 200
    assert admin.get("/api/lms/cohorts/999999/progress").status_code == 404


def test_cohort_progress_needs_sign_in(cohort):
    assert Client().get(f"/api/lms/cohorts/{cohort.pk}/progress").status_code == 401
