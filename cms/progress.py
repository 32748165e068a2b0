"""Public reads of the follow-up of recommendations: what has been done, where, with evidence.

Only *published* reports of *published* recommendations are ever read here; the site, the
API, the search documents, the board and its CSV all start from :func:`published_reports`.

The current status of a recommendation in a country (or the region) is the status of the
latest published report for that pair, "latest" by the date of the fact reported, then by
publication time: the order in which reports arrive or are reviewed does not matter.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet

from .models import FollowUpEvidence, FollowUpReport, PracticePage, RecommendationPage
from .selectors import published_practices, published_recommendations, with_tables
from .taxonomies import ADDRESSEES, FOLLOW_UP_SCOPES, FOLLOW_UP_STATUSES, OBJECTIVES, TABLES, table_name

STATUS_CODES = FOLLOW_UP_STATUSES.codes
GROUP_BY = ("table", "event", "theme", "objective", "addressee")
BOARD_FILTERS = ("event", "theme", "table", "objective", "addressee", "country", "status")


def published_reports() -> QuerySet[FollowUpReport]:
    return FollowUpReport.objects.filter(review_status="published", recommendation__in=published_recommendations().values("pk"))


def _latest_key(report) -> tuple:
    return (report.date, report.published_at, report.pk)


def current_reports(recommendation_ids: Iterable[int] | None = None) -> dict[tuple[int, str], FollowUpReport]:
    """``{(recommendation id, scope): the report that decides its current status}``."""
    reports = published_reports().only("pk", "recommendation_id", "country", "status", "date", "published_at")
    if recommendation_ids is not None:
        reports = reports.filter(recommendation_id__in=list(recommendation_ids))
    current: dict[tuple[int, str], FollowUpReport] = {}
    for report in reports:
        pair = (report.recommendation_id, report.country)
        if pair not in current or _latest_key(report) > _latest_key(current[pair]):
            current[pair] = report
    return current


def follow_ups_of(recommendation_ids: Iterable[int] | None = None) -> dict[int, list[dict]]:
    """``{recommendation id: [{"country", "status", "date", "updated_at"}]}`` (scopes in
    vocabulary order), in one query; recommendations without published follow-up are absent."""
    result: dict[int, list[dict]] = defaultdict(list)
    for (pk, country), report in sorted(current_reports(recommendation_ids).items(), key=lambda i: _scope_sort_key(i[0][1])):
        result[pk].append({"country": country, "status": report.status, "date": report.date, "updated_at": report.published_at})
    return dict(result)


def follow_up_of(recommendation_id: int) -> list[dict]:
    return follow_ups_of([recommendation_id]).get(recommendation_id, [])


def facet_values(follow_up: list[dict]) -> tuple[list[str], list[str]]:
    """The search facets ``follow_up_status`` and ``follow_up_country`` of one recommendation's
    follow-up (an item of :func:`follow_ups_of`)."""
    return sorted({row["status"] for row in follow_up}), sorted({row["country"] for row in follow_up})


_SCOPE_ORDER = {code: n for n, code in enumerate(FOLLOW_UP_SCOPES.codes)}


def _scope_sort_key(code: str) -> int:
    # The region first, then countries in the vocabulary's order (LAC first, Spanish alphabet).
    return _SCOPE_ORDER.get(code, len(_SCOPE_ORDER))


@dataclass
class Timeline:
    country: str
    label: str
    current: FollowUpReport
    reports: list[FollowUpReport] = field(default_factory=list)


def timelines(recommendation: RecommendationPage) -> list[Timeline]:
    """Each scope's published reports, oldest first, with evidence and linked practices
    (published practices only)."""
    reports = (
        published_reports()
        .filter(recommendation=recommendation)
        .select_related("organisation")
        .prefetch_related(
            Prefetch("evidence", queryset=FollowUpEvidence.objects.select_related("document")),
            Prefetch("practices", queryset=published_practices().only("pk", "title", "url_path", "slug")),
        )
    )
    by_scope: dict[str, list[FollowUpReport]] = defaultdict(list)
    for report in reports:
        by_scope[report.country].append(report)
    result = []
    for country in sorted(by_scope, key=_scope_sort_key):
        ordered = sorted(by_scope[country], key=_latest_key)
        result.append(Timeline(country, FOLLOW_UP_SCOPES.label(country), ordered[-1], ordered))
    return result


def linked_practices(recommendation: RecommendationPage) -> QuerySet[PracticePage]:
    return (
        published_practices().filter(follow_up_reports__in=published_reports().filter(recommendation=recommendation)).distinct()
    )


def recommendations_evidenced_by(practice: PracticePage) -> QuerySet[RecommendationPage]:
    """The published recommendations a published report links this practice to."""
    return (
        published_recommendations()
        .filter(pk__in=published_reports().filter(practices=practice).values("recommendation_id"))
        .order_by("title")
    )


# --- The progress board -------------------------------------------------------------------


class BoardError(ValueError):
    def __init__(self, errors: dict[str, list[str]]):
        self.errors = errors
        super().__init__(errors)


@dataclass(frozen=True)
class BoardQuery:
    filters: dict[str, tuple[str, ...]]
    group_by: str = "table"


def board_themes() -> dict[str, tuple[str, str]]:
    """The board's ``theme`` values: ``{theme id: (title, event slug)}`` of published events."""
    from .models import EventPage, EventTheme

    themes = EventTheme.objects.filter(page__in=EventPage.objects.originals().live().public()).select_related("page")
    return {str(theme.pk): (theme.title, theme.page.slug) for theme in themes}


