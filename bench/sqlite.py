"""The database search backend on SQLite (the embedded default) at a bench size (issue 19).

Run by the harness's ``sqlite`` section in a process of its own (the harness is bound to the
PostgreSQL bench database)::

    DATABASE_URL=sqlite:////tmp/bench-var/sqlite-10000.sqlite3 python -m bench.sqlite \\
        --documents /tmp/bench-var/sqlite-10000.jsonl --repeat 30 --cap 15

Migrates the SQLite file, loads the documents (the PostgreSQL database index's own, one JSON
per line: the very documents ``search_reindex`` built) with the backend's ``rebuild``, then
times ``search.service.search()`` on the harness's query mix, two warm-up rounds first. Prints
one JSON object: the load time and, per query, the service time (median, p95) and the total.
Service level only: the API's pages and labels need the site's pages, which this file lacks.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "enlace.settings")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", required=True)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--cap", type=float, default=15.0)
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import override_settings

    from bench.harness import MIX, service_query
    from bench.stats import summary
    from search import service
    from search.backends.database import DatabaseBackend

    if connection.vendor != "sqlite":
        sys.exit(f"bench.sqlite: DATABASE_URL is {connection.vendor}, not SQLite")
    call_command("migrate", verbosity=0, stdout=io.StringIO())
    with open(args.documents, encoding="utf-8") as lines:
        t0 = time.perf_counter()
        written = DatabaseBackend().rebuild(json.loads(line) for line in lines)
        load = time.perf_counter() - t0
    out: dict = {"documents": written, "load_seconds": round(load, 2), "queries": {}}
    with override_settings(SEARCH_BACKEND="database", ELASTICSEARCH_URL=""):
        for name, params in MIX.items():
            query = service_query(params)
            times, total, deadline = [], None, None
            for i in range(args.repeat + 2):
                t0 = time.perf_counter()
                result = service.search(query)
                elapsed = (time.perf_counter() - t0) * 1000
                assert result.backend == "database" and not result.degraded, result.backend
                total = result.total
                if i < 2:
                    deadline = time.monotonic() + args.cap
                    continue
                times.append(elapsed)
                if time.monotonic() > deadline and len(times) >= 5:
                    break
            out["queries"][name] = {"service": summary(times), "total_hits": total}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
