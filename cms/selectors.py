"""Reads of published content, shared by the site, the API and search (SPEC: nothing
unpublished is ever visible to the public, so every public read starts here). They read the
Spanish originals: versions in other locales are the same items (cms/i18n.py)."""

from collections import Counter

from django.db.models import QuerySet

from .models import EventPage, PracticePage, RecommendationPage, TableSpacePage
from .taxonomies import OBJECTIVES


def published_practices() -> QuerySet[PracticePage]:
    return PracticePage.objects.originals().live().public()


def published_recommendations() -> QuerySet[RecommendationPage]:
    return RecommendationPage.objects.originals().live().public()


def published_events() -> QuerySet[EventPage]:
    return EventPage.objects.originals().live().public()


def recommendations_of_table(queryset: QuerySet[RecommendationPage], table: str) -> QuerySet[RecommendationPage]:
    """The recommendations living under ``table``'s space (the table is where an item lives)."""
    space = TableSpacePage.objects.originals().filter(table=table).first()
    if space is None:
        return queryset.none()
    return queryset.descendant_of(space)


def objective_counts() -> list[dict]:
    """Published practices per GCM objective, in objective order, zeros included."""
    counts = Counter(code for objectives in published_practices().values_list("objectives", flat=True) for code in objectives)
    return [{"code": term.code, "label": term.label(), "count": counts.get(term.code, 0)} for term in OBJECTIVES]
