"""Reading a search from URL parameters, the same way for the API and the public site:
``q``, repeatable facet parameters, ``year_from``, ``year_to``, ``sort``, ``page``,
``page_size``. Malformed values raise :class:`SearchError` with field errors."""

from __future__ import annotations

from collections.abc import Iterable

from .types import SearchError, SearchQuery


def _int(params, name: str, errors: dict, default: int | None = None) -> int | None:
    raw = params.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        errors.setdefault(name, []).append("A whole number is required.")
        return default


def query_from_params(
    params, *, types: tuple[str, ...], facets: Iterable[str], sorts: Iterable[str], language: str | None, page_size: int = 20
) -> SearchQuery:
    errors: dict[str, list[str]] = {}
    sorts = tuple(sorts)
    sort = params.get("sort") or "relevance"
    if sort not in sorts:
        errors.setdefault("sort", []).append("One of " + ", ".join(sorts) + ".")
    query = SearchQuery(
        text=params.get("q", ""),
        types=types,
        filters={name: tuple(params.getlist(name)) for name in facets if name in params},
        year_from=_int(params, "year_from", errors),
        year_to=_int(params, "year_to", errors),
        sort=sort,
        page=_int(params, "page", errors, 1),
        page_size=_int(params, "page_size", errors, page_size),
        language=language,
    )
    if errors:
        raise SearchError(errors)
    return query.validated()
