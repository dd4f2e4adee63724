"""What keeps PostgreSQL searches fast however many documents match (PostgreSQL only).

Timing is measured in tests/benchmarks/test_search_speed.py; these check the reasons for it:
the plan that finds ranking candidates, and an index with no entries left pending.
"""

from __future__ import annotations

import pytest
from django.db import connection

from search.backends.embedded import embedded_backend
from search.backends.embedded_postgres import _execute_without_seqscan
from search.query import MAX_HITS, analyse_query
from tests.search.test_backend_contract import doc

pytestmark = pytest.mark.postgres_only

LIBRARY = [doc(100 + i, "other", "en", f"Report {i}", "The yearly report is out.") for i in range(50)] + [
    doc(200 + i, "hiring", "en", f"Note {i}", "A report of the year.") for i in range(50)
]


def pending_pages() -> dict[str, int]:
    """Pages each GIN index of the full-text table still holds in its pending list (and merges now)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname, gin_clean_pending_list(i.indexrelid::regclass) FROM pg_index i "
            "JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam "
            "WHERE i.indrelid = 'search_fulltext'::regclass AND am.amname = 'gin'"
        )
        return dict(cursor.fetchall())


def test_written_documents_leave_no_pending_index_entries(db):
    backend = embedded_backend()
    backend.rebuild(LIBRARY)
    after_rebuild = pending_pages()
    backend.upsert([doc(300, "hope", "en", "Hope", "A report on hope.")])
    after_upsert = pending_pages()
    indexes = {"search_fulltext_vector", "search_fulltext_title_terms", "search_fulltext_title_words"}
    assert set(after_rebuild) == indexes
    assert after_rebuild == after_upsert == dict.fromkeys(indexes, 0)


def test_ranking_candidates_are_found_through_the_title_index(db):
    """Only title matches are ranked by title; the other matches come from the vector index, never a scan."""
    backend = embedded_backend()
    backend.rebuild(LIBRARY)
    compiled = backend._compile(analyse_query("report"))
    with connection.cursor() as cursor:
        _execute_without_seqscan(
            cursor, "EXPLAIN (ANALYZE, COSTS OFF) " + backend._match_sql(), [compiled, MAX_HITS]
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Bitmap Index Scan on search_fulltext_title_terms" in plan
    assert "Bitmap Index Scan on search_fulltext_vector" in plan
    assert "Seq Scan on search_fulltext" not in plan
    hits = backend.match(analyse_query("report"), MAX_HITS)
    assert {h.page_id for h in hits[:50]} == {d.page_id for d in LIBRARY[:50]}
    assert len(hits) == 100


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_sequential_scans_are_forbidden_for_the_search_statement_only():
    """In autocommit, as a site runs, the setting ends with the search: other statements plan as usual."""
    backend = embedded_backend()
    backend.rebuild(LIBRARY)
    assert connection.get_autocommit()
    assert len(backend.match(analyse_query("report"), MAX_HITS)) == 100
    assert backend.matches_any(analyse_query("yearly"))
    with connection.cursor() as cursor:
        cursor.execute("SHOW enable_seqscan")
        assert cursor.fetchone() == ("on",)
