"""The translation status report: every source page × every locale, filterable, exportable as CSV."""

from __future__ import annotations

import datetime

import django_filters
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale, Page

from website import machine_translation
from website.permissions import editable_languages
from website.translation_status import (
    Cell,
    Row,
    State,
    ordered_locales,
    sections,
    source_locale,
    source_pages,
    summary,
    translation_status,
    user_language_codes,
)


def _target_locales(request):
    return Locale.objects.exclude(pk=source_locale().pk)


class TranslationStatusFilterSet(WagtailFilterSet):
    section = django_filters.ModelChoiceFilter(
        label=_("Section"),
        empty_label=_("All sections"),
        queryset=lambda request: sections(source_locale()),
        method="filter_section",
    )
    # Language and state choose columns and rows of the computed report, not pages.
    locale = django_filters.ModelChoiceFilter(
        label=_("Language"),
        empty_label=_("All languages"),
        queryset=_target_locales,
        method="keep_all",
    )
    state = django_filters.ChoiceFilter(
        label=_("State"),
        empty_label=_("Any state"),
        choices=State.choices,
        method="keep_all",
    )

    class Meta:
        model = Page
        fields = []

    def filter_section(self, queryset, _name, value):
        return queryset.descendant_of(value, inclusive=True)

    def keep_all(self, queryset, _name, _value):
        return queryset


#: Stands in for a page id in a reversed URL, so that a URL is reversed once per report, not per cell.
_ID = 999999999


class CellRenderer:
    """The HTML of one cell: its state, its dates or progress, and the next thing to do."""

    def __init__(self, own_languages: list[str], actionable: set[str]) -> None:
        self.own = set(own_languages)
        #: The languages the user may translate and edit in: other cells show their state, no action.
        self.actionable = actionable
        self.labels = {value: str(label) for value, label in State.choices}
        self.names: dict[str, str] = {}
        self.urls = {
            "submit": reverse("wagtail_localize:submit_page_translation", args=[_ID]),
            "sync": reverse("wagtail_localize:update_translations", args=[_ID]),
            "edit": reverse("wagtailadmin_pages:edit", args=[_ID]),
        }
        self.words = {
            "translate": gettext("Translate"),
            "sync": gettext("Sync"),
            "edit": gettext("Edit"),
            "not_live": gettext("Not live"),
        }

    def url(self, name: str, object_id: int) -> str:
        return self.urls[name].replace(str(_ID), str(object_id))

    def name(self, cell: Cell) -> str:
        code = cell.locale.language_code
        if code not in self.names:
            self.names[code] = str(cell.locale.get_display_name())
        return self.names[code]

    def __call__(self, row: Row, cell: Cell) -> tuple[bool, SafeString]:
        notes = []
        if cell.state == State.OUT_OF_DATE:
            published = date_format(cell.source_published_at, "SHORT_DATE_FORMAT")
            notes.append(gettext("Source published %(date)s") % {"date": published})
            if cell.synced_at:
                synced = date_format(cell.synced_at, "SHORT_DATE_FORMAT")
                notes.append(gettext("Last synced %(date)s") % {"date": synced})
        elif cell.state == State.IN_PROGRESS:
            if cell.total:
                progress = {"done": cell.translated, "total": cell.total}
                notes.append(gettext("%(done)s of %(total)s strings") % progress)
            if not cell.live:
                notes.append(self.words["not_live"])
        state = format_html(
            '<span class="translation-status__state translation-status__state--{}">{}</span>{}',
            cell.state,
            self.labels[cell.state],
            format_html_join("", "<small>{}</small>", ((note,) for note in notes)),
        )
        if cell.locale.language_code not in self.actionable:
            return cell.locale.language_code in self.own, state
        if cell.state == State.MISSING:
            link = self.url("submit", row.page.pk) + "?select_locale=" + cell.locale.language_code
            word = self.words["translate"]
        elif cell.state == State.OUT_OF_DATE and cell.translation_source_id:
            link, word = self.url("sync", cell.translation_source_id), self.words["sync"]
        else:
            link, word = self.url("edit", cell.page_id), self.words["edit"]
        html = format_html(
            '{}<a href="{}">{}<span class="w-sr-only"> “{}”, {}</span></a>',
            state,
            link,
            word,
            row.page.title,
            self.name(cell),
        )
        return cell.locale.language_code in self.own, html


class TranslationStatusView(ReportView):
    template_name = "website/admin/translation_status.html"
    results_template_name = "website/admin/translation_status_results.html"
    page_title = _("Translation status")
    header_icon = "globe"
    filterset_class = TranslationStatusFilterSet
    index_url_name = "translation_status"
    index_results_url_name = "translation_status_results"
    #: Rows per page on screen; the CSV export has them all.
    paginate_by = 100
    context_object_name = "rows"

    def get_filename(self) -> str:
        return "translation-status-" + datetime.date.today().isoformat()

    def get_queryset(self):
        return source_pages(source_locale())

    def _filter_value(self, name: str):
        if self.filters and self.filters.is_valid():
            return self.filters.form.cleaned_data.get(name) or None
        return None

    @cached_property
    def own_languages(self) -> list[str]:
        return user_language_codes(self.request.user)

    @cached_property
    def locales(self) -> list[Locale]:
        chosen = self._filter_value("locale")
        if chosen is not None:
            return [chosen]
        return ordered_locales(_target_locales(self.request), first=self.own_languages)

    def get_filtered_queryset(self) -> list[Row]:
        rows = translation_status(super().get_filtered_queryset(), self.locales)
        self.all_rows = rows  # the summary counts every state, whatever the state filter
        state = self._filter_value("state")
        if state:
            rows = [row for row in rows if any(cell.state == state for cell in row.cells)]
        return rows

    def decorate_paginated_queryset(self, object_list):
        """The shown rows with their cells rendered once, here, rather than per cell in a template."""
        if self.is_export:
            return object_list
        render = CellRenderer(self.own_languages, editable_languages(self.request.user))
        return [(row, [render(row, cell) for cell in row.cells]) for row in object_list]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        counts = summary(self.all_rows)
        context["locales"] = self.locales
        context["own_languages"] = self.own_languages
        context["states"] = State
        context["summary"] = [
            (locale, [counts.get(locale.language_code, {}).get(state, 0) for state in State.values])
            for locale in self.locales
        ]
        context["machine_translation"] = machine_translation.status()
        return context

    # --- CSV / XLSX export: one line per page, a state and a date column per language ---

    @property
    def list_export(self) -> list[str]:
        fields = ["title", "url_path", "last_published_at"]
        for locale in self.locales:
            fields += [f"{locale.language_code}:state", f"{locale.language_code}:synced_at"]
        return fields

    @property
    def export_headings(self) -> dict[str, str]:
        headings = {
            "title": str(_("Page")),
            "url_path": str(_("Path")),
            "last_published_at": str(_("Source last published")),
        }
        for locale in self.locales:
            code = locale.language_code
            headings[f"{code}:state"] = code
            headings[f"{code}:synced_at"] = str(_("%(language)s last synced") % {"language": code})
        return headings

    def to_row_dict(self, item: Row) -> dict:
        values = {
            "title": item.page.title,
            "url_path": item.page.url_path,
            "last_published_at": item.page.last_published_at,
        }
        for cell in item.cells:
            code = cell.locale.language_code
            values[f"{code}:state"] = str(cell.label)
            values[f"{code}:synced_at"] = cell.synced_at
        return {field: values.get(field) for field in self.list_export}
