"""A learner's copy of their data, their request for erasure, and an administrator carrying it out."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from lms import certificates, privacy
from lms.models import (
    Certificate,
    CohortMembership,
    Enrolment,
    ErasureRequest,
    LearnerPseudonym,
    LearningStatement,
    LessonProgress,
    PendingForward,
)
from lms.progress import record
from lms.statements import Verb
from tests.factories import make_user
from tests.factories_certificates import TITLES, complete, multilingual_course
from tests.lms_factories import make_cohort, statement

ADMIN_INDEX = "/admin/lms/erasure-requests/"


def build_course(home):
    """This module's course (tests/lms/conftest.py builds it once for the module)."""
    return multilingual_course(home, languages=("nb",))


@pytest.fixture
def learner(course):
    user = make_user("maija")
    user.first_name, user.last_name = "Maija", "Ķirsīte"
    user.save()
    make_cohort("Riga spring", [course.page], members=[user])
    complete(user, course, enrolled=False)
    certificates.issue_for_course(user, course.page.translation_key)
    return user


@pytest.fixture
def bystander(course, learner):
    """Another learner in the same cohort and course, whose data must stay as it is."""
    user = make_user("jonas")
    CohortMembership.objects.create(cohort=learner.cohorts.get(), user=user)
    complete(user, course)
    certificates.issue_for_course(user, course.page.translation_key)
    return user


