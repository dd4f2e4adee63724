"""Admin select lists: people by full name and e-mail, each partner and each course once, in the
editor's language or else the source's; an existing choice of another translation stays chosen."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from wagtail.users.models import UserProfile

from lms.models import Cohort
from tests.factories import make_user
from tests.lms_factories import make_course, translate_course
from website.models import PartnerOrganisation
from website.translating import translate

pytestmark = pytest.mark.django_db

ADD = "/admin/lms/cohorts/new/"


@pytest.fixture
def admin_client():
    client = Client()
    client.force_login(make_user("admin", superuser=True))
    return client


@pytest.fixture
def partner(site):
    english = PartnerOrganisation.objects.create(
        name="Recovery College Oslo", country="NO", locale=site.homes["en"].locale
    )
    translate(english, "nb", {}, strict=False)
    translate(english, "sv", {}, strict=False)
    return english


def options(html: str, name: str) -> list[tuple[str, str, bool]]:
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S).group(1)
    return [
        (value, " ".join(label.split()), "selected" in attrs)
        for attrs, value, label in re.findall(
            r'<option([^>]*value="([^"]*)"[^>]*)>(.*?)</option>', select, re.S
        )
    ]


def test_people_are_named_with_their_email(admin_client):
    kari = make_user("kari")
    kari.first_name, kari.last_name = "Kari", "Nordmann"
    kari.save()
    html = admin_client.get(ADD).content.decode()
    labels = [label for _value, label, _selected in options(html, "teachers")]
    assert "Kari Nordmann &lt;kari@example.org&gt;" in labels
    assert "kari" not in labels


def test_a_partner_and_a_course_appear_once(admin_client, partner, home, translated_home):
    course = make_course(home, "Starting out")
    translate_course(course, "sv", "SV ")
    html = admin_client.get(ADD).content.decode()
    partners = [label for value, label, _selected in options(html, "organisation") if value]
    assert partners == ["Recovery College Oslo"]
    courses = [label for value, label, _selected in options(html, "courses") if value]
    assert courses.count("Starting out") == 1 and not any(label.startswith("SV ") for label in courses)


def test_the_editors_language_is_listed(partner, site):
    swedish = partner.get_translation(site.homes["sv"].locale)
    editor = make_user("admin-sv", superuser=True)
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "sv"
    profile.save()
    client = Client()
    client.force_login(editor)
    html = client.get(ADD).content.decode()
    values = [value for value, _label, _selected in options(html, "organisation") if value]
    assert values == [str(swedish.pk)]


def test_a_cohort_with_another_translation_keeps_its_partner(admin_client, partner, site):
    norwegian = partner.get_translation(site.homes["nb"].locale)
    cohort = Cohort.objects.create(name="Oslo spring", organisation=norwegian)
    html = admin_client.get(f"/admin/lms/cohorts/edit/{cohort.pk}/").content.decode()
    chosen = [value for value, _label, selected in options(html, "organisation") if selected]
    assert chosen == [str(partner.pk)]  # shown as the listed (English) translation of the same partner
