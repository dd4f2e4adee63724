"""On PostgreSQL a connection prepares the statements it sends often: planned once, not every time.

The header's role query (lms.context_processors) is the case that asked for it: PostgreSQL took
about 0.6 ms to plan it on every signed-in page, four times what running it took.
"""

import pytest
from django.db import connection

from lms.context_processors import roles_of
from tests.factories import make_user

pytestmark = [pytest.mark.django_db, pytest.mark.postgres_only]


def prepared_statements() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return [statement for (statement,) in cursor.fetchall()]


def test_the_role_query_is_prepared_once_it_has_been_sent_a_few_times():
    person = make_user("kari")
    first = roles_of(person)
    assert not any("lms_cohort_teachers" in statement for statement in prepared_statements())
    for _time in range(5):
        assert roles_of(person) == first
    role_queries = [statement for statement in prepared_statements() if "lms_cohort_teachers" in statement]
    assert len(role_queries) == 1
    # Its values are bound by the server: one statement for every person, not one per person.
    assert "$1" in role_queries[0]
    other = make_user("ola")
    for _time in range(5):
        roles_of(other)
    assert [s for s in prepared_statements() if "lms_cohort_teachers" in s] == role_queries
