"""Outside the language prefix a missing thing is a 404, not a redirect into /en/."""

import pytest

from tests.factories import make_user

pytestmark = pytest.mark.django_db


MISSING = ["/verify/AAAA-BBBB-CCCC/", "/api/lms/no-such-endpoint", "/documents/999999/x.pdf"]


@pytest.mark.parametrize("path", MISSING)
def test_unprefixed_paths_answer_404(client, site, path):
    assert client.get(path).status_code == 404


def test_admin_paths_answer_404_to_an_admin(client, site):
    client.force_login(make_user(superuser=True))
    assert client.get("/admin/no-such-area/").status_code == 404


def test_a_page_url_without_its_language_still_redirects(client, home):
    response = client.get("/")
    assert response.status_code == 302 and response["Location"] == "/en/"
