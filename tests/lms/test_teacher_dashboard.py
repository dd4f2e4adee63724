"""The teacher dashboard on the site: matrix, timeline, inactivity, progress chart, who may see what."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.translation import override

from lms.dashboard import cohort_matrix
from lms.models import ProgressStatus, SuccessStatus
from lms.progress import record
from tests.dashboard_factories import days_ago, person
from tests.factories import make_user
from tests.html import parse, table_rows, words
from tests.lms_factories import make_cohort, statement

pytestmark = pytest.mark.django_db


def url(name: str, *args, language: str = "en") -> str:
    with override(language):
        return reverse(f"teaching:{name}", args=args)


def signed_in(client, user):
    client.force_login(user)
    return client


@pytest.mark.postgres  # aggregates: each participant's best score
def test_the_matrix_holds_each_participants_status_and_best_score(room):
    matrix = cohort_matrix(room.cohort_x, "en")
    assert [column.title for column in matrix.columns] == [
        "Lesson 1.1",
        "Lesson 1.2",
        "Lesson 2.1",
        "Lesson 2.2",
    ]
    assert [row.name for row in matrix.rows] == ["Anna Aalto", "Bo Berg"]
    anna, bo = matrix.rows
    assert [cell.status for cell in anna.cells] == [
        ProgressStatus.COMPLETED,
        ProgressStatus.IN_PROGRESS,
        ProgressStatus.NOT_STARTED,
        ProgressStatus.NOT_STARTED,
    ]
    assert anna.cells[1].score_percent == 80
    assert anna.cells[1].success == SuccessStatus.PASSED
    assert (anna.required_done, anna.required_total, anna.percent) == (1, 4, 25)
    assert all(cell.status == ProgressStatus.NOT_STARTED for cell in bo.cells)
    assert [cell.can_be_marked_done for cell in bo.cells] == [False, False, False, True]


def test_the_cohort_page_shows_the_matrix_in_words(client, room):
    response = signed_in(client, room.teacher_x).get(url("cohort", room.cohort_x.pk))
    assert response.status_code == 200
    table = parse(response.content).select_one("table.matrix")
    assert words(table.caption) == "Progress of the participants of Cohort X, lesson by lesson"
    assert [words(th) for th in table.thead.find_all("th", scope="col")][:3] == [
        "Participant",
        "Required lessons completed",
        "Last activity",
    ]
    rows = table_rows(table)
    # Name, share done, last activity (a date), then one cell per lesson in words.
    assert [row[:2] + row[3:] for row in rows] == [
        ["Anna Aalto", "25 % (1 of 4)", "✓ Completed", "◐ In progress score 80 % Passed", "○ Not started",
         "○ Not started Mark done"],
        ["Bo Berg", "0 % (0 of 4)", "○ Not started", "○ Not started", "○ Not started",
         "○ Not started Mark done"],
    ]  # fmt: skip
    assert [row.th.get("scope") for row in table.tbody.find_all("tr")] == ["row", "row"]
    assert table.tbody.find("time") is not None and rows[1][2] == "Never"


def test_lessons_are_titled_in_the_teachers_language_with_fallback(
    client, room, translated_home, translate_page
):
    course = room.course
    translate_page(course.page, "nb", {}, strict=False)
    translate_page(course.modules[0], "nb", {}, strict=False)
    translate_page(course.lessons[0], "nb", {"Lesson 1.1": "Leksjon 1.1"}, strict=False)
    response = signed_in(client, room.teacher_x).get(url("cohort", room.cohort_x.pk, language="nb"))
    lessons = [words(th) for th in parse(response.content).select("table.matrix th.matrix__lesson")]
    # Lesson 1.2 is not translated: shown in English, the end of the fallback chain.
    assert [title.split()[-1] for title in lessons[:2]] == ["1.1", "1.2"]
    assert lessons[0].endswith("Leksjon 1.1") and lessons[1].endswith("Lesson 1.2")


def test_a_participants_timeline_reads_when_which_lesson_what_and_result(client, room):
    response = signed_in(client, room.teacher_x).get(url("learner", room.cohort_x.pk, room.anna.pk))
    assert response.status_code == 200
    rows = table_rows(parse(response.content).select_one("table"))
    # When (a date and time), which lesson, what, and the result; newest first.
    assert [row[1:] for row in rows] == [
        ["Lesson 1.2 (Introduction to peer support)", "Answered a knowledge check", "score 80 %, passed"],
        ["Lesson 1.1 (Introduction to peer support)", "Viewed the lesson", "—"],
    ]


def test_a_participant_without_statements_has_an_empty_timeline(client, room):
    response = signed_in(client, room.teacher_x).get(url("learner", room.cohort_x.pk, room.bo.pk))
    assert "has not started any lesson" in response.content.decode()


@pytest.mark.postgres  # date arithmetic in the query
def test_inactive_participants_are_those_without_statements_in_n_days(room):
    matrix = cohort_matrix(room.cohort_x, "en")
    assert [row.name for row in matrix.inactive(1)] == ["Bo Berg", "Anna Aalto"]
    assert [row.name for row in matrix.inactive(7)] == ["Bo Berg"]


def inactive_section(html: str):
    """The inactivity section: its filter form and the list of who has been inactive."""
    return parse(html).find(id="inactive-heading").parent


def inactive_names(section) -> list[str]:
    return [words(item).split(" — ")[0] for item in section.find_all("li")]


@pytest.mark.postgres  # date arithmetic in the query
def test_the_inactivity_filter_takes_its_days_from_the_query(client, room):
    signed_in(client, room.teacher_x)
    default = inactive_section(client.get(url("cohort", room.cohort_x.pk)).content.decode())
    assert default.find("input", attrs={"name": "days"})["value"] == "14"
    assert inactive_names(default) == ["Bo Berg"]
    one_day = inactive_section(client.get(url("cohort", room.cohort_x.pk), {"days": 1}).content.decode())
    assert inactive_names(one_day) == ["Bo Berg", "Anna Aalto"]


def test_a_bad_number_of_days_is_explained_and_the_default_kept(client, room):
    response = signed_in(client, room.teacher_x).get(url("cohort", room.cohort_x.pk), {"days": "-3"})
    assert response.status_code == 200
    section = inactive_section(response.content.decode())
    field = section.find("input", attrs={"name": "days"})
    assert section.find(attrs={"role": "alert"}) is not None
    assert field["aria-invalid"] == "true" and field["value"] == "14"


@pytest.mark.postgres  # date arithmetic in the query
def test_statements_in_other_courses_do_not_count_as_activity(room, home):
    from tests.lms_factories import make_course

    other = make_course(home, "Another course", modules=1, lessons_per_module=1)
    record(statement(room.bo, other.lessons[0]))
    assert [row.name for row in cohort_matrix(room.cohort_x, "en").inactive(7)] == ["Bo Berg"]


@pytest.mark.postgres  # aggregates: counts per fifth
def test_the_progress_distribution_counts_participants_per_fifth(client, room):
    buckets = cohort_matrix(room.cohort_x, "en").distribution()
    assert [(bucket.low, bucket.high, bucket.count) for bucket in buckets] == [
        (0, 19, 1),
        (20, 39, 1),
        (40, 59, 0),
        (60, 79, 0),
        (80, 100, 0),
    ]
    for lesson in room.course.lessons[:3]:
        record(statement(room.bo, lesson))
    record(statement(room.bo, room.teacher_lesson, verb="http://adlnet.gov/expapi/verbs/completed"))
    # Bo completes three lessons by viewing them; the teacher's lesson needs the teacher.
    assert [bucket.count for bucket in cohort_matrix(room.cohort_x, "en").distribution()] == [0, 1, 0, 1, 0]


def test_the_chart_is_an_accessible_svg_with_a_table_of_its_figures(client, room):
    page = parse(signed_in(client, room.teacher_x).get(url("cohort", room.cohort_x.pk)).content)
    chart = page.select_one('svg[role="img"]')
    assert chart["aria-labelledby"].split() == ["distribution-title", "distribution-desc"]
    assert words(chart.find(id="distribution-title")) == "Participants by share of required lessons completed"
    assert words(chart.find(id="distribution-desc")) == (
        "0–19 %: 1 participant; 20–39 %: 1 participant; 40–59 %: 0 participants; "
        "60–79 %: 0 participants; 80–100 %: 0 participants"
    )
    assert table_rows(page.select_one(".distribution__table")) == [
        ["0–19 %", "1"], ["20–39 %", "1"], ["40–59 %", "0"], ["60–79 %", "0"], ["80–100 %", "0"],
    ]  # fmt: skip
    assert page.find(id="distribution-heading").parent.find("script") is None


def test_a_teacher_lists_only_their_own_cohorts(client, room):
    html = signed_in(client, room.teacher_x).get(url("cohorts")).content.decode()
    assert "Cohort X" in html and "Cohort Y" not in html


def test_a_superuser_sees_every_cohort(client, room):
    admin = make_user("root", superuser=True)
    signed_in(client, admin)
    html = client.get(url("cohorts")).content.decode()
    assert "Cohort X" in html and "Cohort Y" in html
    assert client.get(url("cohort", room.cohort_y.pk)).status_code == 200
    assert client.get(url("learner", room.cohort_y.pk, room.cara.pk)).status_code == 200


def test_a_teacher_cannot_open_another_teachers_cohort_or_its_participants(client, room):
    signed_in(client, room.teacher_x)
    assert client.get(url("cohort", room.cohort_y.pk)).status_code == 404
    assert client.get(url("learner", room.cohort_y.pk, room.cara.pk)).status_code == 404
    # Nor a participant of cohort Y through their own cohort's address.
    assert client.get(url("learner", room.cohort_x.pk, room.cara.pk)).status_code == 404
    assert client.get(url("export", room.cohort_y.pk, "csv")).status_code == 404
    assert client.get(url("cohort", 999999)).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client, room):
    for address in (
        url("cohorts"),
        url("cohort", room.cohort_x.pk),
        url("learner", room.cohort_x.pk, room.anna.pk),
        url("export", room.cohort_x.pk, "xlsx"),
    ):
        response = client.get(address)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
        assert "next=" in response["Location"]


def test_a_learner_has_no_teaching_dashboard(client, room):
    signed_in(client, room.anna)
    assert client.get(url("cohorts")).status_code == 403
    assert client.get(url("cohort", room.cohort_x.pk)).status_code == 404
    assert client.get(url("learner", room.cohort_x.pk, room.anna.pk)).status_code == 404
    assert client.get(url("export", room.cohort_x.pk, "csv")).status_code == 404


def render_queries(client, address: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(address).status_code == 200
    return len(queries)


@pytest.mark.postgres  # a query count
def test_the_query_count_does_not_grow_with_the_participants(client, home):
    from tests.lms_factories import make_course

    course = make_course(home, "Counted course", modules=2, lessons_per_module=3)
    teacher = make_user("counting_teacher")
    small = make_cohort("Small", [course.page], teachers=[teacher])
    large = make_cohort("Large", [course.page], teachers=[teacher])
    for number in range(10):
        learner = person(f"learner{number}", "L", f"{number:02}")
        (small if number < 2 else large).members.add(learner)
        if number < 2:
            large.members.add(learner)
        for lesson in course.lessons[: number % 4 + 1]:
            record(statement(learner, lesson, at=days_ago(number), score_scaled=0.5))
    signed_in(client, teacher)
    render_queries(client, url("cohorts"))  # the first request warms per-process caches (site, content types)
    render_queries(client, url("cohort", small.pk))  # and the course's outline, kept per content generation
    for name, *extra in (("cohort",), ("export", "xlsx"), ("export", "csv")):
        assert render_queries(client, url(name, small.pk, *extra)) == render_queries(
            client, url(name, large.pk, *extra)
        )
