"""Signing in with an e-mail address or a username, and a first password for accounts that never had one."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.factories import make_user

User = get_user_model()


@pytest.fixture
def login_url(db):
    return reverse("login")


def sign_in(client, login_url, typed: str, password: str = "pw"):  # noqa: S107 - the factories' test password
    return client.post(login_url, {"username": typed, "password": password})


def test_the_form_asks_for_an_address_or_a_username(client, login_url):
    page = client.get(login_url).content.decode()
    assert "E-mail address or username" in page


@pytest.mark.parametrize("typed", ["ilze", "ilze@example.org", "ILZE@Example.org"])
def test_either_signs_in(client, login_url, typed):
    make_user("ilze")
    response = sign_in(client, login_url, typed)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(User.objects.get(username="ilze").pk)


def test_an_address_of_several_accounts_signs_in_neither(client, login_url):
    make_user("one"), make_user("two")
    User.objects.filter(username__in=["one", "two"]).update(email="shared@example.org")
    response = sign_in(client, login_url, "shared@example.org")
    assert response.status_code == 200 and "_auth_user_id" not in client.session


def test_a_wrong_password_gives_the_same_error_for_address_and_username(client, login_url):
    make_user("mara")
    by_name = sign_in(client, login_url, "mara", "wrong").content.decode()
    by_address = sign_in(client, login_url, "mara@example.org", "wrong").content.decode()
    error = re.compile(r'<div class="error" role="alert">(.*?)</div>', re.S)
    assert error.search(by_name).group(1) == error.search(by_address).group(1)


def test_an_account_without_a_password_gets_a_link_to_set_one(db, client, mailoutbox):
    person = User.objects.create_user(username="new@example.org", email="new@example.org")
    assert not person.has_usable_password()
    response = client.post(reverse("password_reset"), {"email": "NEW@example.org"})
    assert response.status_code == 302
    assert [mail.to for mail in mailoutbox] == [["new@example.org"]]
    link = re.search(r"https?://\S+/password/reset/\S+/", mailoutbox[0].body).group(0)
    form = client.get(link, follow=True)
    assert form.status_code == 200 and 'name="new_password1"' in form.content.decode()
    client.post(
        form.redirect_chain[-1][0], {"new_password1": "Kaunas-2027!", "new_password2": "Kaunas-2027!"}
    )
    person.refresh_from_db()
    assert person.check_password("Kaunas-2027!")


def test_an_inactive_account_gets_nothing_and_the_page_says_the_same(db, client, mailoutbox):
    person = User.objects.create_user(username="gone@example.org", email="gone@example.org", is_active=False)
    response = client.post(reverse("password_reset"), {"email": person.email})
    assert response.status_code == 302 and response["Location"] == reverse("password_reset_done")
    assert mailoutbox == []
