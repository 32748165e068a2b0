"""The practice search page's state: everything is in the URL (facets, text, years, sort, page),
so a search can be bookmarked, shared and navigated with back/forward, with or without JS."""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from cms.i18n import localized_by_pk
from search.params import query_from_params
from search.service import SearchError, search

FACETS = ("country", "objective", "principle", "table", "stakeholder_group", "level", "population", "language")
FACET_TITLES = {
    "country": _("Country"),
    "objective": _("GCM objective"),
    "principle": _("Guiding principle"),
    "table": _("Working table"),
    "stakeholder_group": _("Stakeholder group"),
    "level": _("Level"),
    "population": _("Population"),
    "language": _("Language"),
}
SORTS = (("relevance", _("Relevance")), ("-start_year", _("Newest first")), ("title", _("Title")))
STATE_KEYS = ("q", "sort", "year_from", "year_to", *FACETS)


def _url(params: list[tuple[str, str]]) -> str:
    return "?" + urlencode(params) if params else "?"


def in_reader_language(request, items: list) -> list:
    """Search hits (or suggestion dicts), indexed from the Spanish originals, pointed at the page
    in the reader's language, with its title: the same items, order and counts."""
    versions = localized_by_pk([item["id"] if isinstance(item, dict) else item.id for item in items])
    for item in items:
        version = versions.get(item["id"] if isinstance(item, dict) else item.id)
        language = get_language() if version is not None and not version.alias_of_id else settings.LANGUAGE_CODE
        if isinstance(item, dict):
            item["lang"] = language
            if version is not None:
                item.update(url=version.get_url(request), title=version.title)
        else:
            item.content_language = language
            if version is not None:
                item.url, item.title = version.get_url(request), version.title
    return items


def practice_search(request) -> dict:
    params = request.GET
    state = [(key, value) for key in STATE_KEYS for value in params.getlist(key) if value != ""]
    try:
        query = query_from_params(
            params,
            types=("practice",),
            facets=FACETS,
            sorts=[code for code, _label in SORTS],
            language=get_language(),
            page_size=20,
        )
        results = search(query, cache=not request.user.is_authenticated)  # anonymous: search.cache
        in_reader_language(request, results.hits)
    except SearchError as error:
        return {"search_errors": error.errors, "query_text": params.get("q", ""), "sorts": SORTS, "state": state}

    facets = []
    for name in FACETS:
        values = []
        for value in results.facets.get(name, []):
            toggled = [(k, v) for k, v in state if not (k == name and v == value.code)]
            if not value.selected:
                toggled.append((name, value.code))
            values.append({"value": value, "toggle_url": _url(toggled)})
        if values:
            facets.append({"name": name, "title": FACET_TITLES[name], "values": values})
    chips = [
        {
            "label": value.label,
            "facet": FACET_TITLES[name],
            "remove_url": _url([(k, v) for k, v in state if not (k == name and v == value.code)]),
        }
        for name in FACETS
        for value in results.facets.get(name, [])
        if value.selected
    ]
    pages = -(-results.total // query.page_size) if results.total else 0

    def page_url(number: int) -> str:
        return _url(state + ([("page", str(number))] if number > 1 else []))

    return {
        "results": results,
        "query": query,
        "query_text": query.text,
        "facets": facets,
        "chips": chips,
        "sorts": SORTS,
        "state": state,
        "clear_url": "?",
        "csv_url": "/api/v1/practices/?" + urlencode(state + [("format", "csv")]),
        "pagination": {
            "page": query.page,
            "pages": pages,
            "previous_url": page_url(query.page - 1) if query.page > 1 else None,
            "next_url": page_url(query.page + 1) if query.page < pages else None,
        },
    }
