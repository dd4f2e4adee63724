"""The search form of the public page: what the query string may hold."""

from django import forms
from django.utils.translation import gettext_lazy as _

from search.query import MAX_QUERY_LENGTH, Filters, SearchRequest


class SearchForm(forms.Form):
    # max_length is left to search.query.clean_text, which says the limit in its message.
    q = forms.CharField(label=_("Search the library"), required=False, strip=True)
    type = forms.CharField(required=False, max_length=50)
    language = forms.CharField(required=False, max_length=50)
    topic = forms.CharField(required=False, max_length=50)
    audience = forms.CharField(required=False, max_length=50)
    page = forms.IntegerField(required=False, min_value=1, max_value=10_000)

    max_query_length = MAX_QUERY_LENGTH

    def search_request(self, reader_language: str) -> SearchRequest:
        data = self.cleaned_data
        filters = Filters(
            content_type=data.get("type") or "",
            language=data.get("language") or "",
            topic=data.get("topic") or "",
            audience=data.get("audience") or "",
        )
        return SearchRequest(
            text=data.get("q") or "", language=reader_language, filters=filters, page=data.get("page") or 1
        )
