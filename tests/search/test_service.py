"""The service's contract: validation errors, backend choice, degradation, embedded mode.
A dead node is simulated with a closed port (no Elasticsearch needed)."""

import time

import pytest

from search import service
from search.service import FACETS, SearchError, SearchQuery, iter_hits, search, suggest

from .conftest import add_practice

pytestmark = pytest.mark.django_db
DEAD_NODE = "http://127.0.0.1:9"


@pytest.fixture
def dead_elasticsearch(settings):
    settings.ELASTICSEARCH_URL = DEAD_NODE
    settings.SEARCH_BACKEND = "elasticsearch"
    settings.SEARCH_ES_RETRY_AFTER = 0
    settings.SEARCH_ES_TIMEOUT = 1.0
    service.reset_circuit()
    yield
    service.reset_circuit()


@pytest.mark.parametrize(
    "query, field",
    [
        (SearchQuery(filters={"colour": ("red",)}), "colour"),
        (SearchQuery(filters={"country": ("XX",)}), "country"),
        (SearchQuery(filters={"objective": ("24",)}), "objective"),
        (SearchQuery(filters={"start_year": ("20x3",)}), "start_year"),
        (SearchQuery(types=("organisation_chart",)), "types"),
        (SearchQuery(sort="-title"), "sort"),
        (SearchQuery(page=0), "page"),
        (SearchQuery(page_size=101), "page_size"),
        (SearchQuery(page_size=0), "page_size"),
        (SearchQuery(year_from=2022, year_to=2020), "year_to"),
        (SearchQuery(page=600, page_size=20), "page"),
    ],
)
def test_bad_queries_raise_field_errors(query, field):
    with pytest.raises(SearchError) as caught:
        search(query)
    assert field in caught.value.errors and caught.value.errors[field]
    assert isinstance(caught.value, ValueError)


def test_embedded_mode_answers_from_the_database():
    results = search(SearchQuery(text="migración", language="en"))
    assert results.backend == "database" and results.degraded is False
    assert results.page == 1 and results.page_size == 20
    assert list(results.facets) == list(FACETS)
    [peru] = [v for v in search(SearchQuery(language="en")).facets["country"] if v.code == "PE"]
    assert peru.label == "Peru" and peru.count >= 1 and peru.selected is False
    [peru] = [v for v in search(SearchQuery(language="es", filters={"country": ["PE"]})).facets["country"] if v.code == "PE"]
    assert peru.label == "Perú" and peru.selected is True
    [table] = [v for v in search(SearchQuery(language="pt")).facets["table"] if v.code == "1"]
    assert table.label.startswith("Mesa 1")


def test_selected_values_stay_listed_at_zero():
    results = search(SearchQuery(filters={"country": ("UY", "PE"), "level": ("regional",)}))
    countries = {v.code: (v.count, v.selected) for v in results.facets["country"]}
    assert countries["UY"] == (0, True)
    assert countries["PE"][1] is True


def test_iter_hits_streams_the_whole_result_set():
    query = SearchQuery(types=("practice", "recommendation"), sort="title", page_size=5)
    streamed = list(iter_hits(query))
    assert len(streamed) == search(query).total > 5
    assert [h.id for h in streamed[:5]] == [h.id for h in search(query).hits]


def test_an_unreachable_elasticsearch_degrades_to_the_database(dead_elasticsearch):
    started = time.monotonic()
    results = search(SearchQuery(text="migracion", filters={"country": ("PE",)}))
    assert results.backend == "database" and results.degraded is True
    assert results.total > 0 and results.hits[0].highlight
    assert suggest("patria") and list(iter_hits(SearchQuery(text="patria")))
    assert time.monotonic() - started < 5


def test_after_a_failure_elasticsearch_is_left_alone_for_a_while(dead_elasticsearch, settings):
    settings.SEARCH_ES_RETRY_AFTER = 60
    search(SearchQuery())
    assert service._primary() is None  # the next searches go straight to the database
    assert search(SearchQuery()).degraded is True
    service.reset_circuit()
    assert service._primary() is not None


def test_without_elasticsearch_publishing_enqueues_no_index_task(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        page = add_practice(title="Uruguay: práctica sin Elasticsearch")
    assert not [c for c in callbacks if c.__module__ == "search.indexing"]
    assert search(SearchQuery(text="práctica sin elasticsearch")).hits[0].id == page.pk


def test_eager_mode_with_a_dead_node_never_blocks_or_breaks_a_publish(
    dead_elasticsearch, django_capture_on_commit_callbacks, caplog
):
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        page = add_practice(title="Uruguay: publicada con el nodo caído")
    assert any(c.__module__ == "search.indexing" for c in callbacks)
    attempts = [r for r in caplog.records if "Elasticsearch not updated for page" in r.getMessage()]
    assert attempts and all(str(page.pk) in r.getMessage() for r in attempts)  # tried, failed, logged
    assert time.monotonic() - started < 10
    results = search(SearchQuery(text="nodo caido"))
    assert results.degraded and [h.id for h in results.hits] == [page.pk]
