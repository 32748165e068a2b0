"""Text search of the two directory-sized collections that have no index of their own: events
and organisations (tens of items, read whole). The words are folded as the index folds them
(:func:`search.text.fold`): a row matches when its folded fields contain every folded word of the
text. Published content only: live, public, original events (:func:`cms.selectors.published_events`)
and the organisations of the public directory (every organisation is public).

The API's lists of events and organisations filter ``q`` with :func:`filter_text` too, so
``/api/v1/events/?q=`` and the site's search find the same items."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.html import strip_tags

from cms.models import Organisation
from cms.selectors import published_events

from .text import fold, query_terms

FIELDS = {
    "event": ["title", "summary", "body", "report_title", "themes__title", "themes__summary"],
    "organisation": ["name", "acronym", "description", "website"],
}


def filter_text(queryset: QuerySet, fields: list[str], terms: list[str]) -> QuerySet:
    """``queryset`` narrowed to the rows whose ``fields`` (paths, relations allowed; rich text is
    read without its tags) contain every one of the folded ``terms``. It reads the fields of the
    rows of ``queryset`` (the rows the caller may see), then filters by primary key."""
    if not terms:
        return queryset
    texts: dict = {}
    for pk, *values in queryset.order_by().values_list("pk", *fields):
        texts.setdefault(pk, []).extend(strip_tags(str(value)) for value in values if value)
    matching = [pk for pk, parts in texts.items() if all(term in fold(" ".join(parts)) for term in terms)]
    return queryset.filter(pk__in=matching)


def published(kind: str) -> QuerySet:
    if kind == "event":
        return published_events().order_by("-date", "pk")
    if kind == "organisation":
        return Organisation.objects.order_by("name", "pk")
    raise ValueError(f"Unknown directory {kind!r}.")


def directory_search(kind: str, text: str) -> QuerySet:
    """The published ``kind`` ("event" or "organisation") matching ``text``, newest event first,
    organisations by name; every item when ``text`` has no words."""
    return filter_text(published(kind), FIELDS[kind], query_terms(text or ""))
