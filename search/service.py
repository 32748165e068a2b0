"""The search service: the only entry point the rest of the project uses.

``search(SearchQuery(...))`` answers from the configured backend (``SEARCH_BACKEND``):
Elasticsearch when ``ELASTICSEARCH_URL`` is set, else the database. When Elasticsearch cannot
answer (down, timing out, index missing), the same query is answered from the database
backend, which is always current (it is updated in the publishing transaction), and the
results say so: ``backend="database"``, ``degraded=True``. After a failure Elasticsearch is
left alone for ``SEARCH_ES_RETRY_AFTER`` seconds, so a dead node costs one timeout, not one
per request.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator

from django.conf import settings
from elastic_transport import TransportError
from elasticsearch import ApiError

from . import cache as response_cache
from .backends.base import SearchBackend
from .backends.database import DatabaseBackend
from .directory import directory_search, filter_text
from .documents import FACETS, TYPES
from .text import query_terms
from .types import FacetValue, Hit, SearchError, SearchQuery, SearchResults

__all__ = [
    "directory_search",
    "filter_text",
    "FACETS",
    "FacetValue",
    "Hit",
    "SearchError",
    "SearchQuery",
    "SearchResults",
    "iter_hits",
    "search",
    "suggest",
    "related",
    "elasticsearch_configured",
]

logger = logging.getLogger(__name__)

UNAVAILABLE = (TransportError, ApiError)  # connection refused, timeouts, 5xx, missing index...
MAX_SUGGESTIONS = 50

_circuit = threading.Lock()
_es_down_until = 0.0


def elasticsearch_configured() -> bool:
    return bool(settings.ELASTICSEARCH_URL)


def _primary() -> SearchBackend | None:
    """The Elasticsearch backend when configured and not known to be down."""
    if settings.SEARCH_BACKEND != "elasticsearch" or not settings.ELASTICSEARCH_URL:
        return None
    if time.monotonic() < _es_down_until:
        return None
    from .backends.elasticsearch import ElasticsearchBackend

    return ElasticsearchBackend()


def _es_failed(exc: Exception) -> None:
    global _es_down_until
    with _circuit:
        _es_down_until = time.monotonic() + float(getattr(settings, "SEARCH_ES_RETRY_AFTER", 5.0))
    logger.warning("search: Elasticsearch unavailable, answering from the database (%s: %s)", type(exc).__name__, exc)


def reset_circuit() -> None:
    """Forget a past Elasticsearch failure (tests, and after an operator fixed the cluster)."""
    global _es_down_until
    with _circuit:
        _es_down_until = 0.0


def _degraded() -> bool:
    return settings.SEARCH_BACKEND == "elasticsearch" and bool(settings.ELASTICSEARCH_URL)


def search(query: SearchQuery, *, cache: bool = False) -> SearchResults:
    """Faceted search of published content; raises :class:`SearchError` for a bad query.

    ``cache=True`` (anonymous readers only: the caller decides) answers from the response cache
    of :mod:`search.cache` when it is on (``SEARCH_CACHE_SECONDS``)."""
    query = query.validated()
    return response_cache.fetch("results", query, lambda: _search(query), use=cache)


def _search(query: SearchQuery) -> SearchResults:
    primary = _primary()
    if primary is not None:
        try:
            return primary.search(query)
        except UNAVAILABLE as exc:
            _es_failed(exc)
    results = DatabaseBackend().search(query)
    results.degraded = _degraded()
    return results


def iter_hits(query: SearchQuery) -> Iterator[Hit]:
    """Every hit of ``query`` (page and page size ignored), streamed in its sort order."""
    query = query.validated()
    primary = _primary()
    if primary is not None:
        hits = primary.iter_hits(query)
        try:
            first = next(hits, None)
        except UNAVAILABLE as exc:
            _es_failed(exc)
        else:
            if first is not None:
                yield first
                yield from hits
            return
    yield from DatabaseBackend().iter_hits(query)


def suggest(prefix: str, *, types=("practice", "recommendation"), limit: int = 8, cache: bool = False) -> list[dict]:
    """Type-ahead: published titles whose words start with ``prefix``'s words,
    ``[{"title", "url", "type", "id"}]``, titles starting with the prefix first. ``cache=True``
    (anonymous readers only) as for :func:`search`; the answer does not depend on the language
    (titles of the originals: the caller localises them)."""
    types = tuple(dict.fromkeys(types or ()))
    errors: dict[str, list[str]] = {}
    if not types or any(kind not in TYPES for kind in types):
        errors["types"] = ["Known types: " + ", ".join(TYPES) + "."]
    if not isinstance(limit, int) or not 1 <= limit <= MAX_SUGGESTIONS:
        errors["limit"] = [f"Between 1 and {MAX_SUGGESTIONS}."]
    if errors:
        raise SearchError(errors)
    terms = query_terms(prefix or "")
    if not terms:
        return []
    return response_cache.fetch("suggest", (tuple(terms), types, limit), lambda: _suggest(terms, prefix, types, limit), use=cache)


def _suggest(terms: list[str], prefix: str, types: tuple, limit: int) -> list[dict]:
    primary = _primary()
    if primary is not None:
        try:
            return primary.suggest(terms, prefix, types=types, limit=limit)
        except UNAVAILABLE as exc:
            _es_failed(exc)
    return DatabaseBackend().suggest(terms, prefix, types=types, limit=limit)


def related(kind: str, facets: dict, *, exclude: int, limit: int = 4) -> list[int]:
    """Ids of up to ``limit`` published items of ``kind`` sharing codes of ``facets`` (facet →
    codes) with an item: those sharing a code of every given facet first, then by how many
    codes they share, then the most recently published. One ``GROUP BY`` on the database
    index's facet table (always current, published items only) instead of reading every item."""
    from django.db.models import Case, Count, F, IntegerField, Q, Value, When

    from .models import SearchFacetValue

    facets = {name: list(codes) for name, codes in facets.items() if codes}
    if not facets:
        return []
    match = Q()
    for name, codes in facets.items():
        match |= Q(facet=name, code__in=codes)
    shared = {f"shared_{name}": Count("id", filter=Q(facet=name)) for name in facets}
    every = When(Q(**{f"{key}__gt": 0 for key in shared}), then=Value(1))
    rows = (
        SearchFacetValue.objects.filter(match, entry__type=kind)
        .exclude(entry__object_id=exclude)
        .values("entry__object_id", "entry__published")
        .annotate(**shared)
        .annotate(every=Case(every, default=Value(0), output_field=IntegerField()), total=sum((F(k) for k in shared), Value(0)))
        .order_by("-every", "-total", "-entry__published", "-entry__object_id")
        .values_list("entry__object_id", flat=True)[:limit]
    )
    return list(rows)
