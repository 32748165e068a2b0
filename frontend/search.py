"""The search pages' state: everything is in the URL (facets, text, years, sort, page), so a
search can be bookmarked, shared and navigated with back/forward, with or without JS. One
parser and one state for the practice search page (:func:`practice_search`), the
recommendation search page (:func:`recommendation_search`), and the site-wide search
(:func:`site_search`, one group per type)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from cms.i18n import localized_by_pk
from cms.selectors import published_events
from search.params import query_from_params
from search.service import FacetValue, SearchError, SearchQuery, directory_search, search

FACETS = ("country", "objective", "principle", "table", "stakeholder_group", "level", "population", "language")
RECOMMENDATION_FACETS = ("objective", "country", "table", "event", "follow_up_status", "follow_up_country")
FACET_TITLES = {
    "country": _("Country"),
    "objective": _("GCM objective"),
    "principle": _("Guiding principle"),
    "table": _("Working table"),
    "stakeholder_group": _("Stakeholder group"),
    "level": _("Level"),
    "population": _("Population"),
    "language": _("Language"),
    "event": _("Event"),
    "follow_up_status": _("Follow-up status"),
    "follow_up_country": _("Follow-up country"),
}
SORTS = (("relevance", _("Relevance")), ("-start_year", _("Newest first")), ("title", _("Title")))
RECOMMENDATION_SORTS = (("relevance", _("Relevance")), ("-published", _("Newest first")), ("title", _("Title")))


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
    return faceted_search(request, types=("practice",), facets=FACETS, sorts=SORTS, csv_api="/api/v1/practices/")


def recommendation_search(request) -> dict:
    return faceted_search(
        request,
        types=("recommendation",),
        facets=RECOMMENDATION_FACETS,
        sorts=RECOMMENDATION_SORTS,
        csv_api="/api/v1/recommendations/",
    )


def _event_values(selected: tuple[str, ...]) -> list:
    """The ``event`` filter has no counts in the search service: its values are the published
    events (newest first), each marked selected or not."""
    return [
        FacetValue(code=event.slug, label=event.title, count=None, selected=event.slug in selected)
        for event in published_events().order_by("-date")
    ]


def faceted_search(request, *, types: tuple[str, ...], facets: tuple[str, ...], sorts, csv_api: str) -> dict:
    """One page of a faceted search of ``types`` read from the URL: hits in the reader's
    language, the ``facets`` with their toggle links, removable chips, pages, a CSV link to the
    API list (``csv_api``) with the same parameters. A malformed URL gives ``search_errors``."""
    params = request.GET
    state = [
        (key, value) for key in ("q", "sort", "year_from", "year_to", *facets) for value in params.getlist(key) if value != ""
    ]
    try:
        query = query_from_params(
            params,
            types=types,
            facets=facets,
            sorts=[code for code, _label in sorts],
            language=get_language(),
            page_size=20,
        )
        results = search(query, cache=not request.user.is_authenticated)  # anonymous: search.cache
        in_reader_language(request, results.hits)
    except SearchError as error:
        return {"search_errors": error.errors, "query_text": params.get("q", ""), "sorts": sorts, "state": state}

    values_of = dict(results.facets)
    if "event" in facets:
        values_of["event"] = _event_values(query.filters.get("event", ()))
    facet_groups = []
    for name in facets:
        values = []
        for value in values_of.get(name, []):
            toggled = [(k, v) for k, v in state if not (k == name and v == value.code)]
            if not value.selected:
                toggled.append((name, value.code))
            values.append({"value": value, "toggle_url": _url(toggled)})
        if values:
            facet_groups.append({"name": name, "title": FACET_TITLES[name], "values": values})
    chips = [
        {
            "label": value.label,
            "facet": FACET_TITLES[name],
            "remove_url": _url([(k, v) for k, v in state if not (k == name and v == value.code)]),
        }
        for name in facets
        for value in values_of.get(name, [])
        if value.selected
    ]
    pages = -(-results.total // query.page_size) if results.total else 0

    def page_url(number: int) -> str:
        return _url(state + ([("page", str(number))] if number > 1 else []))

    return {
        "results": results,
        "query": query,
        "query_text": query.text,
        "facets": facet_groups,
        "chips": chips,
        "sorts": sorts,
        "state": state,
        "clear_url": "?",
        "csv_url": csv_api + "?" + urlencode(state + [("format", "csv")]),
        "pagination": {
            "page": query.page,
            "pages": pages,
            "previous_url": page_url(query.page - 1) if query.page > 1 else None,
            "next_url": page_url(query.page + 1) if query.page < pages else None,
        },
    }


SITE_SEARCH_HITS = 5  # hits shown per indexed type; the group links to its faceted search


def site_search(request) -> dict:
    """``/buscar/?q=``: one text over practices, recommendations (the index, first hits and
    totals), events and organisations (:func:`search.service.directory_search`, every hit: their
    index pages do not search). Published content only, as everything the service answers."""
    from cms.i18n import localize
    from cms.models import OrganisationIndexPage

    from .views import repository as practice_repository

    text = request.GET.get("q", "").strip()
    context = {"query_text": text, "groups": []}
    if not SearchQuery(text=text).terms:  # nothing to look for (empty, or only punctuation)
        return context
    anonymous = not request.user.is_authenticated
    try:
        found = {
            kind: search(
                SearchQuery(text=text, types=(kind,), page_size=SITE_SEARCH_HITS, language=get_language()), cache=anonymous
            )
            for kind in ("practice", "recommendation")
        }
    except SearchError as error:
        return {**context, "search_errors": error.errors}
    for results in found.values():
        in_reader_language(request, results.hits)
    repository = practice_repository()
    directory = OrganisationIndexPage.objects.originals().live().public().first()
    directory = localize([directory])[0] if directory else None
    events = localize(directory_search("event", text))
    organisations = list(directory_search("organisation", text)) if directory else []
    more = "?" + urlencode({"q": text})
    context["groups"] = [
        {
            "kind": "practice",
            "total": found["practice"].total,
            "hits": found["practice"].hits,
            "search_url": repository.get_url(request) + more if repository else "",
            "degraded": found["practice"].degraded,
        },
        {
            "kind": "recommendation",
            "total": found["recommendation"].total,
            "hits": found["recommendation"].hits,
            "search_url": reverse("recommendation_search") + more,
            "degraded": found["recommendation"].degraded,
        },
        {
            "kind": "event",
            "total": len(events),
            "hits": [
                {"title": event.title, "url": event.get_url(request), "summary": event.summary, "item": event} for event in events
            ],
        },
        {
            "kind": "organisation",
            "total": len(organisations),
            "hits": [
                {
                    "title": str(organisation),
                    "url": directory.get_url(request) + directory.reverse_subpage("organisation", args=[organisation.slug]),
                    "summary": organisation.description,
                    "item": organisation,
                }
                for organisation in organisations
            ],
        },
    ]
    context["total"] = sum(group["total"] for group in context["groups"])
    return context
