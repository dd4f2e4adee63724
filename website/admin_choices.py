"""How the admin's select lists name people and translated things.

* A person is "Full Name <e-mail>", not a bare username (CSV accounts' usernames
  are e-mail addresses, others' are opaque).
* A translatable thing (a partner organisation, a course page) is listed once per
  ``translation_key``, in the editor's interface language, else the source
  language, else any: all translations are the same partner or course. A value
  stored as another translation is shown as, and saved as, the listed one.

Registered for every ``WagtailAdminModelForm`` in ``website/wagtail_hooks.py``.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import translation
from wagtail.models import TranslatableMixin


def person_label(user) -> str:
    name = user.get_full_name().strip() or user.get_username()
    return f"{name} <{user.email}>" if user.email and user.email != name else name


def _representatives(queryset) -> dict[object, object]:
    """translation_key → the one instance to list, in the editor's language, else the source's."""
    wanted = [translation.get_language(), settings.LANGUAGE_CODE]

    def rank(instance) -> int:
        code = instance.locale.language_code
        return wanted.index(code) if code in wanted else len(wanted)

    chosen: dict[object, object] = {}
    for instance in queryset.select_related("locale"):
        current = chosen.get(instance.translation_key)
        if current is None or rank(instance) < rank(current):
            chosen[instance.translation_key] = instance
    return chosen


class _OnePerTranslationIterator(forms.models.ModelChoiceIterator):
    def _translatable(self) -> bool:
        return issubclass(self.queryset.model, TranslatableMixin)

    def __iter__(self):
        if not self._translatable():
            yield from super().__iter__()
            return
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        chosen = _representatives(self.queryset)
        label = self.field.label_from_instance
        for instance in sorted(chosen.values(), key=lambda item: label(item).lower()):
            yield self.choice(instance)

    def __len__(self):
        if not self._translatable():
            return super().__len__()
        return len(_representatives(self.queryset)) + (1 if self.field.empty_label is not None else 0)


class _LabelledChoices:
    """What both field kinds share: labels for people, one entry per translated thing."""

    iterator = _OnePerTranslationIterator

    def _translatable(self) -> bool:
        return issubclass(self.queryset.model, TranslatableMixin)

    def label_from_instance(self, obj) -> str:
        if isinstance(obj, get_user_model()):
            return person_label(obj)
        return super().label_from_instance(obj)

    def _listed_pk(self, value):
        """The pk of the listed translation of the instance ``value`` names."""
        if not self._translatable() or value in (None, ""):
            return value
        pk = getattr(value, "pk", value)
        instance = self.queryset.model._default_manager.filter(pk=pk).only("translation_key").first()
        if instance is None:
            return pk
        listed = _representatives(self.queryset.filter(translation_key=instance.translation_key))
        return getattr(listed.get(instance.translation_key), "pk", pk)


class PersonOrTranslationChoiceField(_LabelledChoices, forms.ModelChoiceField):
    def prepare_value(self, value):
        return super().prepare_value(self._listed_pk(value))


class PeopleOrTranslationsMultipleChoiceField(_LabelledChoices, forms.ModelMultipleChoiceField):
    def prepare_value(self, value):
        if value is None or isinstance(value, str) or not hasattr(value, "__iter__"):
            return super().prepare_value(value)
        return [self._listed_pk(item) for item in super().prepare_value(value)]
