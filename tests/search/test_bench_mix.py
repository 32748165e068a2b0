"""The benchmark's queries on a generated corpus (``bench.corpus``, 1,000 practices), the same
answers however they are computed:

* the database backend (SQLite in one pass, PostgreSQL in the other) equals the brute-force
  reference (``oracle.py``): totals, pages in order, every facet's counts;
* the Elasticsearch index as the product builds it (sorted on the default order, force-merged)
  equals an unsorted, unmerged index of the same documents written in publication order (the
  layout before issue 19): totals, hits in order (relevance included), facets; and both equal
  the database backend (relevance: the same set).

Publication times come in runs of five equal values, so the tie-breakers of the default order
(title, type, id) decide pages too.
"""

from __future__ import annotations

import pytest

from bench.corpus import practice_documents
from bench.harness import MIX as API_MIX
from bench.harness import service_query
from bench.mix import BOTH, SERVICE_MIX
from search.backends.database import DatabaseBackend
from search.types import SearchQuery

from .conftest import es_settings, unique_prefix
from .oracle import Oracle

SIZE = 1000
LAST_PAGE = SIZE // 20


def corpus() -> list[dict]:
    documents = list(practice_documents(SIZE))
    for n, document in enumerate(documents):
        document["published"] = 1_600_000_000_000 + (n // 5) * 60_000
    return documents


MIX = {
    **{f"service: {name}": query for name, query in SERVICE_MIX.items()},
    **{f"api: {name}": service_query(params) for name, params in API_MIX.items()},
    "landing page": SearchQuery(types=BOTH),
    "newest, a middle page": SearchQuery(sort="-published", page=LAST_PAGE // 2),
    "newest, last page": SearchQuery(types=BOTH, sort="-published", page=LAST_PAGE, page_size=20),
    "title, last page": SearchQuery(sort="title", page=LAST_PAGE),
    "year, page 7 of 100": SearchQuery(sort="-start_year", page=7, page_size=100),
    "one country, newest": SearchQuery(filters={"country": ("MX",)}),
    "text, newest": SearchQuery(text="migrantes", sort="-published", page=2),
    "text, relevance, 100": SearchQuery(text="derechos migrantes", page_size=100),
}


def keys(results):
    return [(hit.type, hit.id) for hit in results.hits]


def facets(results):
    return {name: [(v.code, v.count, v.selected) for v in values] for name, values in results.facets.items()}


@pytest.fixture(scope="module")
def documents():
    return corpus()


@pytest.fixture(scope="module")
def database_index(django_db_setup, django_db_blocker, documents):
    """The database index holds the generated corpus for this module, then the demo world again."""
    from search.documents import iter_documents

    with django_db_blocker.unblock():
        DatabaseBackend().rebuild(documents)
        try:
            yield DatabaseBackend()
        finally:
            DatabaseBackend().rebuild(iter_documents())


@pytest.fixture(scope="module")
def oracle(documents):
    return Oracle(documents)


@pytest.fixture(scope="module")
def es_pair(elasticsearch_url, es_client, documents):
    """(the product's index, an unsorted and unmerged one), each under its own alias."""
    from search.backends.elasticsearch import ElasticsearchBackend

    with es_settings(elasticsearch_url, unique_prefix("sorted")):
        product = ElasticsearchBackend()
    with es_settings(elasticsearch_url, unique_prefix("unsorted")):
        previous = ElasticsearchBackend()
    try:
        product.rebuild(documents)
        previous.rebuild(documents, index_sort=False, force_merge=False)
        yield product, previous
    finally:
        product.drop()
        previous.drop()


def test_the_mix_is_not_trivial(oracle):
    totals = {name: oracle.search(query)[0] for name, query in MIX.items()}
    assert sum(1 for total in totals.values() if total > 20) >= len(MIX) - 3, totals
    assert totals["landing page"] == SIZE
    assert 0 < totals["service: multi-select facets + years"] < SIZE // 2
    with_text_and_facets = [name for name, query in MIX.items() if query.validated().terms and query.validated().filters]
    assert len(with_text_and_facets) >= 2, with_text_and_facets  # the path the text matched once changed


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(MIX))
def test_the_database_backend_matches_the_reference(name, database_index, oracle):
    query = MIX[name].validated()
    results = database_index.search(query)
    total, page, all_keys, expected = oracle.search(query)
    assert results.total == total
    if page is None:
        assert set(keys(results)) <= all_keys and len(results.hits) == min(query.page_size, total)
    else:
        assert keys(results) == page
    assert facets(results) == {n: [(v.code, v.count, v.selected) for v in vs] for n, vs in expected.items()}


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(MIX))
def test_the_text_matched_once_answers_like_the_plain_queries(name, database_index):
    """The text match evaluated once, also with facet filters, against the former path (the
    full-text condition in the count, in each facet count and in the order): the same total,
    page (in order, relevance too: the same ranking) and counts."""
    query = MIX[name].validated()
    before = DatabaseBackend(match_once=False).search(query)
    now = database_index.search(query)
    assert database_index.match_once
    assert now.total == before.total
    assert keys(now) == keys(before)
    assert facets(now) == facets(before)


