"""The search service's vocabulary: query, results, errors (re-exported by :mod:`search.service`).

Kept apart from the service so the backends can use these types without importing it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from cms.taxonomies import (
    CONTENT_TYPES,
    COUNTRIES,
    DOCUMENT_LANGUAGES,
    FOLLOW_UP_SCOPES,
    FOLLOW_UP_STATUSES,
    LEVELS,
    OBJECTIVES,
    POPULATIONS,
    PRINCIPLES,
    STAKEHOLDER_GROUPS,
    TABLES,
    normalise_language,
    table_name,
)

from .documents import FACETS, FILTER_ONLY, TEXT_FIELDS, TYPES
from .text import Matcher, match_spans, query_terms, snippets

SORTS = ("relevance", "-start_year", "title", "-published")
MAX_PAGE_SIZE = 100
MAX_WINDOW = 10_000  # hits reachable by paging (Elasticsearch's index.max_result_window)
MAX_TEXT_LENGTH = 500

VOCABULARIES = {
    "country": COUNTRIES,
    "objective": OBJECTIVES,
    "principle": PRINCIPLES,
    "table": TABLES,
    "stakeholder_group": STAKEHOLDER_GROUPS,
    "level": LEVELS,
    "population": POPULATIONS,
    "language": DOCUMENT_LANGUAGES,
    "type": CONTENT_TYPES,
    "follow_up_status": FOLLOW_UP_STATUSES,
    "follow_up_country": FOLLOW_UP_SCOPES,
}
_YEAR = re.compile(r"^\d{4}$")
_SLUG = re.compile(r"^[-\w]{1,255}$")


class SearchError(ValueError):
    """A query the service cannot answer; ``errors`` maps a field to its messages (an API
    turns it into a 400 with field errors)."""

    def __init__(self, errors: dict[str, list[str]]):
        self.errors = errors
        super().__init__("; ".join(f"{name}: {' '.join(messages)}" for name, messages in errors.items()))


@dataclass(frozen=True)
class SearchQuery:
    text: str = ""
    types: tuple[str, ...] = ("practice",)
    filters: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    year_from: int | None = None
    year_to: int | None = None
    sort: str = "relevance"
    page: int = 1
    page_size: int = 20
    language: str | None = None

    @property
    def terms(self) -> list[str]:
        return query_terms(self.text)

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size

    @property
    def effective_sort(self) -> str:
        """Relevance without text has no scores: it means newest first, in every backend."""
        return "-published" if self.sort == "relevance" and not self.terms else self.sort

    def validated(self) -> SearchQuery:
        """A normalised copy (filters as sorted tuples, language resolved), or SearchError."""
        errors: dict[str, list[str]] = {}
        text = (self.text or "").strip()
        if len(text) > MAX_TEXT_LENGTH:
            errors.setdefault("text", []).append(f"At most {MAX_TEXT_LENGTH} characters.")
        types = tuple(dict.fromkeys(self.types or ()))
        if not types:
            errors.setdefault("types", []).append("Choose at least one type.")
        for kind in types:
            if kind not in TYPES:
                errors.setdefault("types", []).append(f"Unknown type {kind!r}.")
        filters: dict[str, tuple[str, ...]] = {}
        for name, codes in (self.filters or {}).items():
            if isinstance(codes, str):
                codes = (codes,)
            codes = tuple(sorted({str(code) for code in codes or ()}))
            if name not in FACETS and name not in FILTER_ONLY:
                errors.setdefault(name, []).append(f"Unknown filter {name!r}.")
                continue
            bad = [code for code in codes if not _valid_code(name, code)]
            if bad:
                errors.setdefault(name, []).append("Unknown value(s): " + ", ".join(bad) + ".")
                continue
            if codes:
                filters[name] = codes
        for name in ("year_from", "year_to"):
            value = getattr(self, name)
            if value is not None and (not isinstance(value, int) or isinstance(value, bool) or not 1900 <= value <= 2100):
                errors.setdefault(name, []).append("A year between 1900 and 2100.")
        if (
            isinstance(self.year_from, int)
            and isinstance(self.year_to, int)
            and "year_from" not in errors
            and "year_to" not in errors
            and self.year_from > self.year_to
        ):
            errors.setdefault("year_to", []).append("Must not be before year_from.")
        if self.sort not in SORTS:
            errors.setdefault("sort", []).append("One of " + ", ".join(SORTS) + ".")
        if not isinstance(self.page, int) or isinstance(self.page, bool) or self.page < 1:
            errors.setdefault("page", []).append("A page number from 1.")
        if not isinstance(self.page_size, int) or isinstance(self.page_size, bool) or not 1 <= self.page_size <= MAX_PAGE_SIZE:
            errors.setdefault("page_size", []).append(f"Between 1 and {MAX_PAGE_SIZE}.")
        if not errors and self.page * self.page_size > MAX_WINDOW:
            errors.setdefault("page", []).append(f"Only the first {MAX_WINDOW} results can be paged through.")
        if errors:
            raise SearchError(errors)
        return replace(self, text=text, types=types, filters=filters, language=normalise_language(self.language))


def _valid_code(name: str, code: str) -> bool:
    if name == "start_year":
        return bool(_YEAR.match(code))
    if name == "event":
        return bool(_SLUG.match(code))
    if name == "type":
        return code in TYPES
    return code in VOCABULARIES[name]


def facet_label(name: str, code: str, language: str) -> str:
    if name == "start_year":
        return code
    if name == "table":
        return table_name(code, language)
    return VOCABULARIES[name].label(code, language)


@dataclass
class FacetValue:
    code: str
    label: str
    count: int
    selected: bool


@dataclass
class Hit:
    id: int
    type: str
    slug: str
    title: str
    summary: str
    url: str
    countries: list[str]
    objectives: list[str]
    principles: list[str]
    table: str
    start_year: int | None
    highlight: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class SearchResults:
    total: int
    hits: list[Hit]
    facets: dict[str, list[FacetValue]]
    backend: str
    degraded: bool
    page: int
    page_size: int


def hit_from_document(document: dict, highlight: dict[str, list[str]] | None = None) -> Hit:
    facets = document["facets"]
    return Hit(
        id=document["id"],
        type=document["type"],
        slug=document["slug"],
        title=document["title"],
        summary=document["summary"],
        url=document["url"],
        countries=list(facets["country"]),
        objectives=list(facets["objective"]),
        principles=list(facets["principle"]),
        table=facets["table"][0] if facets["table"] else "",
        start_year=document["start_year"],
        highlight=highlight or {},
    )


def assemble_facets(counts: Mapping[str, Mapping[str, int]], query: SearchQuery) -> dict[str, list[FacetValue]]:
    """Facet values from raw counts, the same way for every backend: values with hits plus
    the selected ones (even at zero), by count (descending) then label; years newest first."""
    from .text import fold

    language = query.language
    out: dict[str, list[FacetValue]] = {}
    for name in FACETS:
        selected = set(query.filters.get(name, ()))
        raw = {code: count for code, count in counts.get(name, {}).items() if count > 0}
        for code in selected:
            raw.setdefault(code, 0)
        values = [FacetValue(code, facet_label(name, code, language), count, code in selected) for code, count in raw.items()]
        if name == "start_year":
            values.sort(key=lambda v: v.code, reverse=True)
        else:
            values.sort(key=lambda v: (-v.count, fold(v.label).strip(), v.code))
        out[name] = values
    return out


def highlight(document: dict, matcher: Matcher | None) -> dict[str, list[str]]:
    """Snippets of each text field that the query matched: the original text, HTML-escaped,
    with ``<mark>`` around the matched words (the same rules as matching)."""
    out: dict[str, list[str]] = {}
    if matcher is None:
        return out
    for name in TEXT_FIELDS:
        original = document["text"].get(name) or ""
        fragments = snippets(original, match_spans(original, matcher))
        if fragments:
            out[name] = fragments
    return out