def board_events() -> dict[str, str]:
    """The board's ``event`` values: ``{slug: title}`` of published events."""
    from .models import EventPage

    return dict(EventPage.objects.originals().live().public().values_list("slug", "title"))


def board_query(params) -> BoardQuery:
    """Read the board's filters from query parameters (repeatable, OR within one, AND across);
    unknown values are a :class:`BoardError` with field errors."""
    errors: dict[str, list[str]] = {}
    known = {
        "event": set(board_events()),
        "theme": set(board_themes()),
        "table": set(TABLES.codes),
        "objective": set(OBJECTIVES.codes),
        "addressee": set(ADDRESSEES.codes),
        "country": set(FOLLOW_UP_SCOPES.codes),
        "status": set(STATUS_CODES),
    }
    filters = {}
    for name in BOARD_FILTERS:
        values = tuple(sorted({value for value in params.getlist(name) if value != ""}))
        bad = [value for value in values if value not in known[name]]
        if bad:
            errors[name] = ["Unknown value(s): " + ", ".join(bad) + "."]
        elif values:
            filters[name] = values
    group_by = params.get("group_by") or "table"
    if group_by not in GROUP_BY:
        errors["group_by"] = ["One of " + ", ".join(GROUP_BY) + "."]
    if errors:
        raise BoardError(errors)
    return BoardQuery(filters, group_by)


def _status_counts(counter: Counter) -> dict[str, int]:
    return {code: counter.get(code, 0) for code in STATUS_CODES}


