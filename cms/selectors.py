"""Reads of published content, shared by the site, the API and search (SPEC: nothing
unpublished is ever visible to the public, so every public read starts here). They read the
Spanish originals: versions in other locales are the same items (cms/i18n.py)."""

from collections import Counter
from collections.abc import Iterable

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


def space_path(item) -> str:
    """The path of the page holding ``item`` (a recommendation's table space)."""
    return item.path[: -item.steplen]


def tables_by_space_path(paths: Iterable[str] | None = None) -> dict[str, str]:
    """``{path: table code}`` of the table spaces at ``paths`` (of all of them, in every
    language's tree, when not given): one query."""
    spaces = TableSpacePage.objects.all() if paths is None else TableSpacePage.objects.filter(path__in=set(paths))
    return dict(spaces.values_list("path", "table"))


def with_tables(items: Iterable[RecommendationPage]) -> list[RecommendationPage]:
    """``items`` as a list, each with its ``table`` known (the table is where an item lives: the
    code of its parent space): one query for all of them, none when each already knows it. The
    one way to read items' tables; ``RecommendationPage.table`` alone asks it for one item."""
    items = list(items)
    unknown = [item for item in items if "table" not in item.__dict__]
    if unknown:
        tables = tables_by_space_path(space_path(item) for item in unknown)
        for item in unknown:
            item.__dict__["table"] = tables.get(space_path(item), "")
    return items


def objective_counts() -> list[dict]:
    """Published practices per GCM objective, in objective order, zeros included."""
    counts = Counter(code for objectives in published_practices().values_list("objectives", flat=True) for code in objectives)
    return [{"code": term.code, "label": term.label(), "count": counts.get(term.code, 0)} for term in OBJECTIVES]