@pytest.mark.elasticsearch
def test_the_product_index_is_sorted_and_merged(es_pair):
    from search.backends.elasticsearch import INDEX_SORT

    product, previous = es_pair
    client = product.admin_client
    (name,) = product.concrete_indices()
    index = client.indices.get_settings(index=name)[name]["settings"]["index"]
    assert index["sort"]["field"] == [field for field, _ in INDEX_SORT]
    assert index["sort"]["order"] == [order for _, order in INDEX_SORT]
    segments = client.indices.segments(index=name)["indices"][name]["shards"]["0"][0]["segments"]
    assert len(segments) == 1
    (old,) = previous.concrete_indices()
    assert "sort" not in client.indices.get_settings(index=old)[old]["settings"]["index"]


@pytest.mark.elasticsearch
@pytest.mark.django_db
@pytest.mark.parametrize("name", list(MIX))
def test_the_sorted_index_answers_like_the_unsorted_one_and_the_database(name, es_pair, database_index):
    product, previous = es_pair
    query = MIX[name].validated()
    now, before = product.search(query), previous.search(query)
    assert now.backend == "elasticsearch" and not now.degraded
    assert now.total == before.total
    assert keys(now) == keys(before)  # relevance too: same scores, same tie-breakers
    assert facets(now) == facets(before)
    database = database_index.search(query)
    assert now.total == database.total
    assert facets(now) == facets(database)
    if query.effective_sort == "relevance":
        assert len(now.hits) == len(database.hits)
    else:
        assert keys(now) == keys(database)


@pytest.mark.elasticsearch
@pytest.mark.django_db
def test_streaming_the_whole_set_agrees(es_pair, database_index):
    product, previous = es_pair
    for query in (MIX["landing page"], MIX["api: three facets"], MIX["title, last page"]):
        query = query.validated()
        streamed = [(h.type, h.id) for h in product.iter_hits(query)]
        assert streamed == [(h.type, h.id) for h in previous.iter_hits(query)]
        assert streamed == [(h.type, h.id) for h in database_index.iter_hits(query)]
        assert len(streamed) == database_index.search(query).total


@pytest.mark.elasticsearch
def test_one_round_trip_with_cacheable_counts(es_pair):
    """Hits and counts go in one ``_msearch``; the counts request (no hits, aggregations sharing a
    filter grouped) is answered from the shard request cache when repeated."""
    from elasticsearch_dsl import MultiSearch

    from search.backends.elasticsearch import search_requests

    product, _previous = es_pair
    query = MIX["api: three facets"].validated()
    hits, counts = search_requests(query, client=product.client, index=product.alias, variant=product.variant())
    body = MultiSearch(index=product.alias).add(hits).add(counts).to_dict()
    assert len(body) == 4 and body[2]["request_cache"] is True and "request_cache" not in body[0]
    assert body[3]["size"] == 0 and body[1]["size"] == query.page_size and body[1]["track_total_hits"] is False
    # three facets selected: one filter aggregation for the nine others (and the total), one per selected facet
    assert sorted(body[3]["aggs"]) == ["all", "only_country", "only_level", "only_objective"]
    assert len(body[3]["aggs"]["all"]["aggs"]) == 9

    def cache():
        stats = product.admin_client.indices.stats(index=product.alias, metric="request_cache")
        return stats["_all"]["primaries"]["request_cache"]["hit_count"]

    first = product.search(query)
    hits_before = cache()
    again = product.search(query)
    assert cache() > hits_before
    assert (again.total, keys(again), facets(again)) == (first.total, keys(first), facets(first))


@pytest.mark.postgres
@pytest.mark.django_db
def test_the_text_match_puts_the_planner_back_as_it_found_it(database_index):
    """PostgreSQL reads the text match with sequential scans off (``_matched_ids``); the rest of
    the caller's transaction (a request, here the test's) plans with them on again."""
    from django.db import connection

    assert connection.vendor == "postgresql"

    def seqscan() -> str:
        with connection.cursor() as cursor:
            cursor.execute("SHOW enable_seqscan")
            return cursor.fetchone()[0]

    assert seqscan() == "on"
    assert database_index.search(MIX["api: text only"].validated()).total > 0
    assert seqscan() == "on"
