"""Query latency of the search backends (median and p95) and index sizes.

    python bench/run.py --backend database                 # the current database (demo data)
    python bench/run.py --backend database --synthetic 10000   # replaces the database index!
    ELASTICSEARCH_URL=... SEARCH_INDEX_PREFIX=bench python bench/run.py --backend elasticsearch [--synthetic N]

With ``--synthetic`` the chosen index is rebuilt from ``bench.corpus`` (use a scratch
database / index prefix). Each query of the mix runs ``--repeat`` times after one warm-up.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "enlace.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

from bench.mix import BOTH  # noqa: E402
from bench.mix import SERVICE_MIX as MIX  # noqa: E402
from search.text import query_terms  # noqa: E402


def percentile(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--backend", choices=["database", "elasticsearch"], required=True)
    parser.add_argument("--synthetic", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()

    if args.backend == "database":
        from search.backends.database import DatabaseBackend

        backend = DatabaseBackend()
    else:
        from search.backends.elasticsearch import ElasticsearchBackend

        backend = ElasticsearchBackend()
    if args.synthetic:
        from bench.corpus import practice_documents

        started = time.monotonic()
        written = backend.rebuild(practice_documents(args.synthetic))
        print(f"loaded {written} synthetic practices in {time.monotonic() - started:.1f} s")

    all_times = []
    print(f"{args.backend} ({connection.vendor if args.backend == 'database' else backend.variant()}):")
    for name, query in MIX.items():
        query = query.validated()
        result = backend.search(query)
        times = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            backend.search(query)
            times.append((time.perf_counter() - t0) * 1000)
        all_times += times
        print(
            f"  {name:<30} total {result.total:>6}  median {statistics.median(times):7.1f} ms  p95 {percentile(times, 0.95):7.1f} ms"
        )
    times = []
    for prefix in ("mig", "protec", "ley de", "derechos hu"):
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            backend.suggest(query_terms(prefix), prefix, types=BOTH, limit=8)
            times.append((time.perf_counter() - t0) * 1000)
    print(f"  {'suggest':<30}               median {statistics.median(times):7.1f} ms  p95 {percentile(times, 0.95):7.1f} ms")
    print(f"  ALL SEARCHES: median {statistics.median(all_times):.1f} ms, p95 {percentile(all_times, 0.95):.1f} ms")
    print(f"  index size: {index_size(backend)}")


def index_size(backend) -> str:
    if backend.name == "elasticsearch":
        return f"{backend.size_in_bytes() / 1e6:.1f} MB (primary store, after refresh)"
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c "
                "WHERE c.relkind = 'r' AND c.relname LIKE 'enlace_search_%'"
            )
            return f"{float(cursor.fetchone()[0]) / 1e6:.1f} MB (tables, indexes and TOAST)"
        cursor.execute("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'enlace_search%' OR name LIKE 'search_%'")
        return f"{(cursor.fetchone()[0] or 0) / 1e6:.1f} MB (SQLite pages of our tables and indexes)"


if __name__ == "__main__":
    main()
