"""The suite's task backend leaves Wagtail's bookkeeping to the tests that ask for it, and runs ours."""

import pytest
from wagtail.models import ReferenceIndex
from wagtail.search.models import IndexEntry

from search.models import IndexedDocument
from tests.factories import make_document, make_material

pytestmark = pytest.mark.django_db


def _material_linking_a_document(home):
    document = make_document()
    return make_material(home, "Linking", body=[("document", {"document": document, "label": ""})])


def _bookkeeping_of(page) -> tuple[int, int]:
    indexed = IndexEntry.objects.filter(object_id=str(page.pk)).count()
    referencing = ReferenceIndex.objects.filter(object_id=str(page.pk)).count()
    return indexed, referencing


def test_wagtail_bookkeeping_is_left_undone_by_default_and_our_search_index_is_kept(
    home, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # our index is written once the publish commits
        page = _material_linking_a_document(home)
    assert _bookkeeping_of(page) == (0, 0)
    assert IndexedDocument.objects.filter(page_id=page.pk).exists()


def test_the_fixture_runs_wagtail_bookkeeping(home, wagtail_bookkeeping):
    page = _material_linking_a_document(home)
    indexed, referencing = _bookkeeping_of(page)
    assert indexed >= 1
    assert referencing >= 1
