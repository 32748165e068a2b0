"""One plain dict per searchable item: the single source of both backends' indexes.

A document is built from *published* content only (:mod:`cms.selectors`); an item that is
not published has no document, and every index removes it. Shape::

    {"type": "practice", "id": 12, "slug": ..., "url": ..., "title": ..., "summary": ...,
     "title_sort": "<folded title>", "start_year": 2023 | None, "published": <ms epoch>,
     "language": "es", "event": "<event slug>" | "",
     "facets": {"country": ["PE"], "objective": ["7", "15"], ..., "type": ["practice"],
                "follow_up_status": ["implemented"], "follow_up_country": ["PE", "419"]},
     "text": {"title": ..., "summary": ..., "body": ..., "organisations": ..., "places": ...,
              "results": ..., "lessons_learned": ..., "rationale": ...},
     "fingerprint": "<sha1 of everything above>"}

The fingerprint lets ``search_check`` find stale index entries without trusting timestamps.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from html import unescape

from django.utils.html import strip_tags

from cms.models import PracticePage, RecommendationPage
from cms.progress import facet_values, follow_up_of, follow_ups_of
from cms.selectors import published_practices, published_recommendations, space_path, tables_by_space_path
from cms.taxonomies import COUNTRIES

from .text import fold

FACETS = (
    "country",
    "objective",
    "principle",
    "table",
    "stakeholder_group",
    "level",
    "population",
    "start_year",
    "language",
    "type",
    "follow_up_status",
    "follow_up_country",
)
# Filters that are not facets (no counts): recommendations by source event.
FILTER_ONLY = ("event",)
TYPES = ("practice", "recommendation")
# Searchable text fields, in order of weight.
TEXT_FIELDS = ("title", "summary", "body", "organisations", "places", "results", "lessons_learned", "rationale")
TEXT_WEIGHTS = {"title": 4, "summary": 2}

MODELS = {"practice": PracticePage, "recommendation": RecommendationPage}


def key(document: dict) -> tuple[str, int]:
    return document["type"], document["id"]


_TAG = re.compile(r"<[^<>]*>")


def html_to_text(html: str) -> str:
    """The text of rich text, paragraphs and line breaks kept as new lines. Well-formed HTML (what
    the rich-text editor writes: every ``<`` of the text escaped) loses its tags by one regular
    expression, the same text as Django's ``strip_tags`` at a tenth of its cost (issue 19: the
    HTML parser took a quarter of the document building of ``search_reindex``); anything else
    goes through ``strip_tags``."""
    if not html:
        return ""
    html = html.replace("</p>", "</p>\n").replace("<br/>", "\n").replace("<br>", "\n")
    text = _TAG.sub("", html)
    if "<" in text or ">" in text:
        text = strip_tags(html)
    return unescape(text).strip()


def _places(codes: Iterable[str]) -> str:
    labels: list[str] = []
    for code in codes:
        for language in ("es", "en", "pt", "fr"):
            label = COUNTRIES.label(code, language)
            if label not in labels:
                labels.append(label)
    return " · ".join(labels)


def _millis(moment) -> int:
    return int(moment.timestamp() * 1000) if moment else 0


def _finish(document: dict) -> dict:
    document["title_sort"] = " ".join(fold(document["title"]).split())[:200]
    body = json.dumps(document, sort_keys=True, ensure_ascii=False, default=str)
    document["fingerprint"] = hashlib.sha1(body.encode()).hexdigest()
    return document


def practice_document(page: PracticePage) -> dict:
    organisations = [org for org in page.organisations.all()]
    names = [f"{org.name} ({org.acronym})" if org.acronym else org.name for org in organisations]
    if page.other_implementers:
        names.append(page.other_implementers)
    facets = {
        "country": list(page.countries),
        "objective": list(page.objectives),
        "principle": list(page.principles),
        "table": [page.table] if page.table else [],
        "stakeholder_group": list(page.stakeholder_groups),
        "level": [page.level] if page.level else [],
        "population": list(page.populations),
        "start_year": [str(page.start_year)] if page.start_year else [],
        "language": [page.language] if page.language else [],
        "type": ["practice"],
        "follow_up_status": [],
        "follow_up_country": [],
    }
    return _finish(
        {
            "type": "practice",
            "id": page.pk,
            "slug": page.slug,
            "url": page.get_url() or "",
            "title": page.title,
            "summary": page.summary,
            "start_year": page.start_year,
            "published": _millis(page.first_published_at),
            "language": page.language or "",
            "event": page.event.slug if page.event_id and page.event else "",
            "facets": facets,
            "text": {
                "title": page.title,
                "summary": page.summary,
                "body": html_to_text(page.body),
                "organisations": " · ".join(names),
                "places": _places(page.countries),
                "results": page.results,
                "lessons_learned": page.lessons_learned,
                "rationale": "",
            },
        }
    )


def recommendation_document(page: RecommendationPage, table: str | None = None, follow_up: list[dict] | None = None) -> dict:
    """``follow_up``: its published follow-up, ``cms.progress.follow_ups_of`` (read when not given)."""
    table = page.table if table is None else table
    statuses, scopes = facet_values(follow_up_of(page.pk) if follow_up is None else follow_up)
    facets = {name: [] for name in FACETS}
    facets.update(
        country=list(page.countries),
        objective=list(page.objectives),
        table=[table] if table else [],
        language=["es"],  # recommendations are written in Spanish, the Mechanism's working language
        type=["recommendation"],
        follow_up_status=statuses,
        follow_up_country=scopes,
    )
    return _finish(
        {
            "type": "recommendation",
            "id": page.pk,
            "slug": page.slug,
            "url": page.get_url() or "",
            "title": page.title,
            "summary": page.text,
            "start_year": None,
            "published": _millis(page.first_published_at),
            "language": "es",
            "event": page.event.slug if page.event_id and page.event else "",
            "facets": facets,
            "text": {
                "title": page.title,
                "summary": page.text,
                "body": "",
                "organisations": "",
                "places": "",
                "results": "",
                "lessons_learned": "",
                "rationale": page.rationale,
            },
        }
    )


def published_queryset(kind: str):
    if kind == "practice":
        return published_practices().select_related("event").prefetch_related("organisations")
    if kind == "recommendation":
        return published_recommendations().select_related("event")
    raise ValueError(kind)


def iter_documents(kinds: Iterable[str] = TYPES, *, chunk_size: int = 500) -> Iterator[dict]:
    """Every published item's document, in primary-key order.

    The sites' root paths are read once for the whole run and handed to every page (Wagtail's
    own per-object cache of ``Site.get_site_root_paths()``): ``page.get_url()`` otherwise asks
    Django's cache for them once per document (a network round trip with Redis)."""
    from wagtail.models import Site

    roots = Site.get_site_root_paths()
    for kind in kinds:
        queryset = published_queryset(kind).order_by("pk")
        if kind == "recommendation":
            tables = tables_by_space_path()
            follow_ups = follow_ups_of()
            for page in queryset.iterator(chunk_size=chunk_size):
                page._wagtail_cached_site_root_paths = roots
                yield recommendation_document(page, tables.get(space_path(page), ""), follow_ups.get(page.pk, []))
        else:
            for page in queryset.iterator(chunk_size=chunk_size):
                page._wagtail_cached_site_root_paths = roots
                yield practice_document(page)


def count_published(kinds: Iterable[str] = TYPES) -> int:
    return sum(published_queryset(kind).count() for kind in kinds)


def document_for(kind: str, pk: int) -> dict | None:
    """The document of one item, or None when it is not (or no longer) published."""
    page = published_queryset(kind).filter(pk=pk).first()
    if page is None:
        return None
    return practice_document(page) if kind == "practice" else recommendation_document(page)


def kind_of_model(model) -> str | None:
    for kind, cls in MODELS.items():
        if issubclass(model, cls):
            return kind
    return None
