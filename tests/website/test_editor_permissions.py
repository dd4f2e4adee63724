"""An editor works in their own language's tree only, checked through Wagtail's own admin views."""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from wagtail.models import Page, Revision
from wagtail.test.utils.form_data import rich_text, streamfield

from tests import factories
from website.models import MaterialPage

REFUSED = "Sorry, you do not have permission to access this area."
PAIRS = [("sv", "nb"), ("nb", "sv")]


def login(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def edit_url(page: Page) -> str:
    return f"/admin/pages/{page.pk}/edit/"


def add_url(parent: Page) -> str:
    return f"/admin/pages/add/website/materialpage/{parent.pk}/"


def form_data(client: Client, url: str, **changes):
    """The page form as ``client`` is shown it, with ``changes`` and a body (built by JS in a browser)."""
    body = changes.pop("body", [("paragraph", rich_text("<p>Text.</p>"))])
    return factories.admin_form_data(client, url, {"body": streamfield(body), **changes})


def assert_refused(response) -> None:
    """Wagtail 8 answers a refused admin view with a redirect to the dashboard and an error message."""
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert REFUSED in [str(message).strip() for message in get_messages(response.wsgi_request)]


def revisions_of(page: Page) -> int:
    return Revision.page_revisions.filter(object_id=str(page.pk)).count()


@pytest.fixture
def trees(home, translated_home):
    """A page written directly in each of the Norwegian and Swedish trees, with its tree's home."""
    return {
        code: {
            "home": translated_home[code],
            "page": factories.make_material(translated_home[code], f"Side {code}"),
        }
        for code in ("nb", "sv")
    }


@pytest.mark.django_db
@pytest.mark.parametrize("own, other", PAIRS)
def test_editor_cannot_open_a_page_of_another_language_in_the_editor(editor_of, trees, own, other):
    client = login(editor_of(own))
    assert_refused(client.get(edit_url(trees[other]["page"])))
    assert_refused(client.get(edit_url(trees[other]["home"])))


@pytest.mark.django_db
@pytest.mark.parametrize("own, other", PAIRS)
def test_editor_posting_an_edit_and_publish_to_another_language_changes_nothing(
    admin_client, editor_of, trees, own, other
):
    page = trees[other]["page"]
    data = form_data(
        admin_client, edit_url(page), title="Overwritten", **{"action-publish": "action-publish"}
    )
    revisions = revisions_of(page)

    response = login(editor_of(own)).post(edit_url(page), data)

    assert_refused(response)
    page.refresh_from_db()
    assert page.title == f"Side {other}"
    assert page.draft_title == f"Side {other}"
    assert revisions_of(page) == revisions
    # The same data posted by someone allowed would have been accepted.
    assert admin_client.post(edit_url(page), data).status_code == 302
    page.refresh_from_db()
    assert page.title == "Overwritten"


@pytest.mark.django_db
@pytest.mark.parametrize("own, other", PAIRS)
def test_editor_cannot_add_a_page_under_another_languages_home(admin_client, editor_of, trees, own, other):
    parent = trees[other]["home"]
    data = form_data(admin_client, add_url(parent), title="Intruder", slug="intruder")
    client = login(editor_of(own))

    assert_refused(client.get(f"/admin/pages/{parent.pk}/add_subpage/"))
    assert_refused(client.get(add_url(parent)))
    assert_refused(client.post(add_url(parent), data))
    assert not Page.objects.filter(title="Intruder").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("own, other", PAIRS)
def test_editor_cannot_unpublish_or_delete_in_another_language(editor_of, trees, own, other):
    page = trees[other]["page"]
    client = login(editor_of(own))
    assert_refused(client.post(f"/admin/pages/{page.pk}/unpublish/"))
    assert_refused(client.post(f"/admin/pages/{page.pk}/delete/"))
    page.refresh_from_db()
    assert page.live


@pytest.mark.django_db
@pytest.mark.parametrize("own", ["sv", "nb"])
def test_editor_edits_and_publishes_in_their_own_tree_through_the_same_views(editor_of, trees, own):
    page = trees[own]["page"]
    client = login(editor_of(own))
    revisions = revisions_of(page)
    data = form_data(
        client,
        edit_url(page),
        title="Ny tittel",
        summary="Ny sammanfattning",
        body=[("paragraph", rich_text("<p>Ny brødtekst</p>"))],
        **{"action-publish": "action-publish"},
    )

    response = client.post(edit_url(page), data)

    assert response.status_code == 302
    assert response["Location"] != "/admin/"
    page = MaterialPage.objects.get(pk=page.pk)
    assert page.title == "Ny tittel"
    assert page.summary == "Ny sammanfattning"
    assert "Ny brødtekst" in str(page.body)
    assert page.live and not page.has_unpublished_changes
    assert revisions_of(page) == revisions + 1
    assert page.live_revision_id == page.latest_revision_id


@pytest.mark.django_db
@pytest.mark.parametrize("own", ["sv", "nb"])
def test_editor_adds_and_publishes_a_page_under_their_own_home(client, editor_of, trees, own):
    parent = trees[own]["home"]
    editor = login(editor_of(own))
    data = form_data(editor, add_url(parent), title="Nytt material", slug="nytt-material")
    data["action-publish"] = "action-publish"

    response = editor.post(add_url(parent), data)

    assert response.status_code == 302
    created = MaterialPage.objects.get(title="Nytt material")
    assert created.get_parent().pk == parent.pk
    assert created.locale.language_code == own
    assert created.live
    assert client.get(f"/{own}/nytt-material/").status_code == 200
