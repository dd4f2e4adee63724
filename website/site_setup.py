"""Bring a database to the shape the site needs: locales, one home page per language,
and one editor group per language that may work only in its own tree.

Every function here is idempotent: run on each deploy, it changes only what is missing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import override
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Locale, Page, Site
from wagtail_localize.models import Translation, TranslationSource

from website.languages import language_codes
from website.models import HomePage

#: What an editor may do in their own language's tree.
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
#: What an editor may do with the shared image and document libraries.
EDITOR_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
]
#: Model permissions every editor has.
EDITOR_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("wagtail_localize", "submit_translation"),
    # The interactive content library: upload, replace and choose H5P/SCORM packages for lessons.
    # Deleting one (which lessons in every language may use) is left to administrators.
    ("lms", "add_interactivepackage"),
    ("lms", "change_interactivepackage"),
    ("lms", "view_interactivepackage"),
]

Report = Callable[[str], None]


def _quiet(_message: str) -> None:
    """Default reporter: set-up run from code reports nothing."""


def editor_group_name(code: str) -> str:
    """The stable (English) name of a language's editor group, e.g. 'Editors: Swedish (sv)'."""
    with override("en"):
        name = str(dict(settings.LANGUAGES)[code])
    return f"Editors: {name} ({code})"


def ensure_locales(report: Report = _quiet) -> list[Locale]:
    locales = []
    for code in language_codes():
        locale, created = Locale.objects.get_or_create(language_code=code)
        if created:
            report(f"Added the locale {code}.")
        locales.append(locale)
    return locales


def ensure_source_home(report: Report = _quiet) -> HomePage:
    """The source language's home page, as the root of the default site.

    Replaces the placeholder page that Wagtail's own migrations create.
    """
    source = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    home = HomePage.objects.filter(locale=source, depth=2).first()
    if home is None:
        root = Page.get_first_root_node()
        home = root.add_child(
            instance=HomePage(title="Nordpeer", slug="home-" + settings.LANGUAGE_CODE, locale=source)
        )
        home.save_revision().publish()
        report("Created the home page in the source language.")
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    elif site.root_page_id != home.pk:
        placeholder = site.root_page
        site.root_page = home
        site.save()
        if not isinstance(placeholder.specific, HomePage) and not placeholder.get_children().exists():
            placeholder.delete()
        report("Made the home page the root of the default site.")
    return home


def ensure_home_translations(home: HomePage, report: Report = _quiet) -> dict[str, Page]:
    """A home page in every language, made through wagtail-localize so editors translate it.

    New ones are drafts: until a language's editors publish theirs, readers of that
    language are led along their fallback chain.
    """
    homes: dict[str, Page] = {home.locale.language_code: home}
    source = None
    for locale in Locale.objects.exclude(pk=home.locale_id):
        existing = home.get_translation_or_none(locale)
        if existing is None:
            if source is None:
                source, _created = TranslationSource.get_or_create_from_instance(home)
            translation, _created = Translation.objects.get_or_create(
                source=source, target_locale=locale, defaults={"enabled": True}
            )
            translation.save_target(publish=False)
            existing = home.get_translation(locale)
            report(f"Created a draft home page for {locale.language_code}.")
        homes[locale.language_code] = existing
    return homes


def _permissions(pairs: list[tuple[str, str]]) -> list[Permission]:
    return [Permission.objects.get(content_type__app_label=app, codename=codename) for app, codename in pairs]


def ensure_editor_groups(homes: dict[str, Page], report: Report = _quiet) -> dict[str, Group]:
    """One group per language: edit, translate and publish in that language's tree only."""
    page_permissions = [
        Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        for codename in EDITOR_PAGE_PERMISSIONS
    ]
    collection_permissions = _permissions(EDITOR_COLLECTION_PERMISSIONS)
    model_permissions = _permissions(EDITOR_PERMISSIONS)
    root_collection = Collection.get_first_root_node()
    groups = {}
    for code, home in homes.items():
        group, created = Group.objects.get_or_create(name=editor_group_name(code))
        if created:
            report(f"Created the group {group.name}.")
        group.permissions.add(*model_permissions)
        for permission in page_permissions:
            GroupPagePermission.objects.get_or_create(group=group, page=home, permission=permission)
        for permission in collection_permissions:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission
            )
        groups[code] = group
    return groups


@dataclass(frozen=True)
class SiteStructure:
    #: The home page of every language, by language code (drafts where not yet translated).
    homes: dict[str, Page]
    #: The editor group of every language, by language code.
    editor_groups: dict[str, Group]


@transaction.atomic
def set_up_site(report: Report = _quiet) -> SiteStructure:
    ensure_locales(report)
    home = ensure_source_home(report)
    homes = ensure_home_translations(home, report)
    return SiteStructure(homes=homes, editor_groups=ensure_editor_groups(homes, report))