@pytest.fixture
def admin(db):
    return make_user("root", superuser=True)


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def export_of(user, language="en") -> dict:
    response = client_for(user).get(f"/{language}/my-data/export.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    return json.loads(response.content)


def snapshot(user) -> dict:
    return {
        "statements": LearningStatement.objects.filter(user=user).count(),
        "progress": list(LessonProgress.objects.filter(user=user).values_list("lesson_key", "status")),
        "enrolments": Enrolment.objects.filter(user=user).count(),
        "memberships": CohortMembership.objects.filter(user=user).count(),
        "certificates": list(Certificate.objects.filter(user=user).values_list("code", "holder_name")),
    }


def test_the_export_holds_profile_enrolments_cohorts_progress_statements_and_certificates(
    learner, bystander, course
):
    data = export_of(learner, "nb")

    assert data["profile"]["username"] == "maija" and data["profile"]["last_name"] == "Ķirsīte"
    assert data["profile"]["email"] == "maija@example.org"
    [enrolment] = data["enrolments"]
    assert enrolment["course"] == TITLES["nb"] and enrolment["cohort"] == "Riga spring"
    assert enrolment["completed_at"]
    assert [cohort["cohort"] for cohort in data["cohorts"]] == ["Riga spring"]
    assert {row["lesson_key"] for row in data["lesson_progress"]} == {
        str(lesson.translation_key) for lesson in course.lessons
    }
    assert all(row["status"] == "completed" for row in data["lesson_progress"])
    assert len(data["statements"]) == len(course.lessons)
    assert all(item["version"] == "1.0.3" for item in data["statements"])
    [certificate] = data["certificates"]
    code = Certificate.objects.get(user=learner).display_code
    assert certificate["code"] == code and certificate["title"] == TITLES["nb"]
    assert certificate["verify_url"] == f"http://testserver/verify/{code}/"
    text = json.dumps(data, ensure_ascii=False)
    assert "jonas" not in text, "nothing of another learner's"
    assert Certificate.objects.get(user=bystander).display_code not in text


def test_the_export_is_only_for_the_signed_in_learner(learner):
    response = Client().get("/en/my-data/export.json")

    assert response.status_code == 302 and "/account/login/" in response["Location"]


def test_asking_for_erasure_needs_the_confirmation(learner):
    client = client_for(learner)

    page = client.get("/en/my-data/erasure/")
    unconfirmed = client.post("/en/my-data/erasure/", {})

    assert page.status_code == 200 and "cannot be undone" in page.content.decode()
    assert unconfirmed.status_code == 400
    assert "Tick the box" in unconfirmed.content.decode()
    assert ErasureRequest.objects.count() == 0

    confirmed = client.post("/en/my-data/erasure/", {"confirm": "on"}, follow=True)
    client.post("/en/my-data/erasure/", {"confirm": "on"})

    assert ErasureRequest.objects.get().user == learner
    assert "Your request is recorded" in confirmed.content.decode()
    assert "An administrator will carry it out" in client.get("/en/my-data/").content.decode()
    assert snapshot(learner)["statements"] == len(LearningStatement.objects.all()), "nothing erased yet"


def test_erasure_requests_cannot_be_made_for_someone_else(db):
    assert Client().post("/en/my-data/erasure/", {"confirm": "on"}).status_code == 302
    assert ErasureRequest.objects.count() == 0


def test_carrying_out_erasure_removes_the_learner_and_leaves_others_alone(learner, bystander, admin, course):
    code = Certificate.objects.get(user=learner).display_code
    others_before = snapshot(bystander)
    request, _created = privacy.request_erasure(learner)
    client = client_for(admin)

    listing = client.get(ADMIN_INDEX)
    confirm = client.get(f"{ADMIN_INDEX}{request.pk}/carry-out/")
    done = client.post(f"{ADMIN_INDEX}{request.pk}/carry-out/", follow=True)

    assert listing.status_code == 200 and "Carry out erasure" in listing.content.decode()
    assert confirm.status_code == 200 and "cannot be undone" in confirm.content.decode()
    assert done.status_code == 200 and "Statements: 2; lesson records: 2" in done.content.decode()
    assert not get_user_model().objects.filter(username="maija").exists()
    for model in (LearningStatement, LessonProgress, Enrolment, CohortMembership, LearnerPseudonym):
        assert not model.objects.filter(user_id=learner.pk).exists(), model
    certificate = Certificate.objects.get(code=code.replace("-", ""))
    assert certificate.user is None and certificate.holder_name == "" and certificate.withdrawn
    request.refresh_from_db()
    assert request.status == ErasureRequest.Status.CARRIED_OUT and request.user is None
    assert request.carried_out_by == admin
    assert request.summary == {
        "statements": 2,
        "lesson_progress": 2,
        "enrolments": 1,
        "cohort_memberships": 1,
        "pseudonyms": 0,
        "certificates_withdrawn": 1,
    }
    assert snapshot(bystander) == others_before


def test_after_erasure_verification_says_withdrawn_and_nothing_else(learner, bystander, admin):
    code = Certificate.objects.get(user=learner).display_code
    others = Certificate.objects.get(user=bystander).display_code
    privacy.carry_out(privacy.request_erasure(learner)[0], by=admin)

    response = Client().get(f"/verify/{code}/", HTTP_ACCEPT_LANGUAGE="en")

    page = response.content.decode()
    assert response.status_code == 410 and "has been withdrawn" in page
    assert "Maija" not in page and "Ķirsīte" not in page
    assert Client().get(f"/verify/{others}/").status_code == 200


def test_statements_waiting_for_the_lrs_go_with_the_learner(learner, admin):
    PendingForward.objects.create(
        statement=LearningStatement.objects.filter(user=learner).first(), next_attempt_at="2030-01-01T00:00Z"
    )

    privacy.carry_out(privacy.request_erasure(learner)[0], by=admin)

    assert PendingForward.objects.count() == 0


def test_an_erased_teacher_leaves_the_learners_records_in_place(learner, course, admin):
    teacher = make_user("teacher")
    learner.cohorts.get().teachers.add(teacher)
    vouched = statement(learner, course.lessons[0], verb=Verb.COMPLETED)
    record(type(vouched)(**{**vouched.__dict__, "authority_id": teacher.pk}))
    before = snapshot(learner)

    privacy.carry_out(privacy.request_erasure(teacher)[0], by=admin)

    assert snapshot(learner) == before
    assert LearningStatement.objects.get(statement_id=vouched.id).authority_id is None


def test_an_erasure_is_carried_out_once(learner, admin):
    request, _created = privacy.request_erasure(learner)
    privacy.carry_out(request, by=admin)
    request.refresh_from_db()

    with pytest.raises(privacy.ErasureError, match="already been carried out"):
        privacy.carry_out(request, by=admin)


def test_an_administrator_cannot_erase_their_own_account(admin):
    request, _created = privacy.request_erasure(admin)

    with pytest.raises(privacy.ErasureError, match="another administrator"):
        privacy.carry_out(request, by=admin)
    assert get_user_model().objects.filter(pk=admin.pk).exists()


def test_only_superusers_see_or_carry_out_erasure_requests(learner, editor_of):
    request, _created = privacy.request_erasure(learner)
    teacher = make_user("teacher")
    learner.cohorts.get().teachers.add(teacher)
    staff_teacher = make_user("staffer")
    staff_teacher.is_staff = True
    staff_teacher.save()

    for user in (learner, teacher, editor_of("sv"), staff_teacher):
        client = client_for(user)
        assert client.get(ADMIN_INDEX).status_code == 302
        assert client.post(f"{ADMIN_INDEX}{request.pk}/carry-out/").status_code == 302
    assert get_user_model().objects.filter(pk=learner.pk).exists()
    assert ErasureRequest.objects.get().status == ErasureRequest.Status.PENDING


def test_erasing_someone_others_depend_on_says_so_and_erases_nothing(learner, admin):
    from tests.placement_factories import make_placement, person, school_contact

    supervisor = person("practice-supervisor")
    make_placement(learner, supervisor, school_contact("contact"))
    request, _created = privacy.request_erasure(supervisor)
    statements_before = LearningStatement.objects.count()

    with pytest.raises(privacy.ErasureError, match="Hand them over"):
        privacy.carry_out(request, by=admin)

    request.refresh_from_db()
    assert request.status == request.Status.PENDING
    assert type(supervisor).objects.filter(pk=supervisor.pk).exists()
    assert LearningStatement.objects.count() == statements_before


def test_the_export_holds_supervision_attendance_and_placements_but_no_notes(learner, bystander):
    import datetime

    from supervision.models import SupervisorNote
    from tests.placement_factories import make_placement, person, school_contact
    from tests.supervision_factories import make_group, make_session

    supervisor = person("supervisor")
    group = make_group(supervisors=[supervisor], participants=[learner, bystander])
    session = make_session(
        group, datetime.date(2025, 3, 4), minutes=90, present=[learner], absent=[bystander]
    )
    SupervisorNote.objects.create(session=session, author=supervisor, text="The group talked about stigma.")
    placement = make_placement(learner, person("practice-supervisor"), school_contact("contact"))
    placement.conversations.filter(number=1).update(student_reflection="I found my feet.")

    data = export_of(learner)

    [row] = data["supervision"]["attendance"]
    assert (row["date"], row["duration_minutes"], row["status"]) == ("2025-03-04", 90, "present")
    [own_placement] = data["placements"]
    assert own_placement["role"] == "student" and len(own_placement["conversations"]) == 3
    assert own_placement["conversations"][0]["student_reflection"] == "I found my feet."
    text = json.dumps(data, ensure_ascii=False)
    assert "stigma" not in text, "supervisors' notes are not a participant's data"
    assert "absent" not in text, "nothing of another participant's attendance"
