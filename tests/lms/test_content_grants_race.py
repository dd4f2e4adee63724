"""One launch link opened by several requests at the same moment starts exactly one content session.

The app runs several processes (gunicorn workers); what makes a launch one-use is the primary
key of its row in the database they share, not anything one process remembers.
"""

from __future__ import annotations

import pytest
from django.test import Client

from lms.content.access import SESSION_COOKIE
from lms.models import ContentLaunch
from tests.concurrency import run_together
from tests.content_factories import H5P_TEST, ingest, interactive_lesson, launch_path

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    # Concurrent writers are PostgreSQL's; SQLite serialises them.
    pytest.mark.postgres_only,
]

AT_ONCE = 6


def test_a_launch_link_opened_at_once_by_several_requests_opens_once(learner, course):
    package = ingest(H5P_TEST, title="Is this false?")
    lesson = interactive_lesson(course.modules[0], package)
    link = launch_path(learner, lesson, package)
    answers = []

    def open_it():
        response = Client().get(link)
        answers.append((response.status_code, SESSION_COOKIE in response.cookies))

    assert run_together([open_it] * AT_ONCE) == []
    assert sorted(answers) == [(303, True)] + [(403, False)] * (AT_ONCE - 1)
    assert ContentLaunch.objects.count() == 1
