"""Before/after of a search backend in one process, variants interleaved (issue 19).

    ELASTICSEARCH_URL=... python bench/compare.py --before 97f2ffe --size 10000 --rounds 30
    DATABASE_URL=... python bench/compare.py --backend database --before 97f2ffe --size 10000

Loads ``--size`` synthetic practices (``bench.corpus``) twice on the node: an unsorted,
unmerged index (the layout before issue 19) and one built the product's way (sorted on the
default order, force-merged). Then runs the API mix (``bench.harness.MIX``, as the service
sees it) and the service mix (``bench.mix``) through three variants, in rotating order within
each round so that machine load hits them alike:

* ``before``: the backend module of revision ``--before`` on the unsorted index;
* ``sorted``: the same old module on the sorted, merged index (index order alone);
* ``after``: the current backend on the sorted, merged index.

With ``--backend database`` the database index of ``DATABASE_URL`` (or SQLite) is replaced by the
corpus (use a scratch database) and the variants are ``before`` (the database backend module of
``--before``) and ``after``.

Every answer (total, page, facets) is checked equal across the variants before timing.
Prints median and p95 per query and variant, and the ratios to ``before``. Service-level
times (the Python client included, no HTTP/gunicorn).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "enlace.settings")

import django  # noqa: E402

django.setup()

from django.test import override_settings  # noqa: E402


def old_module(revision: str, name: str = "elasticsearch"):
    source = subprocess.run(
        ["git", "show", f"{revision}:search/backends/{name}.py"], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout
    path = Path(f"/tmp/enlace-compare-{name}-{revision}.py")
    path.write_text(source)
    spec = importlib.util.spec_from_file_location(f"search.backends._{name}_before", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def percentile(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def answer(results):
    return (
        results.total,
        [(h.type, h.id) for h in results.hits],
        {n: [(v.code, v.count) for v in vs] for n, vs in results.facets.items()},
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--before", required=True, help="git revision of the old backend")
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--keep", action="store_true", help="reuse the indices of a previous run")
    parser.add_argument("--backend", choices=["elasticsearch", "database"], default="elasticsearch")
    args = parser.parse_args()

    from bench.corpus import practice_documents
    from bench.harness import MIX as API_MIX
    from bench.harness import service_query
    from bench.mix import SERVICE_MIX

    mix = {**{f"api {k}": service_query(v) for k, v in API_MIX.items()}, **{k: q.validated() for k, q in SERVICE_MIX.items()}}
    if args.backend == "database":
        from django.db import connection

        from search.backends.database import DatabaseBackend

        after = DatabaseBackend()
        if not args.keep:
            t0 = time.monotonic()
            written = after.rebuild(practice_documents(args.size))
            print(f"loaded {written} into the {connection.vendor} index in {time.monotonic() - t0:.0f} s", flush=True)
        variants = {"before": old_module(args.before, "database").DatabaseBackend(), "after": after}
    else:
        variants = es_variants(args, practice_documents)
    measure(variants, mix, args.rounds)


def es_variants(args, practice_documents) -> dict:
    from search.backends.elasticsearch import ElasticsearchBackend

    old = old_module(args.before)
    with override_settings(SEARCH_INDEX_PREFIX="compare-unsorted"):
        unsorted_new = ElasticsearchBackend()
        before = old.ElasticsearchBackend()
    with override_settings(SEARCH_INDEX_PREFIX="compare-sorted"):
        after = ElasticsearchBackend()
        sorted_old = old.ElasticsearchBackend()
    if not args.keep or not after.concrete_indices():
        for backend, how in ((unsorted_new, dict(index_sort=False, force_merge=False)), (after, {})):
            t0 = time.monotonic()
            written = backend.rebuild(practice_documents(args.size), **how)
            print(
                f"loaded {written} into {backend.alias} {how or '(sorted, merged)'} in {time.monotonic() - t0:.0f} s", flush=True
            )
    return {"before": before, "sorted": sorted_old, "after": after}


def measure(variants: dict, mix: dict, rounds: int) -> None:
    print(f"load average at start: {os.getloadavg()}", flush=True)
    times = {(name, v): [] for name in mix for v in variants}
    for name, query in mix.items():
        answers = {v: answer(b.search(query)) for v, b in variants.items()}
        for v in variants:
            if query.effective_sort == "relevance":
                same = answers[v][0] == answers["before"][0] and answers[v][2] == answers["before"][2]
            else:
                same = answers[v] == answers["before"]
            assert same, f"{name}: {v} differs from before"
    order = list(variants)
    for r in range(rounds + 2):  # two warm-up rounds
        for name, query in mix.items():
            for v in order[r % len(order) :] + order[: r % len(order)]:
                t0 = time.perf_counter()
                variants[v].search(query)
                if r >= 2:
                    times[(name, v)].append((time.perf_counter() - t0) * 1000)
    print(f"load average at end: {os.getloadavg()}")
    print(f"{'query':<32} {'hits':>6}  " + "  ".join(f"{v:>17}" for v in variants) + "   after/before (median, p95)")
    pooled = {v: [] for v in variants}
    for name, query in mix.items():
        cells, med = [], {}
        for v in variants:
            values = times[(name, v)]
            pooled[v] += values
            med[v] = (statistics.median(values), percentile(values, 0.95))
            cells.append(f"{med[v][0]:7.1f} / {med[v][1]:7.1f}")
        total = variants["after"].search(query).total
        ratio = f"{med['after'][0] / med['before'][0]:.2f}x, {med['after'][1] / med['before'][1]:.2f}x"
        print(f"{name:<32} {total:>6}  " + "  ".join(cells) + f"   {ratio}")
    cells = [f"{statistics.median(pooled[v]):7.1f} / {percentile(pooled[v], 0.95):7.1f}" for v in variants]
    print(f"{'ALL':<32} {'':>6}  " + "  ".join(cells))


if __name__ == "__main__":
    main()
