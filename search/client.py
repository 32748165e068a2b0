"""The Elasticsearch connection. Nothing outside ``search/`` talks to Elasticsearch.

Note for the ``integ-test-zip`` distribution used in tests: ``GET /`` answers 405 there, so
``ping()`` is always False; readiness is checked with the cluster health API instead.
"""

from __future__ import annotations

from functools import lru_cache

from django.conf import settings
from elasticsearch import Elasticsearch


@lru_cache(maxsize=4)
def _client(urls: str, timeout: float) -> Elasticsearch:
    return Elasticsearch(urls.split(","), request_timeout=timeout, retry_on_timeout=True, max_retries=2)


def get_client(url: str | None = None, *, timeout: float = 10.0) -> Elasticsearch:
    """A shared client for ``url`` (default ``ELASTICSEARCH_URL``; comma-separated nodes)."""
    url = url or settings.ELASTICSEARCH_URL
    if not url:
        raise RuntimeError("ELASTICSEARCH_URL is not set: the search runs on the database backend.")
    return _client(url, timeout)


def is_ready(client: Elasticsearch, *, timeout: str = "1s") -> bool:
    """True when the cluster answers and is at least yellow."""
    try:
        health = client.cluster.health(wait_for_status="yellow", timeout=timeout)
    except Exception:  # any transport error means "not ready"
        return False
    return health.get("status") in {"green", "yellow"} and not health.get("timed_out", False)


def index_name(name: str) -> str:
    """Index and alias names carry the configured prefix, so deployments can share a cluster."""
    return f"{settings.SEARCH_INDEX_PREFIX}-{name}"
