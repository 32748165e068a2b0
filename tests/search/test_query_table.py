"""One table of queries, answered by both backends on the demo world.

* The database backend (SQLite in one pass, PostgreSQL in the other) must give exactly what
  a brute-force reference computes from the published documents (``oracle.py``).
* The Elasticsearch backend, on the real node, must give the same totals, the same hits (in
  the same order, except for relevance where the sets must match) and the same facets.
"""

from __future__ import annotations

import pytest

from search.backends.database import DatabaseBackend
from search.types import SearchQuery

from .oracle import Oracle

BOTH = ("practice", "recommendation")

TABLE = {
    # everything, and each type
    "all practices": SearchQuery(),
    "all content": SearchQuery(types=BOTH, page_size=100),
    "recommendations": SearchQuery(types=("recommendation",), sort="title", page_size=50),
    # text: accents, case, several words, a typo, stems
    "text migracion": SearchQuery(text="migracion", types=BOTH, page_size=100),
    "text MIGRACIÓN": SearchQuery(text="MIGRACIÓN", types=BOTH, page_size=100),
    "text ninos no acompanados": SearchQuery(text="ninos no acompanados", page_size=100),
    "text with a typo": SearchQuery(text="vulnerabilidade", types=BOTH, page_size=100),
    "text stems": SearchQuery(text="trabajadoras migrantes", types=BOTH, page_size=100),
    "text organisation": SearchQuery(text="Superintendencia", page_size=100),
    "text place": SearchQuery(text="Perú", types=BOTH, page_size=100),
    "text nothing": SearchQuery(text="zzyzx", types=BOTH),
    # every facet alone
    "country": SearchQuery(filters={"country": ("PE",)}, sort="title"),
    "objective": SearchQuery(types=BOTH, filters={"objective": ("7",)}, sort="title", page_size=50),
    "principle": SearchQuery(filters={"principle": ("human_rights",)}, sort="title"),
    "table": SearchQuery(types=BOTH, filters={"table": ("2",)}, sort="title", page_size=50),
    "stakeholder group": SearchQuery(filters={"stakeholder_group": ("other_stakeholders",)}, sort="title"),
    "level": SearchQuery(filters={"level": ("local",)}, sort="title"),
    "population": SearchQuery(filters={"population": ("children_adolescents",)}, sort="title"),
    "start year": SearchQuery(filters={"start_year": ("2023",)}, sort="title"),
    "language": SearchQuery(types=BOTH, filters={"language": ("es",)}, sort="title", page_size=50),
    "type": SearchQuery(types=BOTH, filters={"type": ("recommendation",)}, sort="title", page_size=50),
    "event": SearchQuery(types=("recommendation",), filters={"event": ("conversatorio-2023",)}, sort="title", page_size=50),
    # combined: OR inside a facet, AND across facets
    "two countries": SearchQuery(filters={"country": ("PE", "EC")}, sort="title"),
    "countries and tables": SearchQuery(types=BOTH, filters={"country": ("PE", "EC", "AR"), "table": ("1", "2")}, sort="title"),
    "country objective level": SearchQuery(filters={"country": ("PE",), "objective": ("7", "5"), "level": ("national",)}),
    "text and facets": SearchQuery(
        text="migrantes", types=BOTH, filters={"objective": ("7",), "table": ("3", "4")}, page_size=100
    ),
    "selected with no hits": SearchQuery(filters={"country": ("PE",), "level": ("local",)}),
    "unused value selected": SearchQuery(filters={"country": ("UY",)}),
    # year range
    "from 2021": SearchQuery(year_from=2021, sort="-start_year"),
    "until 2021": SearchQuery(year_to=2021, sort="-start_year"),
    "2019 to 2022": SearchQuery(year_from=2019, year_to=2022, filters={"level": ("national", "local")}, sort="title"),
    # sort
    "sort title": SearchQuery(types=BOTH, sort="title", page_size=100),
    "sort start year": SearchQuery(sort="-start_year", page_size=100),
    "sort published": SearchQuery(types=BOTH, sort="-published", page_size=100),
    "relevance without text": SearchQuery(types=BOTH, sort="relevance", page_size=30),
    # pagination
    "page 2 of 5": SearchQuery(types=BOTH, sort="title", page=2, page_size=5),
    "page 3 of 10": SearchQuery(types=BOTH, sort="-start_year", page=3, page_size=10),
    "past the end": SearchQuery(sort="title", page=9, page_size=10),
    "text page 2": SearchQuery(text="migrantes", types=BOTH, sort="title", page=2, page_size=7),
}


def keys(results):
    return [(hit.type, hit.id) for hit in results.hits]


def facets(results):
    return {name: [(v.code, v.label, v.count, v.selected) for v in values] for name, values in results.facets.items()}


@pytest.fixture(scope="module")
def oracle(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        return Oracle()


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(TABLE))
def test_database_backend_matches_the_reference(name, oracle):
    query = TABLE[name].validated()
    results = DatabaseBackend().search(query)
    total, page, all_keys, expected_facets = oracle.search(query)
    assert results.total == total
    assert results.backend == "database" and not results.degraded
    if page is None:  # relevance: same set (the page holds them all in this table)
        assert set(keys(results)) == all_keys
    else:
        assert keys(results) == page
    assert facets(results) == {n: [(v.code, v.label, v.count, v.selected) for v in vs] for n, vs in expected_facets.items()}


@pytest.mark.django_db
def test_the_table_is_not_trivial(oracle):
    # Guard against a table that passes by finding nothing.
    assert sum(1 for q in TABLE.values() if oracle.search(q)[0] > 0) >= len(TABLE) - 4
    assert oracle.search(TABLE["text migracion"])[0] >= 5
    assert 0 < oracle.search(TABLE["countries and tables"])[0] < oracle.search(TABLE["two countries"])[0] + 10


@pytest.mark.elasticsearch
@pytest.mark.django_db
@pytest.mark.parametrize("name", list(TABLE))
def test_elasticsearch_gives_the_same_answers(name, es_search):
    query = TABLE[name].validated()
    database = DatabaseBackend().search(query)
    elastic = es_search.search(query)
    assert elastic.backend == "elasticsearch"
    assert elastic.total == database.total
    if query.effective_sort == "relevance":
        assert set(keys(elastic)) == set(keys(database))
    else:
        assert keys(elastic) == keys(database)
    assert facets(elastic) == facets(database)
    assert [
        (h.title, h.url, h.countries, h.objectives, h.principles, h.table, h.start_year)
        for h in sorted(elastic.hits, key=lambda h: h.id)
    ] == [
        (h.title, h.url, h.countries, h.objectives, h.principles, h.table, h.start_year)
        for h in sorted(database.hits, key=lambda h: h.id)
    ]
    assert bool([h for h in elastic.hits if h.highlight]) == bool([h for h in database.hits if h.highlight])


@pytest.mark.elasticsearch
@pytest.mark.django_db
def test_whole_result_sets_stream_the_same(es_search):
    for name in ("all content", "text migracion", "sort start year", "countries and tables"):
        query = TABLE[name].validated()
        elastic = [(h.type, h.id) for h in es_search.iter_hits(query)]
        database = [(h.type, h.id) for h in DatabaseBackend().iter_hits(query)]
        assert len(elastic) == DatabaseBackend().search(query).total
        if query.effective_sort == "relevance":
            assert set(elastic) == set(database)
        else:
            assert elastic == database