def board(query: BoardQuery, language: str | None = None) -> dict:
    """The board's numbers. The unit counted is a (recommendation, scope) pair with its current
    status; a recommendation with several objectives or addressees counts in each of them."""
    filters = query.filters
    recommendations = published_recommendations().select_related("event", "theme")
    if "event" in filters:
        recommendations = recommendations.filter(event__slug__in=filters["event"])
    if "theme" in filters:
        recommendations = recommendations.filter(theme_id__in=[int(pk) for pk in filters["theme"]])
    items = []
    for item in with_tables(recommendations.order_by("event__date", "theme__sort_order", "number", "title")):
        table = item.table
        if "table" in filters and table not in filters["table"]:
            continue
        if "objective" in filters and not set(item.objectives) & set(filters["objective"]):
            continue
        if "addressee" in filters and not set(item.addressed_to) & set(filters["addressee"]):
            continue
        items.append((item, table))

    current = current_reports([item.pk for item, _table in items])
    pairs_of: dict[int, dict[str, str]] = defaultdict(dict)
    for (pk, country), report in current.items():
        if "country" in filters and country not in filters["country"]:
            continue
        if "status" in filters and report.status not in filters["status"]:
            continue
        pairs_of[pk][country] = report.status

    themes = board_themes()

    def groups_of(item, table) -> list[tuple[str, str]]:
        if query.group_by == "table":
            return [(table, table_name(table, language))] if table else []
        if query.group_by == "event":
            return [(item.event.slug, item.event.title)] if item.event_id else []
        if query.group_by == "theme":
            return [(str(item.theme_id), themes[str(item.theme_id)][0])] if item.theme_id else []
        if query.group_by == "objective":
            return [(code, f"{code}. {OBJECTIVES.label(code, language)}") for code in item.objectives]
        return [(code, ADDRESSEES.label(code, language)) for code in item.addressed_to]

    by_status: Counter = Counter()
    by_country: dict[str, Counter] = defaultdict(Counter)
    by_group: dict[str, Counter] = defaultdict(Counter)
    group_labels: dict[str, str] = {}
    group_recommendations: Counter = Counter()
    rows = []
    acted_filters = {"country", "status"} & set(filters)
    for item, table in items:
        pairs = pairs_of.get(item.pk, {})
        if acted_filters and not pairs:
            continue  # filtering by where or how far: only recommendations with such reports
        for country, status in pairs.items():
            by_status[status] += 1
            by_country[country][status] += 1
        for code, label in groups_of(item, table):
            group_labels[code] = label
            group_recommendations[code] += 1
            for status in pairs.values():
                by_group[code][status] += 1
        rows.append(
            {
                "id": item.pk,
                "title": item.title,
                "url": item.get_url() or "",
                "table": table,
                "event": item.event.slug if item.event_id else "",
                "countries": dict(sorted(pairs.items(), key=lambda pair: _scope_sort_key(pair[0]))),
            }
        )

    countries = sorted(by_country, key=_scope_sort_key)
    group_order = _group_order(query.group_by, group_labels)
    return {
        "group_by": query.group_by,
        "filters": {name: list(values) for name, values in filters.items()},
        "statuses": [{"code": code, "label": FOLLOW_UP_STATUSES.label(code, language)} for code in STATUS_CODES],
        "totals": {
            "recommendations": len(rows),
            "with_reports": sum(1 for row in rows if row["countries"]),
            "countries": len(countries),
            "pairs": sum(by_status.values()),
            "by_status": _status_counts(by_status),
        },
        "countries": [
            {
                "code": code,
                "label": FOLLOW_UP_SCOPES.label(code, language),
                "total": sum(by_country[code].values()),
                "by_status": _status_counts(by_country[code]),
            }
            for code in countries
        ],
        "groups": [
            {
                "code": code,
                "label": group_labels[code],
                "recommendations": group_recommendations[code],
                "total": sum(by_group[code].values()),
                "by_status": _status_counts(by_group[code]),
            }
            for code in group_order
        ],
        "recommendations": rows,
        "columns": countries,
    }


def _group_order(group_by: str, labels: dict[str, str]) -> list[str]:
    vocabularies = {"table": TABLES, "objective": OBJECTIVES, "addressee": ADDRESSEES}
    if group_by in vocabularies:
        order = vocabularies[group_by].codes
        return sorted(labels, key=lambda code: order.index(code) if code in order else 9999)
    return list(labels)  # events and themes: in the recommendations' order (event date, theme)


def board_csv_rows(query: BoardQuery, language: str | None = None) -> Iterable[list]:
    """The CSV of what the board shows: every published report of the (recommendation, scope)
    pairs on the board, its timeline in order, ``current`` marking the one that decides the
    status, with its evidence links and linked practices."""
    data = board(query, language)
    shown = {(row["id"], country) for row in data["recommendations"] for country in row["countries"]}
    pages = RecommendationPage.objects.filter(pk__in={pk for pk, _country in shown})
    titles = {page.pk: (page.title, page.full_url or "") for page in pages}
    yield [
        "recommendation_id",
        "recommendation",
        "recommendation_url",
        "country",
        "country_label",
        "status",
        "status_label",
        "current",
        "date",
        "actor",
        "description",
        "evidence",
        "practices",
    ]
    current = current_reports({pk for pk, _country in shown})
    reports = (
        published_reports()
        .filter(recommendation_id__in={pk for pk, _country in shown})
        .prefetch_related("evidence__document", Prefetch("practices", queryset=published_practices()))
        .order_by("recommendation_id", "country", "date", "published_at", "pk")
    )
    for report in reports:
        if (report.recommendation_id, report.country) not in shown:
            continue
        title, url = titles[report.recommendation_id]
        yield [
            report.recommendation_id,
            title,
            url,
            report.country,
            FOLLOW_UP_SCOPES.label(report.country, language),
            report.status,
            FOLLOW_UP_STATUSES.label(report.status, language),
            "yes" if current[(report.recommendation_id, report.country)].pk == report.pk else "no",
            report.date.isoformat(),
            report.actor,
            report.description,
            " ".join(evidence.href for evidence in report.evidence.all()),
            " ".join(practice.full_url or "" for practice in report.practices.all()),
        ]
