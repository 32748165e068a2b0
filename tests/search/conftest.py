"""Fixtures of the search tests.

* ``es_search``: Elasticsearch (the suite's node) configured as the search backend for one
  test module, under an index prefix of its own, with the published demo world indexed once
  per module; the index is deleted afterwards.
* ``dedicated_es``: a node of its own on port 9290 that tests may stop and restart (never the
  shared one), started once per session by the worker running the ``es_lifecycle`` group.
"""

from __future__ import annotations

import os
import re
import subprocess
import uuid
from contextlib import contextmanager, nullcontext
from pathlib import Path

import pytest
from django.test import override_settings

from tests.services import unavailable

ROOT = Path(__file__).resolve().parents[2]
DEDICATED_ES_PORT = int(os.environ.get("ENLACE_TEST_DEDICATED_ES_PORT", "9290"))


def unique_prefix(label: str) -> str:
    return f"test-{label}-{os.getpid()}-{uuid.uuid4().hex[:8]}"


def es_settings(url: str, prefix: str):
    return override_settings(
        ELASTICSEARCH_URL=url,
        SEARCH_BACKEND="elasticsearch",
        SEARCH_INDEX_PREFIX=prefix,
        SEARCH_ES_RETRY_AFTER=0,
        SEARCH_ES_TIMEOUT=10.0,
    )


@contextmanager
def own_es_index(url: str, label: str, db_access=nullcontext):
    """The settings of an index of its own (``unique_prefix(label)``), loaded with the published
    content (read under ``db_access()``: a module fixture's ``django_db_blocker.unblock``);
    dropped on the way out."""
    from search import service
    from search.backends.elasticsearch import ElasticsearchBackend
    from search.documents import iter_documents

    with es_settings(url, unique_prefix(label)):
        backend = ElasticsearchBackend()
        with db_access():
            backend.rebuild(iter_documents())
        service.reset_circuit()
        try:
            yield backend
        finally:
            backend.drop()
            service.reset_circuit()


@pytest.fixture(scope="module")
def es_search(django_db_setup, django_db_blocker, elasticsearch_url, es_client):
    with own_es_index(elasticsearch_url, "m", django_db_blocker.unblock) as backend:
        yield backend


def elasticsearch_script(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["bash", str(ROOT / "deploy/local/elasticsearch.sh"), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=240,
    )


@pytest.fixture(scope="session")
def dedicated_es(elasticsearch_url):
    """A node this session may stop and start: ``.stop()``, ``.start()``, ``.url``."""

    class Node:
        url = ""

        def start(self) -> str:
            done = elasticsearch_script("start", "--port", str(DEDICATED_ES_PORT))
            match = re.search(r"ELASTICSEARCH_URL=(\S+)", done.stdout)
            if done.returncode != 0 or not match:
                unavailable(f"a dedicated Elasticsearch node on port {DEDICATED_ES_PORT} ({done.stderr[-2000:]})")
            self.url = match.group(1)
            return self.url

        def stop(self) -> None:
            elasticsearch_script("stop", "--port", str(DEDICATED_ES_PORT))

    node = Node()
    node.start()
    try:
        yield node
    finally:
        node.stop()


# --- content helpers ------------------------------------------------------------------------


def add_practice(*, publish: bool = True, **fields):
    """A practice under the repository of practices (published unless ``publish=False``)."""
    from cms.models import PracticeIndexPage, PracticePage

    index = PracticeIndexPage.objects.originals().get()
    values = {
        "title": "Práctica de prueba",
        "slug": f"prueba-{uuid.uuid4().hex[:8]}",
        "summary": "Resumen de prueba.",
        "countries": ["UY"],
        "objectives": ["7"],
        "level": "local",
        "start_year": 2024,
        "language": "es",
        **fields,
    }
    page = PracticePage(**values)
    if not publish:
        page.live = False
    index.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    else:
        page.save_revision()
    return PracticePage.objects.originals().get(pk=page.pk)


def run(backend, **query):
    from search.types import SearchQuery

    return backend.search(SearchQuery(**query).validated())


def suggest_with(backend, prefix: str, types=("practice", "recommendation"), limit=8):
    from search.text import query_terms

    return backend.suggest(query_terms(prefix), prefix, types=types, limit=limit)


@pytest.fixture(params=["database", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)])
def backend(request):
    """Each backend in turn (Elasticsearch on the suite's node, with the demo world)."""
    from search.backends.database import DatabaseBackend

    if request.param == "database":
        return DatabaseBackend()
    return request.getfixturevalue("es_search")


@pytest.fixture(params=["database", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)])
def cached_site(request, settings):
    """The site on each backend in turn with the search response cache on and empty; yields the
    Elasticsearch backend, or None on the database."""
    from django.core.cache import cache

    from search import service

    # The module's Elasticsearch settings first: an override made after the test's own (the
    # ``settings`` fixture) would be undone with it at the end of the first test.
    es = request.getfixturevalue("es_search") if request.param == "elasticsearch" else None
    settings.SEARCH_CACHE_SECONDS = 300
    if es is None:
        settings.ELASTICSEARCH_URL = ""
        settings.SEARCH_BACKEND = "database"
    cache.clear()
    yield es
    cache.clear()
    service.reset_circuit()
