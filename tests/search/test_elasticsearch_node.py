"""The real Elasticsearch node of the test run: index, refresh, search."""

import pytest

from search.client import is_ready

pytestmark = pytest.mark.elasticsearch


def test_index_refresh_search(es_client, es_index):
    index = es_index(mappings={"properties": {"title": {"type": "text"}, "country": {"type": "keyword"}}})
    es_client.index(index=index, id="1", document={"title": "Estatuto Temporal de Protección", "country": "CO"})
    es_client.index(index=index, id="2", document={"title": "Programa Patria Grande", "country": "AR"})
    es_client.indices.refresh(index=index)
    hits = es_client.search(index=index, query={"match": {"title": "patria"}})["hits"]
    assert hits["total"]["value"] == 1 and hits["hits"][0]["_id"] == "2"
    counts = es_client.search(index=index, size=0, aggs={"c": {"terms": {"field": "country"}}})
    assert {b["key"]: b["doc_count"] for b in counts["aggregations"]["c"]["buckets"]} == {"AR": 1, "CO": 1}


def test_readiness_uses_cluster_health(es_client):
    # GET / answers 405 on the integ-test distribution, so ping() cannot tell readiness.
    assert is_ready(es_client)
    assert es_client.cluster.health()["status"] in {"green", "yellow"}


def test_an_unreachable_node_is_not_ready():
    from search.client import get_client

    assert not is_ready(get_client("http://127.0.0.1:9", timeout=1.0))
