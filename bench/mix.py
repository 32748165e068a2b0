"""The service-level query mix of ``bench/run.py`` (the API mix is ``bench.harness.MIX``);
``tests/search/test_bench_mix.py`` checks that every backend and index layout answers it alike."""

from __future__ import annotations

from search.types import SearchQuery

BOTH = ("practice", "recommendation")
SERVICE_MIX = {
    "facets only": SearchQuery(types=BOTH),
    "one word": SearchQuery(text="migrantes", types=BOTH),
    "accents and case": SearchQuery(text="MIGRACIÓN niños", types=BOTH),
    "typo": SearchQuery(text="vulnerabilidda", types=BOTH),
    "three words + 2 facets": SearchQuery(
        text="protección de derechos", filters={"objective": ("7", "15"), "level": ("national",)}
    ),
    "multi-select facets + years": SearchQuery(
        filters={"country": ("PE", "EC", "CO"), "table": ("1", "2")}, year_from=2010, year_to=2022
    ),
    "sort title, page 3": SearchQuery(sort="title", page=3),
    "sort year, text": SearchQuery(text="programa", sort="-start_year"),
}
