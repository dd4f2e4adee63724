"""Starting a translation in the admin: an editor may create one only in their own language's tree."""

from __future__ import annotations

import pytest
from django.test import Client
from wagtail.models import Locale

from tests import factories
from website.models import GlossaryTerm


def login(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def offered_locales(response) -> set[str]:
    return {locale.language_code for locale in response.context["form"].fields["locales"].queryset}


@pytest.fixture
def source_page(home, translated_home):
    """An English page whose parent (the home) exists in nb and sv."""
    return factories.make_material(home, "Peer work")


@pytest.mark.django_db
def test_an_editor_is_offered_only_their_own_language(source_page, editor_of):
    response = login(editor_of("sv")).get(f"/admin/localize/submit/page/{source_page.pk}/")
    assert response.status_code == 200
    assert offered_locales(response) == {"sv"}


@pytest.mark.django_db
def test_an_editor_cannot_create_a_translation_in_another_tree(source_page, editor_of):
    danish = Locale.objects.get(language_code="da")
    norwegian = Locale.objects.get(language_code="nb")
    client = login(editor_of("sv"))
    for locale in (danish, norwegian):
        response = client.post(f"/admin/localize/submit/page/{source_page.pk}/", {"locales": [locale.pk]})
        assert response.status_code == 200  # the form again, with the error
        assert "locales" in response.context["form"].errors
        assert source_page.get_translation_or_none(locale) is None


@pytest.mark.django_db
def test_an_editor_creates_the_translation_in_their_own_tree(source_page, editor_of, translated_home):
    swedish = Locale.objects.get(language_code="sv")
    response = login(editor_of("sv")).post(
        f"/admin/localize/submit/page/{source_page.pk}/", {"locales": [swedish.pk]}
    )
    assert response.status_code == 302
    translation = source_page.get_translation(swedish)
    assert translation.get_parent().pk == translated_home["sv"].pk
    assert not translation.live  # a draft for the Swedish editors to translate and publish


@pytest.mark.django_db
def test_an_administrator_is_offered_every_other_language(source_page):
    admin = factories.make_user(superuser=True)
    response = login(admin).get(f"/admin/localize/submit/page/{source_page.pk}/")
    assert offered_locales(response) == {"nb", "sv", "da", "fi", "is", "et", "lv", "lt"}


@pytest.mark.django_db
def test_an_editor_cannot_translate_the_networks_glossary(site, editor_of):
    term = GlossaryTerm.objects.create(
        term="recovery", definition="A personal process.", locale=Locale.objects.get(language_code="en")
    )
    response = login(editor_of("sv")).post(
        f"/admin/localize/submit/snippet/website/glossaryterm/{term.pk}/",
        {"locales": [Locale.objects.get(language_code="sv").pk]},
    )
    assert response.status_code == 302
    assert GlossaryTerm.objects.filter(translation_key=term.translation_key).count() == 1
