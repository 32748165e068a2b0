"""The follow-up facets of recommendations (``follow_up_status``, ``follow_up_country``) in both
backends: they agree with the progress board, move when a report is published (never
before), and select like every other facet (OR within, AND across, the facet's own counts
unchanged by its selection)."""

import datetime
from collections import Counter

import pytest
from django.http import QueryDict

from cms.models import RecommendationPage
from cms.progress import board, board_query
from search import service
from search.service import SearchQuery, search
from workflows import followups

pytestmark = pytest.mark.django_db
RECOMMENDATIONS = ("recommendation",)


@pytest.fixture(params=["database", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)])
def backend(request, settings):
    if request.param == "database":
        from search.backends.database import DatabaseBackend
        from search.documents import iter_documents

        settings.SEARCH_BACKEND = "database"
        settings.ELASTICSEARCH_URL = ""
        DatabaseBackend().rebuild(iter_documents())
        yield "database"
    else:
        es = request.getfixturevalue("es_search")
        settings.SEARCH_BACKEND = "elasticsearch"
        yield "elasticsearch"
        from search.documents import iter_documents

        es.rebuild(iter_documents())  # the module's index back to the demo world
    service.reset_circuit()


def counts(name: str, **filters) -> dict[str, int]:
    results = search(SearchQuery(types=RECOMMENDATIONS, filters=filters, page_size=1))
    assert not results.degraded
    return {value.code: value.count for value in results.facets[name]}


def board_recommendation_counts(**filters) -> tuple[Counter, Counter]:
    """From the board: recommendations with some scope at each status, and with each scope."""
    params = QueryDict(mutable=True)
    for name, values in filters.items():
        params.setlist(name, list(values))
    rows = board(board_query(params))["recommendations"]
    statuses = Counter(status for row in rows for status in set(row["countries"].values()))
    scopes = Counter(scope for row in rows for scope in row["countries"])
    return statuses, scopes


@pytest.mark.parametrize("filters", [{}, {"table": ("1",)}, {"objective": ("7", "16")}, {"table": ("4",), "objective": ("7",)}])
def test_facets_agree_with_the_board(backend, filters):
    statuses, scopes = board_recommendation_counts(**filters)
    assert statuses  # the demo has follow-up in these slices
    assert counts("follow_up_status", **filters) == dict(statuses)
    assert counts("follow_up_country", **filters) == dict(scopes)


def test_publishing_a_report_moves_the_facets_and_submitting_does_not(backend, people, django_capture_on_commit_callbacks):
    item = RecommendationPage.objects.originals().live().get(slug="t2-cooperacion-pensiones-retorno")
    before = counts("follow_up_country")
    with django_capture_on_commit_callbacks(execute=True):
        report = followups.submit(
            recommendation=item,
            user=people["member"],
            data={
                "country": "SV",
                "status": "not_implemented",
                "actor": "Gobierno de El Salvador",
                "date": datetime.date(2024, 1, 5),
                "description": "Sin acuerdo bilateral.",
            },
        )
    _refresh(backend)
    assert counts("follow_up_country") == before
    with django_capture_on_commit_callbacks(execute=True):
        followups.publish(report=report, user=people["curator"])
    _refresh(backend)
    after = counts("follow_up_country")
    assert after["SV"] == before.get("SV", 0) + 1
    hits = search(SearchQuery(types=RECOMMENDATIONS, filters={"follow_up_status": ("not_implemented",)})).hits
    assert item.pk in [hit.id for hit in hits]


def test_multi_select_semantics(backend):
    everything = counts("follow_up_status")
    chosen = counts("follow_up_status", follow_up_status=("implemented",))
    assert chosen == everything  # a facet's own selection does not change its counts
    either = search(SearchQuery(types=RECOMMENDATIONS, filters={"follow_up_status": ("implemented", "in_progress")}))
    implemented = search(SearchQuery(types=RECOMMENDATIONS, filters={"follow_up_status": ("implemented",)}, page_size=100))
    in_progress = search(SearchQuery(types=RECOMMENDATIONS, filters={"follow_up_status": ("in_progress",)}, page_size=100))
    assert either.total == len({h.id for h in implemented.hits} | {h.id for h in in_progress.hits})  # OR within
    both = search(
        SearchQuery(types=RECOMMENDATIONS, filters={"follow_up_status": ("implemented",), "follow_up_country": ("PE",)})
    )
    peru = search(SearchQuery(types=RECOMMENDATIONS, filters={"follow_up_country": ("PE",)}, page_size=100))
    assert both.total == len({h.id for h in implemented.hits} & {h.id for h in peru.hits})  # AND across
    assert both.total >= 1


def _refresh(backend):
    if backend == "elasticsearch":
        from search.backends.elasticsearch import ElasticsearchBackend

        ElasticsearchBackend().refresh()
