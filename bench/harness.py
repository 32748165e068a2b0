"""The benchmark harness (issue #8): one command, every figure as median, p95 and, where there
is a baseline measured in the same run, the ratio against it.

    make bench                       # starts its own services, 10,000 then 100,000 practices
    make bench SIZES=10000           # the quick pass (~5 min)
    .venv/bin/python -m bench.harness --sizes 10000 [--skip throughput,freshness,...]

Expects the environment of ``deploy/local/services.sh env`` (ELASTICSEARCH_URL, DATABASE_URL,
CELERY_BROKER_URL); the Makefile target provides it on its own ports and cache. Everything it
writes goes to a scratch PostgreSQL database (``BENCH_DATABASE``, default ``bench``), the
Elasticsearch index prefix ``BENCH_INDEX_PREFIX`` (default ``bench``) and ``BENCH_VAR_DIR``
(default ``/tmp/bench-var``); results go to ``bench/results/``.

Sections (see docs/benchmarks.md for the method):

1. corpus       synthetic published pages in bulk (``bench.corpus.create_pages``)
2. indexing     ``search_reindex`` (database, then Elasticsearch) vs a raw ``helpers.parallel_bulk``
                load of the very same documents into an index with the same mapping
3. latency      per backend, size and query: (a) service call in-process, (b) HTTP API through
                gunicorn, (c) the raw Elasticsearch query the backend sends; ratios b/c and a/c
4. throughput   API searches/s at 1, 4, 16 concurrent clients, Elasticsearch backend, errors
5. freshness    publish → searchable in Elasticsearch through the outbox, Redis, a Celery worker
6. pages        server time of the search page (vs the API, same query) and a practice page;
                page weight (gzip of HTML + CSS + JS)
7. sqlite       the database backend on SQLite (the embedded default), first size, service calls
8. memory       peak RSS (VmHWM) of the gunicorn workers and the Celery worker
9. profile      cProfile of the slowest paths (bench/results/profile-*.txt)
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import http.client
import io
import json
import os
import platform
import pstats
import re
import signal
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode, urlparse

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PY = sys.executable
VENV_BIN = Path(PY).parent

# --- environment, before Django is set up -------------------------------------------------------

VAR_DIR = Path(os.environ.get("BENCH_VAR_DIR", "/tmp/bench-var"))
BENCH_DB = os.environ.get("BENCH_DATABASE", "bench")
WEB_ES_PORT = int(os.environ.get("BENCH_WEB_PORT", "8371"))
WEB_DB_PORT = WEB_ES_PORT + 1
T0 = time.monotonic()


def log(message: str) -> None:
    print(f"[{time.monotonic() - T0:7.1f}s] {message}", flush=True)


def bench_env() -> dict:
    """The environment of every process of the run (harness, gunicorn, Celery)."""
    env = dict(os.environ)
    missing = [name for name in ("ELASTICSEARCH_URL", "DATABASE_URL", "CELERY_BROKER_URL") if not env.get(name)]
    if missing:
        sys.exit(f'bench: {", ".join(missing)} not set: run `make bench` or eval "$(deploy/local/services.sh env)" first')
    url = urlparse(env["DATABASE_URL"])
    env["BENCH_ADMIN_DATABASE_URL"] = env["DATABASE_URL"]
    env["DATABASE_URL"] = url._replace(path="/" + BENCH_DB).geturl()
    env.update(
        SEARCH_INDEX_PREFIX=os.environ.get("BENCH_INDEX_PREFIX", "bench"),
        SEARCH_BACKEND="elasticsearch",
        ENLACE_VAR_DIR=str(VAR_DIR),
        STATIC_ROOT=str(VAR_DIR / "static"),
        MEDIA_ROOT=str(VAR_DIR / "media"),
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="bench-only-not-a-secret-0123456789-abcdefghijklmnopqrstuvwxyz",
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        DJANGO_SECURE_COOKIES="0",
        API_ANON_RATE="100000000/minute",  # the throughput test is not about the throttle
        LOG_LEVEL="WARNING",
        GUNICORN_LOG_LEVEL="warning",
        CELERY_TASK_ALWAYS_EAGER="0",
        DJANGO_SETTINGS_MODULE="enlace.settings",
        PYTHONUNBUFFERED="1",
    )
    return env


ENV = bench_env() if __name__ == "__main__" and "--report" not in sys.argv else dict(os.environ)


def ensure_database(smallest: int) -> None:
    """Create the scratch database; start it afresh when it holds more synthetic practices than
    the first size (deleting 90,000 pages row by row is slower than migrate + seed_demo)."""
    import psycopg

    with psycopg.connect(ENV["BENCH_ADMIN_DATABASE_URL"], autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (BENCH_DB,)).fetchone()
        if exists:
            with psycopg.connect(ENV["DATABASE_URL"], autocommit=True) as bench:
                table = bench.execute("SELECT to_regclass('wagtailcore_page')").fetchone()[0]
                have = (
                    bench.execute("SELECT count(*) FROM wagtailcore_page WHERE slug ~ '^bench-[0-9]+$'").fetchone()[0]
                    if table
                    else 0
                )
            if have > smallest + 5000:
                log(f"setup: database {BENCH_DB} holds {have:,} synthetic practices: dropping it (faster than deleting pages)")
                conn.execute(f'DROP DATABASE "{BENCH_DB}" WITH (FORCE)')
                exists = None
        if not exists:
            conn.execute(f'CREATE DATABASE "{BENCH_DB}"')
            log(f"created database {BENCH_DB}")


def run_python(*args: str, env: dict) -> str:
    """``python args`` in the repository with ``env``: its standard output; on failure, the tail
    of both outputs and the end of the run."""
    out = subprocess.run([PY, *args], cwd=ROOT, env=env, capture_output=True, text=True)
    if out.returncode:
        sys.stderr.write(out.stdout[-3000:] + out.stderr[-3000:])
        raise SystemExit(f"bench: python {' '.join(args)} failed")
    return out.stdout


def manage(*args: str, eager: bool = False) -> None:
    run_python("manage.py", *args, env=dict(ENV, CELERY_TASK_ALWAYS_EAGER="1") if eager else ENV)


def setup_django() -> None:
    os.environ.update(ENV)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


# --- machine ---------------------------------------------------------------------------------


def loadavg() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def machine() -> dict:
    cpu = re.search(r"model name\s*:\s*(.*)", Path("/proc/cpuinfo").read_text())
    mem = re.search(r"MemTotal:\s*(\d+)", Path("/proc/meminfo").read_text())
    es_version = ""
    try:
        from search.client import get_client

        es_version = get_client().info()["version"]["number"]
    except Exception:  # integ-test-zip answers 405 on GET /
        try:
            from search.client import get_client

            es_version = get_client().nodes.info(metric="jvm")["nodes"].popitem()[1]["version"]
        except Exception:
            es_version = "?"
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        pg_version = cursor.fetchone()[0]
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu.group(1).strip() if cpu else "?",
        "ram_gib": round(int(mem.group(1)) / 1024 / 1024, 1) if mem else None,
        "kernel": platform.release(),
        "python": platform.python_version(),
        "elasticsearch": es_version,
        "postgresql": pg_version,
        "loadavg_start": loadavg(),
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
    }


# --- processes: gunicorn, Celery, memory sampler ---------------------------------------------------


class Proc:
    def __init__(self, role: str, argv: list[str], env: dict, logfile: Path):
        self.role = role
        self.log = open(logfile, "wb")
        self.popen = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)

    def stop(self) -> None:
        if self.popen.poll() is None:
            self.popen.send_signal(signal.SIGTERM)
            try:
                self.popen.wait(30)
            except subprocess.TimeoutExpired:
                self.popen.kill()
                self.popen.wait()
        self.log.close()


class MemorySampler(threading.Thread):
    """Peak RSS (VmHWM) of every process of each role, sampled twice a second (gunicorn recycles
    workers after max_requests, so a worker's peak is read while it is alive)."""

    def __init__(self):
        super().__init__(daemon=True)
        self.procs: dict[str, Proc] = {}
        self.peaks: dict[str, dict[int, int]] = {}
        self.stopping = threading.Event()

    def track(self, proc: Proc) -> None:
        self.procs[proc.role] = proc

    def sample(self) -> None:
        from bench.stats import children, status_kib

        for role, proc in list(self.procs.items()):
            master = proc.popen.pid
            for pid, kind in [(master, "master")] + [(c, "child") for c in children(master)]:
                hwm = status_kib(pid, "VmHWM")
                if hwm:
                    key = f"{role}:{kind}"
                    self.peaks.setdefault(key, {})
                    self.peaks[key][pid] = max(self.peaks[key].get(pid, 0), hwm)

    def run(self) -> None:
        while not self.stopping.wait(0.5):
            self.sample()

    def report(self) -> dict:
        self.sample()
        out = {}
        for key, per_pid in sorted(self.peaks.items()):
            out[key] = {"processes": len(per_pid), "peak_rss_mib": round(max(per_pid.values()) / 1024, 1)}
        return out


MEMORY = MemorySampler()


def wait_http(port: int, path: str = "/healthz", timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            status, _body, _ms = http_get(port, path)
            if status == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise SystemExit(f"bench: nothing answers on 127.0.0.1:{port}{path}")


def start_gunicorn(role: str, port: int, backend: str, **extra: str) -> Proc:
    env = dict(
        ENV,
        GUNICORN_BIND=f"127.0.0.1:{port}",
        SEARCH_BACKEND=backend,
        GUNICORN_ACCESS_LOG=str(VAR_DIR / f"{role}.access.log"),
        **extra,
    )
    argv = [str(VENV_BIN / "gunicorn"), "-c", "deploy/gunicorn.conf.py", "enlace.wsgi:application"]
    proc = Proc(role, argv, env, VAR_DIR / f"{role}.log")
    MEMORY.track(proc)
    SERVERS[port] = proc
    wait_http(port)
    warm_workers(port)
    return proc


SERVERS: dict[int, Proc] = {}  # port -> the gunicorn serving it (for its CPU time)


def engine_cpu_seconds() -> float | None:
    """CPU time of the Elasticsearch node since it started (its own ``_nodes/stats``), or None."""
    from search.client import get_client

    try:
        nodes = get_client().nodes.stats(metric="process")["nodes"]
    except Exception:  # noqa: BLE001 - no engine: no number
        return None
    return sum(node["process"]["cpu"]["total_in_millis"] for node in nodes.values()) / 1000


def gunicorn_workers() -> int:
    """The number of workers deploy/gunicorn.conf.py starts on this machine."""
    import runpy

    return int(runpy.run_path(str(ROOT / "deploy" / "gunicorn.conf.py"))["workers"])


def warm_workers(port: int, *, rounds: int = 3) -> None:
    """Every worker's first requests (imports, connections, template and URL caches: 250–310 ms)
    must not land in a measured series: ``rounds`` rounds of as many concurrent requests of
    every query of the mix, the search page and a page of the site as there are workers, twice
    over (sync workers take one connection each, so concurrent requests spread over all of them)."""
    paths = [api_path(params) for params in MIX.values()] + ["/practicas/?q=derechos", "/", "/seguimiento/"]
    concurrency = 2 * gunicorn_workers()
    for _ in range(rounds):
        for path in paths:
            threads = [threading.Thread(target=http_get, args=(port, path)) for _ in range(concurrency)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()


def start_celery() -> Proc:
    argv = [
        str(VENV_BIN / "celery"),
        "-A",
        "enlace",
        "worker",
        "-c",
        "1",
        "-P",
        "prefork",
        "-l",
        "WARNING",
        "--without-gossip",
        "--without-mingle",
        "--without-heartbeat",
        "-n",
        "bench@%h",
    ]
    proc = Proc("celery", argv, ENV, VAR_DIR / "celery.log")
    MEMORY.track(proc)
    from enlace.celery import ping

    ping.apply_async(expires=120).get(timeout=120)
    return proc


# --- HTTP ------------------------------------------------------------------------------------------


def http_get(port: int, path: str, *, timeout: float = 60, headers: dict | None = None) -> tuple[int, bytes, float]:
    """(status, body, milliseconds) of one GET on a new connection (gunicorn's sync workers close
    every connection anyway); ``headers``, when given, receives the response's headers."""
    t0 = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request(
            "GET", path, headers={"Host": "127.0.0.1", "Accept": "application/json, text/html", "Accept-Encoding": "identity"}
        )
        response = conn.getresponse()
        body = response.read()
        if headers is not None:
            headers.update((name.lower(), value) for name, value in response.getheaders())
        return response.status, body, (time.perf_counter() - t0) * 1000
    finally:
        conn.close()


# --- the query mix --------------------------------------------------------------------------------

MIX = {
    "text only": {"q": "derechos migrantes"},
    "one facet": {"country": "MX"},
    "three facets": {"country": ["CO", "PE"], "objective": "7", "level": "national"},
    "text + facets": {"q": "protección niños", "country": ["PE", "EC", "CO"], "objective": "15"},
    "deep page": {"sort": "title", "page": "400"},  # offset 7,980
}


def api_path(params: dict) -> str:
    return "/api/v1/practices/?" + urlencode(params, doseq=True)


def service_query(params: dict):
    """The SearchQuery the API builds from these parameters (same function, same language)."""
    from django.http import QueryDict

    from cms.api.views import PRACTICE_FACET_PARAMS, SORTS
    from search.params import query_from_params

    qd = QueryDict(mutable=True)
    for key, value in params.items():
        qd.setlist(key, value if isinstance(value, list) else [value])
    return query_from_params(qd, types=("practice",), facets=PRACTICE_FACET_PARAMS, sorts=SORTS, language="es")


def raw_es_body(query) -> tuple[str, list]:
    """The exact ``_msearch`` body ``ElasticsearchBackend.search`` sends for ``query`` (header and
    body of its hits request, then of its counts request)."""
    from elasticsearch_dsl import MultiSearch

    from search.backends.elasticsearch import ElasticsearchBackend, search_requests

    backend = ElasticsearchBackend()
    hits, counts = search_requests(query, client=backend.client, index=backend.alias, variant=backend.variant())
    return backend.alias, MultiSearch(index=backend.alias).add(hits).add(counts).to_dict()


# --- sections --------------------------------------------------------------------------------------


def section_corpus(size: int, results: dict) -> None:
    from bench.corpus import count_bench_practices, create_pages, trim_pages

    removed = trim_pages(size)
    if removed:
        log(f"corpus: removed {removed:,} synthetic pages beyond {size:,} practices")
    have = count_bench_practices()
    log(f"corpus: {have:,} synthetic practices in the database, target {size:,}")
    t0 = time.monotonic()
    last = [0.0]

    def progress(done, target):
        if time.monotonic() - last[0] > 10:
            last[0] = time.monotonic()
            log(f"  corpus: {done:,}/{target:,} practices")

    added = create_pages(size, progress=progress)
    from search.documents import count_published

    total = count_published()
    results.setdefault("corpus", {})[str(size)] = {
        "practices_added": added,
        "seconds": round(time.monotonic() - t0, 1),
        "published_documents": total,
    }
    log(f"corpus: added {added:,} practices in {time.monotonic() - t0:.1f} s; {total:,} published documents")


def section_indexing(size: int, results: dict, *, raw_sample: int = 0) -> None:
    from django.core.management import call_command
    from elasticsearch import helpers

    from search.backends.database import DatabaseBackend
    from search.backends.elasticsearch import BATCH, BULK_SENDERS, ElasticsearchBackend, index_body
    from search.documents import count_published

    out = results.setdefault("indexing", {}).setdefault(str(size), {})
    documents = count_published()
    phases: dict[str, float] = {}
    originals = {}
    for cls in (DatabaseBackend, ElasticsearchBackend):
        originals[cls] = cls.rebuild

        def timed(self, docs, progress=None, _orig=originals[cls]):
            t0 = time.perf_counter()
            try:
                return _orig(self, docs, progress=progress)
            finally:
                phases[self.name] = time.perf_counter() - t0

        cls.rebuild = timed
    try:
        for backend in ("database", "elasticsearch"):
            log(f"indexing: search_reindex --backend {backend} ({documents:,} documents)")
            t0 = time.perf_counter()
            call_command("search_reindex", backend=backend, no_progress=True, stdout=io.StringIO())
            total = time.perf_counter() - t0
            out[backend] = {
                "documents": documents,
                "command_seconds": round(total, 2),
                "load_seconds": round(phases[backend], 2),
                "drift_pass_seconds": round(total - phases[backend], 2),
                "docs_per_s": round(documents / total, 1),
                "load_docs_per_s": round(documents / phases[backend], 1),
            }
            log(
                f"  {backend}: {total:.1f} s ({documents / total:,.0f} docs/s; load {phases[backend]:.1f} s, drift pass {total - phases[backend]:.1f} s)"
            )
    finally:
        for cls, orig in originals.items():
            cls.rebuild = orig

    # Raw bulk load of the very same documents (read back from the new index: _source holds
    # exactly what search_reindex sent) into an index with the same settings and mapping.
    backend = ElasticsearchBackend()
    client = backend.admin_client
    log("indexing: reading the documents back for the raw bulk load")
    scan = helpers.scan(client, index=backend.alias, query={"query": {"match_all": {}}}, size=1000, preserve_order=False)
    sources = [(hit["_id"], hit["_source"]) for hit, _n in zip(scan, range(raw_sample or 10**9), strict=False)]
    name = f"{backend.alias}-rawbulk"
    client.indices.delete(index=name, ignore_unavailable=True)
    client.indices.create(index=name, **index_body(backend.variant()))
    try:
        log(f"indexing: raw helpers.parallel_bulk ({BULK_SENDERS} threads, as search_reindex) of {len(sources):,} documents")
        t0 = time.perf_counter()
        client.indices.put_settings(index=name, settings={"index": {"refresh_interval": "-1"}})
        actions = ({"_op_type": "index", "_index": name, "_id": _id, "_source": source} for _id, source in sources)
        bulk = helpers.parallel_bulk(client, actions, thread_count=BULK_SENDERS, chunk_size=BATCH, raise_on_error=True)
        written = sum(1 for ok, _item in bulk)
        client.indices.put_settings(index=name, settings={"index": {"refresh_interval": None}})
        client.indices.refresh(index=name)
        raw = time.perf_counter() - t0
    finally:
        client.indices.delete(index=name, ignore_unavailable=True)
    del sources
    es = out["elasticsearch"]
    out["raw_bulk"] = {
        "documents": written,
        "seconds": round(raw, 2),
        "docs_per_s": round(written / raw, 1),
        "sample": written < documents,
    }
    es["ratio_vs_raw"] = round(es["docs_per_s"] / out["raw_bulk"]["docs_per_s"], 3)
    es["load_ratio_vs_raw"] = round(es["load_docs_per_s"] / out["raw_bulk"]["docs_per_s"], 3)
    out["index_size_mb"] = round(backend.size_in_bytes() / 1e6, 1)
    log(
        f"  raw bulk: {raw:.1f} s ({written / raw:,.0f} docs/s); search_reindex at {es['ratio_vs_raw']:.0%} of it (load alone {es['load_ratio_vs_raw']:.0%})"
    )


def section_latency(size: int, results: dict, *, repeat: int, cap: float) -> None:
    from django.test import override_settings

    from bench.stats import summary
    from search import service
    from search.client import get_client

    es = get_client()
    out = results.setdefault("latency", {}).setdefault(str(size), {})
    for backend, port in (("elasticsearch", WEB_ES_PORT), ("database", WEB_DB_PORT)):
        per_query = out.setdefault(backend, {})
        pooled: dict[str, list[float]] = {"service": [], "api": [], "raw": []}
        for name, params in MIX.items():
            query = service_query(params)
            path = api_path(params)
            alias, body = raw_es_body(query) if backend == "elasticsearch" else (None, None)
            times: dict[str, list[float]] = {"service": [], "api": [], "raw": [], "took": []}
            total = None
            with override_settings(SEARCH_BACKEND=backend):
                deadline = None
                for i in range(repeat + 2):  # two warm-up rounds
                    t0 = time.perf_counter()
                    result = service.search(query)
                    service_ms = (time.perf_counter() - t0) * 1000
                    assert not result.degraded and result.backend == backend, (backend, result.backend)
                    total = result.total
                    status, _body, api_ms = http_get(port, path)
                    if status != 200:
                        raise SystemExit(f"bench: {path} answered {status} on {backend}: {_body[:300]!r}")
                    raw_ms = took = None
                    if body is not None:
                        t0 = time.perf_counter()
                        response = es.msearch(index=alias, searches=body)
                        raw_ms = (time.perf_counter() - t0) * 1000
                        took = max(item["took"] for item in response["responses"])
                    if i < 2:
                        deadline = time.monotonic() + cap
                        continue
                    times["service"].append(service_ms)
                    times["api"].append(api_ms)
                    if raw_ms is not None:
                        times["raw"].append(raw_ms)
                        times["took"].append(float(took))
                    if time.monotonic() > deadline and len(times["api"]) >= 5:
                        break
            row = {key: summary(values) for key, values in times.items() if values}
            row["total_hits"] = total
            if times["raw"]:
                row["api_over_raw_median"] = row["api"]["median"] / row["raw"]["median"]
                row["api_over_raw_p95"] = row["api"]["p95"] / row["raw"]["p95"]
                row["service_over_raw_median"] = row["service"]["median"] / row["raw"]["median"]
            per_query[name] = row
            for key in pooled:
                pooled[key] += times[key]
            extra = (
                f"  raw {row['raw']['median']:.1f}/{row['raw']['p95']:.1f} (took {row['took']['median']:.0f})  api/raw {row['api_over_raw_median']:.2f}x"
                if times["raw"]
                else ""
            )
            log(
                f"latency {size:,} {backend:<13} {name:<14} n={len(times['api']):<3} hits={total:>6}  service {row['service']['median']:.1f}/{row['service']['p95']:.1f}  api {row['api']['median']:.1f}/{row['api']['p95']:.1f}{extra} ms"
            )
        per_query["_all"] = {key: summary(values) for key, values in pooled.items() if values}


def section_sqlite(size: int, results: dict, *, repeat: int, cap: float) -> None:
    """The database backend on SQLite, the embedded default (``bench/sqlite.py``, a process of
    its own): the PostgreSQL database index's documents loaded into a fresh SQLite file, the
    query mix timed at the service; each total checked against PostgreSQL's."""
    from search.models import SearchEntry

    documents = VAR_DIR / f"sqlite-{size}.jsonl"
    database = VAR_DIR / f"sqlite-{size}.sqlite3"
    database.unlink(missing_ok=True)
    with documents.open("w", encoding="utf-8") as out:
        for document in SearchEntry.objects.order_by("id").values_list("document", flat=True).iterator(chunk_size=2000):
            out.write(json.dumps(document, ensure_ascii=False) + "\n")
    log(f"sqlite: migrate, load and time the mix ({size:,})")
    env = dict(ENV, DATABASE_URL=f"sqlite:///{database}", ELASTICSEARCH_URL="", SEARCH_BACKEND="database")
    stdout = run_python("-m", "bench.sqlite", "--documents", str(documents), "--repeat", str(repeat), "--cap", str(cap), env=env)
    measured = json.loads(stdout.strip().splitlines()[-1])
    postgres = results.get("latency", {}).get(str(size), {}).get("database", {})
    for name, row in measured["queries"].items():
        expected = postgres.get(name, {}).get("total_hits")
        if expected is not None and expected != row["total_hits"]:
            raise SystemExit(f"bench: {name} on SQLite found {row['total_hits']} hits, on PostgreSQL {expected}")
        log(
            f"latency {size:,} sqlite        {name:<14} n={row['service']['n']:<3} hits={row['total_hits']:>6}  service {row['service']['median']:.1f}/{row['service']['p95']:.1f} ms"
        )
    results.setdefault("sqlite", {})[str(size)] = measured
    database.unlink(missing_ok=True)
    documents.unlink(missing_ok=True)


def drive(port: int, pick, *, clients: int, seconds: float) -> dict:
    """``clients`` threads sending ``pick(n)`` (n = 0, 1, 2… per client, offset by the client's
    number) for ``seconds``: requests per second, errors, latency and the ``X-Search-Cache``
    answers (hit ratio of the response cache, when the server has one)."""
    from bench.stats import summary

    stop = time.monotonic() + seconds
    lock = threading.Lock()
    latencies: list[float] = []
    errors: list[str] = []
    cache = {"hit": 0, "miss": 0}

    def client(k: int) -> None:
        n = k
        while time.monotonic() < stop:
            path = pick(n)
            n += clients
            headers: dict = {}
            try:
                status, _body, ms = http_get(port, path, timeout=30, headers=headers)
                with lock:
                    if status == 200:
                        latencies.append(ms)
                    else:
                        errors.append(str(status))
                    if headers.get("x-search-cache") in cache:
                        cache[headers["x-search-cache"]] += 1
            except Exception as exc:  # noqa: BLE001 - counted
                with lock:
                    errors.append(type(exc).__name__)

    from bench.stats import tree_cpu_seconds

    server = SERVERS.get(port)
    web_before, engine_before = (tree_cpu_seconds(server.popen.pid) if server else None), engine_cpu_seconds()
    t0 = time.monotonic()
    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - t0
    web_after, engine_after = (tree_cpu_seconds(server.popen.pid) if server else None), engine_cpu_seconds()
    looked_up = cache["hit"] + cache["miss"]
    done = len(latencies) + len(errors)

    def per_request(before, after):
        return round((after - before) * 1000 / done, 2) if done and before is not None and after is not None else None

    return {
        # CPU milliseconds per request, of the web server (master and workers) and of the
        # engine (the whole node: other clients of it count too, none in a bench run)
        "web_cpu_ms": per_request(web_before, web_after),
        "engine_cpu_ms": per_request(engine_before, engine_after),
        "clients": clients,
        "requests": len(latencies),
        "errors": len(errors),
        "error_kinds": sorted(set(errors)),
        "rps": len(latencies) / elapsed,
        "latency": summary(latencies),
        "cache_hits": cache["hit"],
        "cache_misses": cache["miss"],
        "cache_hit_ratio": cache["hit"] / looked_up if looked_up else None,
        "loadavg": loadavg(),
    }


def section_throughput(size: int, results: dict, *, seconds: float, levels=(1, 4, 16)) -> None:
    paths = [api_path(p) for p in MIX.values()]
    out = results.setdefault("throughput", {}).setdefault(str(size), {})
    for clients in levels:
        row = drive(WEB_ES_PORT, lambda n: paths[n % len(paths)], clients=clients, seconds=seconds)
        out[str(clients)] = row
        log(
            f"throughput {size:,}: {clients:>2} clients  {row['rps']:.1f} req/s  errors {row['errors']}  median {row['latency']['median']:.0f} ms  p95 {row['latency']['p95']:.0f} ms  CPU/request web {row['web_cpu_ms']} ms engine {row['engine_cpu_ms']} ms"
        )
    base = out["1"]["rps"]
    for row in out.values():
        row["ratio_vs_1_client"] = row["rps"] / base if base else None


# The realistic mix: 80 % the landing page of the repository (the API list without parameters),
# 20 % the 50 most common queries, drawn with Zipf weights (the first twice as often as the
# second…): a long tail of text, facets, both, sorts and later pages.
POPULAR_WORDS = [
    "migrantes",
    "derechos",
    "niños",
    "mujeres",
    "trabajo",
    "salud",
    "educación",
    "refugiados",
    "retorno",
    "integración",
    "protección",
    "documentación",
    "regularización",
    "frontera",
    "empleo",
    "vivienda",
]
POPULAR_COUNTRIES = ["MX", "CO", "BR", "PE", "EC", "VE", "CL", "AR", "GT", "HN"]


def realistic_queries(count: int = 50, seed: int = 2023) -> list[dict]:
    import random

    rng = random.Random(seed)
    queries: list[dict] = []
    seen: set[str] = set()
    while len(queries) < count:
        kind = rng.random()
        params: dict = {}
        if kind < 0.35:
            params["q"] = rng.choice(POPULAR_WORDS)
        elif kind < 0.55:
            params["country"] = rng.choice(POPULAR_COUNTRIES)
        elif kind < 0.75:
            params["q"] = " ".join(rng.sample(POPULAR_WORDS, 2))
            params["country"] = rng.choice(POPULAR_COUNTRIES)
        elif kind < 0.85:
            params["objective"] = str(rng.randint(1, 23))
            params["country"] = rng.choice(POPULAR_COUNTRIES)
        else:
            params["sort"] = rng.choice(["title", "-start_year"])
            params["page"] = str(rng.randint(2, 5))
        path = api_path(params)
        if path not in seen:
            seen.add(path)
            queries.append(params)
    return queries


def realistic_picker(seed: int = 2023):
    """``pick(n)``: the path of the realistic mix's n-th request (deterministic)."""
    import random

    landing = "/api/v1/practices/"
    tail = [api_path(params) for params in realistic_queries()]
    weights = [1 / rank for rank in range(1, len(tail) + 1)]
    rng = random.Random(seed)
    sequence = [landing if rng.random() < 0.8 else rng.choices(tail, weights)[0] for _ in range(100_000)]
    return lambda n: sequence[n % len(sequence)]


def section_realistic(size: int, results: dict, *, seconds: float, levels=(1, 4, 16)) -> None:
    """The realistic mix against a server with the response cache (``CACHE_URL`` on the run's
    Redis, ``SEARCH_CACHE_SECONDS`` 300), and once at 16 clients against the server without it.

    Each level gets a server of its own (the cache, in Redis, stays warm across them): gunicorn
    recycles a worker after ~2,000 requests (``max_requests``), and at 400 req/s the five workers
    of one server reached it together during the third level (10 workers seen, 5 started), whose
    15 seconds then paid five Django boots (web CPU per request 4.2 -> 7-8 ms)."""
    pick = realistic_picker()
    port = WEB_ES_PORT + 2
    out = results.setdefault("realistic", {}).setdefault(str(size), {})
    redis_url = ENV["CELERY_BROKER_URL"].rsplit("/", 1)[0] + "/1"
    import redis

    redis.Redis.from_url(redis_url).flushdb()
    for clients in levels:
        server = start_gunicorn("web-cache", port, "elasticsearch", CACHE_URL=redis_url, SEARCH_CACHE_SECONDS="300")
        try:
            row = drive(port, pick, clients=clients, seconds=seconds)
        finally:
            server.stop()
        out[f"cached-{clients}"] = row
        log(
            f"realistic {size:,}: cache, {clients:>2} clients  {row['rps']:.1f} req/s  errors {row['errors']}  median {row['latency']['median']:.1f} ms  p95 {row['latency']['p95']:.1f} ms  hit ratio {row['cache_hit_ratio'] or 0:.3f}"
        )
    row = drive(WEB_ES_PORT, pick, clients=levels[-1], seconds=seconds)
    out[f"uncached-{levels[-1]}"] = row
    log(
        f"realistic {size:,}: no cache, {levels[-1]:>2} clients  {row['rps']:.1f} req/s  errors {row['errors']}  median {row['latency']['median']:.1f} ms  p95 {row['latency']['p95']:.1f} ms"
    )


def section_freshness(size: int, results: dict, *, publishes: int) -> None:
    from bench.stats import summary
    from cms.models import PracticeIndexPage, PracticePage
    from search.client import get_client, index_name

    es = get_client()
    alias = index_name("content")
    repository = PracticeIndexPage.objects.originals().first()
    PracticePage.objects.originals().filter(slug__startswith="bench-fresh-").delete()  # leftovers of an interrupted run
    log(f"freshness: starting a Celery worker; {publishes} publishes")
    worker = start_celery()
    run = datetime.now().strftime("%H%M%S")
    delays, publish_ms, timeouts = [], [], 0
    try:
        for k in range(publishes):
            page = PracticePage(
                title=f"Práctica de frescura {run} {k}",
                slug=f"bench-fresh-{run}-{k}",
                live=False,
                summary="Medición del tiempo entre la publicación y la búsqueda.",
                countries=["PE"],
                objectives=["7"],
                principles=["human_rights"],
                language="es",
            )
            repository.add_child(instance=page)
            revision = page.save_revision()
            t0 = time.perf_counter()
            revision.publish()
            publish_ms.append((time.perf_counter() - t0) * 1000)
            query = {"bool": {"filter": [{"term": {"id": page.pk}}, {"term": {"type": "practice"}}]}}
            while True:
                if es.count(index=alias, query=query)["count"]:
                    delays.append((time.perf_counter() - t0) * 1000)
                    break
                if time.perf_counter() - t0 > 30:
                    timeouts += 1
                    break
                time.sleep(0.01)
            time.sleep(0.05)
        out = {
            "publishes": publishes,
            "timeouts": timeouts,
            "publish_to_searchable_ms": summary(delays),
            "publish_call_ms": summary(publish_ms),
        }
        results.setdefault("freshness", {})[str(size)] = out
        log(
            f"freshness {size:,}: publish→searchable median {out['publish_to_searchable_ms']['median']:.0f} ms, p95 {out['publish_to_searchable_ms']['p95']:.0f} ms, timeouts {timeouts}; publish() itself median {out['publish_call_ms']['median']:.0f} ms"
        )
        PracticePage.objects.originals().filter(slug__startswith="bench-fresh-").delete()
        time.sleep(2)  # let the worker remove them from Elasticsearch
    finally:
        MEMORY.sample()
        worker.stop()


def _assets(html: str) -> list[str]:
    found = re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', html)
    found += re.findall(r'<script[^>]+src="([^"]+)"', html)
    return [u for u in found if u.startswith("/")]


def section_pages(size: int, results: dict, *, repeat: int) -> None:
    from bench.stats import summary
    from cms.models import PracticePage

    practice = PracticePage.objects.originals().filter(slug="bench-5").first() or PracticePage.objects.originals().live().first()
    params = {"q": "derechos migrantes", "country": "MX"}
    pages = {
        "search page": ("/practicas/?" + urlencode(params, doseq=True), api_path(params)),
        "practice page": (practice.url_path.replace("/enlace", "", 1), None),
    }
    out = results.setdefault("pages", {}).setdefault(str(size), {})
    for name, (path, baseline) in pages.items():
        times, base_times = [], []
        html = b""
        for i in range(repeat + 1):
            status, html, ms = http_get(WEB_ES_PORT, path)
            if status != 200:
                raise SystemExit(f"bench: {path} answered {status}")
            if baseline:
                _s, _b, base_ms = http_get(WEB_ES_PORT, baseline)
            if i == 0:
                continue
            times.append(ms)
            if baseline:
                base_times.append(base_ms)
        weight = {"html": len(gzip.compress(html, 6))}
        for asset in _assets(html.decode()):
            status, body, _ms = http_get(WEB_ES_PORT, asset)
            kind = "css" if asset.split("?")[0].endswith(".css") else "js"
            weight[kind] = weight.get(kind, 0) + (len(gzip.compress(body, 6)) if status == 200 else 0)
        weight["total"] = sum(weight.values())
        row = {"path": path, "server_ms": summary(times), "gzip_bytes": weight, "html_bytes": len(html)}
        if base_times:
            row["api_same_query_ms"] = summary(base_times)
            row["ratio_vs_api_median"] = row["server_ms"]["median"] / row["api_same_query_ms"]["median"]
        out[name] = row
        log(
            f"pages {size:,}: {name:<13} median {row['server_ms']['median']:.0f} ms p95 {row['server_ms']['p95']:.0f} ms  gzip {weight['total']:,} B (html {weight['html']:,})"
        )


def _db_search(name: str, times: int) -> None:
    from django.test import override_settings

    from search import service

    with override_settings(SEARCH_BACKEND="database"):
        for _ in range(times):
            service.search(service_query(MIX[name]))


def section_profile(results: dict, *, size: int, sizes_small: int) -> None:
    """cProfile of the slowest paths, in-process (Django test client = the full middleware stack)."""
    from django.test import Client

    from cms.models import PracticePage
    from search.backends.elasticsearch import es_source
    from search.documents import iter_documents

    RESULTS.mkdir(parents=True, exist_ok=True)
    client = Client(HTTP_HOST="127.0.0.1")
    practice = PracticePage.objects.originals().filter(slug="bench-5").first()
    slowest = max(
        (
            (name, row["api"]["median"])
            for name, row in results["latency"][str(size)]["elasticsearch"].items()
            if not name.startswith("_")
        ),
        key=lambda item: item[1],
    )[0]
    slowest_db = max(
        (
            (name, row["api"]["median"])
            for name, row in results["latency"][str(sizes_small)]["database"].items()
            if not name.startswith("_")
        ),
        key=lambda item: item[1],
    )[0]
    jobs = {
        "api-search": (f"API {slowest!r}, Elasticsearch, x20", lambda: [client.get(api_path(MIX[slowest])) for _ in range(20)]),
        "practice-page": (
            "practice page, x5",
            lambda: [client.get(practice.url_path.replace("/enlace", "", 1)) for _ in range(5)],
        ),
        "database-search": (f"service call {slowest_db!r}, database backend, x5", lambda: _db_search(slowest_db, 5)),
        "reindex-documents": (
            "iter_documents + es_source, first 5,000 documents",
            lambda: [es_source(d) for d, _ in zip(iter_documents(), range(5000), strict=False)],
        ),
    }
    out = results.setdefault("profile", {})
    for key, (label, job) in jobs.items():
        job()  # warm
        profiler = cProfile.Profile()
        t0 = time.perf_counter()
        profiler.enable()
        job()
        profiler.disable()
        wall = time.perf_counter() - t0
        text = io.StringIO()
        stats = pstats.Stats(profiler, stream=text)
        stats.sort_stats("cumulative").print_stats(35)
        stats.sort_stats("tottime").print_stats(20)
        path = RESULTS / f"profile-{key}.txt"
        path.write_text(f"# {label}, {size:,} practices, wall {wall:.2f} s\n" + text.getvalue())
        top = []
        stats.sort_stats("tottime")
        for func, (_cc, nc, tt, ct, _callers) in sorted(stats.stats.items(), key=lambda kv: -kv[1][2])[:8]:
            top.append(
                {
                    "function": f"{Path(func[0]).name}:{func[1]}({func[2]})",
                    "tottime_s": round(tt, 3),
                    "cumtime_s": round(ct, 3),
                    "calls": nc,
                }
            )
        out[key] = {"label": label, "wall_s": round(wall, 2), "file": str(path.relative_to(ROOT)), "top_tottime": top}
        log(f"profile {key}: {label}: {wall:.2f} s -> {path.relative_to(ROOT)}")


# --- report ----------------------------------------------------------------------------------------


def cpu(row: dict, key: str) -> str:
    """A CPU-per-request cell; "-" in results written before the harness measured it."""
    return "-" if row.get(key) is None else f"{row[key]:.1f}"


def ms(d: dict | None, key: str) -> str:
    return "-" if not d or d.get(key) is None else f"{d[key]:.1f}"


def report(results: dict, *, md: bool = False) -> str:
    from bench.stats import markdown, table

    if md:

        def table(title, header, rows):  # noqa: F811 - the same tables, as Markdown
            return f"**{title}**\n\n" + markdown(header, rows)

    parts = []
    m = results["machine"]
    parts.append(
        f"Machine: {m['nproc']} cores ({m['cpu']}), {m['ram_gib']} GiB; Python {m['python']}, Elasticsearch {m['elasticsearch']}, "
        f"PostgreSQL {m['postgresql']}; load average start {m['loadavg_start']}, end {m.get('loadavg_end', '?')}"
    )
    if "indexing" in results:
        rows = []
        for size, r in results["indexing"].items():
            for backend in ("database", "elasticsearch"):
                b = r[backend]
                rows.append(
                    [
                        f"{int(size):,}",
                        f"search_reindex {backend}",
                        f"{b['documents']:,}",
                        f"{b['command_seconds']:.1f}",
                        f"{b['docs_per_s']:,.0f}",
                        f"{b['load_seconds']:.1f} / {b['drift_pass_seconds']:.1f}",
                        f"{b['ratio_vs_raw']:.2f}" if backend == "elasticsearch" else "",
                    ]
                )
            raw = r["raw_bulk"]
            rows.append(
                [
                    f"{int(size):,}",
                    "raw parallel_bulk (baseline)" + (" sample" if raw.get("sample") else ""),
                    f"{raw['documents']:,}",
                    f"{raw['seconds']:.1f}",
                    f"{raw['docs_per_s']:,.0f}",
                    "",
                    "1.00",
                ]
            )
        parts.append(
            table(
                "Indexing (ratio = docs/s against the raw bulk load of the same documents)",
                ["practices", "what", "docs", "seconds", "docs/s", "load / drift s", "ratio"],
                rows,
            )
        )
    if "latency" in results:
        rows = []
        for size, per_backend in results["latency"].items():
            for backend, per_query in per_backend.items():
                for name, r in per_query.items():
                    if name.startswith("_"):
                        continue
                    rows.append(
                        [
                            f"{int(size):,}",
                            backend,
                            name,
                            f"{r['total_hits']:,}",
                            f"{r['api']['n']}",
                            ms(r.get("service"), "median"),
                            ms(r.get("service"), "p95"),
                            ms(r.get("api"), "median"),
                            ms(r.get("api"), "p95"),
                            ms(r.get("raw"), "median"),
                            ms(r.get("raw"), "p95"),
                            ms(r.get("took"), "median"),
                            f"{r['api_over_raw_median']:.2f}" if "api_over_raw_median" in r else "-",
                            f"{r['api_over_raw_p95']:.2f}" if "api_over_raw_p95" in r else "-",
                        ]
                    )
        for size, measured in results.get("sqlite", {}).items():  # service calls only
            for name, r in measured["queries"].items():
                service = r["service"]
                row = [f"{int(size):,}", "sqlite", name, f"{r['total_hits']:,}", f"{service['n']}"]
                rows.append(row + [ms(service, "median"), ms(service, "p95")] + ["-"] * 7)
        parts.append(
            table(
                "Search latency, ms: (a) service call, (b) HTTP API via gunicorn, (c) raw Elasticsearch query; ratio b/c",
                [
                    "practices",
                    "backend",
                    "query",
                    "hits",
                    "n",
                    "a med",
                    "a p95",
                    "b med",
                    "b p95",
                    "c med",
                    "c p95",
                    "ES took",
                    "b/c med",
                    "b/c p95",
                ],
                rows,
            )
        )
    if "throughput" in results:
        rows = []
        for size, per_level in results["throughput"].items():
            for clients, r in per_level.items():
                rows.append(
                    [
                        f"{int(size):,}",
                        clients,
                        f"{r['requests']:,}",
                        f"{r['rps']:.1f}",
                        f"{r['errors']}",
                        ms(r["latency"], "median"),
                        ms(r["latency"], "p95"),
                        f"{r['ratio_vs_1_client']:.2f}",
                        cpu(r, "web_cpu_ms"),
                        cpu(r, "engine_cpu_ms"),
                        r["loadavg"],
                    ]
                )
        parts.append(
            table(
                "Throughput: API searches/s through gunicorn, Elasticsearch backend (ratio vs 1 client; CPU ms per request)",
                ["practices", "clients", "requests", "req/s", "errors", "med ms", "p95 ms", "ratio", "web CPU", "ES CPU", "load"],
                rows,
            )
        )
    if "realistic" in results:
        rows = []
        for size, per_run in results["realistic"].items():
            for run, r in per_run.items():
                ratio = r.get("cache_hit_ratio")
                rows.append(
                    [
                        f"{int(size):,}",
                        run,
                        f"{r['requests']:,}",
                        f"{r['rps']:.1f}",
                        f"{r['errors']}",
                        ms(r["latency"], "median"),
                        ms(r["latency"], "p95"),
                        "-" if ratio is None else f"{ratio:.3f}",
                        cpu(r, "web_cpu_ms"),
                        cpu(r, "engine_cpu_ms"),
                        r["loadavg"],
                    ]
                )
        parts.append(
            table(
                "Realistic mix (80 % landing page, 50 popular queries): API through gunicorn, with and without the response cache (CPU ms per request)",
                [
                    "practices",
                    "server-clients",
                    "requests",
                    "req/s",
                    "errors",
                    "med ms",
                    "p95 ms",
                    "hit ratio",
                    "web CPU",
                    "ES CPU",
                    "load",
                ],
                rows,
            )
        )
    if "freshness" in results:
        rows = []
        for size, r in results["freshness"].items():
            rows.append(
                [
                    f"{int(size):,}",
                    r["publishes"],
                    ms(r["publish_to_searchable_ms"], "median"),
                    ms(r["publish_to_searchable_ms"], "p95"),
                    ms(r["publish_call_ms"], "median"),
                    ms(r["publish_call_ms"], "p95"),
                    r["timeouts"],
                ]
            )
        parts.append(
            table(
                "Freshness: publish → searchable in Elasticsearch (Celery worker on Redis), ms",
                ["practices", "publishes", "median", "p95", "publish() med", "publish() p95", "timeouts"],
                rows,
            )
        )
    if "pages" in results:
        rows = []
        for size, per_page in results["pages"].items():
            for name, r in per_page.items():
                w = r["gzip_bytes"]
                rows.append(
                    [
                        f"{int(size):,}",
                        name,
                        ms(r["server_ms"], "median"),
                        ms(r["server_ms"], "p95"),
                        ms(r.get("api_same_query_ms"), "median"),
                        f"{r['ratio_vs_api_median']:.2f}" if "ratio_vs_api_median" in r else "-",
                        f"{w.get('html', 0):,}",
                        f"{w.get('css', 0):,}",
                        f"{w.get('js', 0):,}",
                        f"{w['total']:,}",
                    ]
                )
        parts.append(
            table(
                "Pages: server time (ms; ratio vs the API with the same query) and weight (gzip bytes)",
                ["practices", "page", "med", "p95", "API med", "ratio", "html", "css", "js", "total"],
                rows,
            )
        )
    if "memory" in results:
        rows = [[key, r["processes"], f"{r['peak_rss_mib']:.0f}"] for key, r in results["memory"].items()]
        parts.append(
            table(
                "Memory: peak RSS (VmHWM) over the run, MiB (max over the processes of that kind)",
                ["process", "count", "peak MiB"],
                rows,
            )
        )
    if "targets" in results:
        rows = [[t["target"], t["measured"], "met" if t["met"] else "MISSED"] for t in results["targets"]]
        parts.append(table("Targets", ["target", "measured", ""], rows))
    if "profile" in results:
        rows = []
        for key, r in results["profile"].items():
            for f in r["top_tottime"][:4]:
                rows.append(
                    [
                        key,
                        f"{r['wall_s']:.2f}",
                        f["function"],
                        f"{f['tottime_s']:.3f}",
                        f"{f['cumtime_s']:.3f}",
                        f"{f['calls']:,}",
                    ]
                )
        parts.append(
            table("Profile (cProfile, top own time)", ["path", "wall s", "function", "tottime", "cumtime", "calls"], rows)
        )
    return "\n\n".join(parts)


STAMP = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")


def save(results: dict, *, complete: bool = False) -> None:
    """Write ``run-<stamp>.json`` and ``latest.json`` (called after every section: a run that
    dies keeps what it measured; ``complete`` says whether it reached the end)."""
    results["complete"] = complete
    results["targets"] = targets(results)
    RESULTS.mkdir(parents=True, exist_ok=True)
    text = json.dumps(results, indent=1, default=str)
    (RESULTS / f"run-{STAMP}.json").write_text(text)
    (RESULTS / "latest.json").write_text(text)


def targets(results: dict) -> list[dict]:
    """Issue 19's targets (set for 100,000 practices; each line says the size it was measured at)."""
    out = []
    sizes = sorted(int(s) for s in results.get("latency", {}))
    if sizes:
        big = str(sizes[-1])
        es_rows = {name: row for name, row in results["latency"][big].get("elasticsearch", {}).items() if name in MIX}
        if es_rows:
            worst = max((row["api"]["p95"], name) for name, row in es_rows.items() if name != "deep page")
            out.append(
                {
                    "target": f"API p95 < 50 ms, every query but the deep page, ES, 1 client ({int(big):,})",
                    "measured": f"{worst[0]:.0f} ms ({worst[1]})",
                    "met": worst[0] < 50,
                }
            )
            if "deep page" in es_rows:
                deep = es_rows["deep page"]["api"]["p95"]
                out.append(
                    {"target": f"API p95 < 80 ms, deep page ({int(big):,})", "measured": f"{deep:.0f} ms", "met": deep < 80}
                )
            ratio = max((row["api_over_raw_median"], name) for name, row in es_rows.items() if "api_over_raw_median" in row)
            out.append(
                {
                    "target": f"API over the engine's request <= 1.3x at the median, worst query ({int(big):,})",
                    "measured": f"{ratio[0]:.2f}x ({ratio[1]})",
                    "met": ratio[0] <= 1.3,
                }
            )
        small = str(sizes[0])
        db_rows = [r for name, r in results["latency"][small].get("database", {}).items() if name in MIX]
        if db_rows:
            db_p95 = max(r["api"]["p95"] for r in db_rows)
            out.append(
                {
                    "target": f"Database backend (PostgreSQL), every query p95 < 150 ms, API ({int(small):,})",
                    "measured": f"{db_p95:.0f} ms",
                    "met": db_p95 < 150,
                }
            )
    for size, measured in sorted(results.get("sqlite", {}).items(), key=lambda item: int(item[0])):
        worst = max((row["service"]["p95"], name) for name, row in measured["queries"].items())
        out.append(
            {
                "target": f"Database backend (SQLite), every query p95 < 150 ms, service ({int(size):,})",
                "measured": f"{worst[0]:.0f} ms ({worst[1]})",
                "met": worst[0] < 150,
            }
        )
    if results.get("realistic"):
        big = str(max(int(s) for s in results["realistic"]))
        row = results["realistic"][big].get("cached-16")
        if row:
            out.append(
                {
                    "target": f"Realistic mix >= 300 req/s at 16 clients, 0 errors ({int(big):,})",
                    "measured": f"{row['rps']:.0f} req/s, {row['errors']} errors",
                    "met": row["rps"] >= 300 and row["errors"] == 0,
                }
            )
    if results.get("throughput"):
        big = str(max(int(s) for s in results["throughput"]))
        best = max(row["rps"] for row in results["throughput"][big].values())
        out.append({"target": f"Harness mix >= 40 req/s ({int(big):,})", "measured": f"{best:.1f} req/s", "met": best >= 40})
    if results.get("indexing"):
        big = str(max(int(s) for s in results["indexing"]))
        seconds = results["indexing"][big].get("elasticsearch", {}).get("command_seconds")
        if seconds is not None:
            scaled = seconds * 100_000 / int(big)
            out.append(
                {
                    "target": "search_reindex of 100,000 < 3 min, Elasticsearch"
                    + ("" if int(big) == 100_000 else f" (scaled linearly from {int(big):,})"),
                    "measured": f"{scaled:.0f} s",
                    "met": scaled < 180,
                }
            )
    if results.get("freshness"):
        big = str(max(int(s) for s in results["freshness"]))
        p95 = results["freshness"][big]["publish_to_searchable_ms"]["p95"]
        out.append(
            {"target": f"publish -> searchable p95 < 1.2 s ({int(big):,})", "measured": f"{p95:.0f} ms", "met": p95 < 1200}
        )
    return out


# --- main ------------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated numbers of practices (default 10000,100000)")
    parser.add_argument(
        "--skip",
        default="",
        help="comma-separated sections to skip: indexing,latency,sqlite,throughput,realistic,freshness,pages,profile",
    )
    parser.add_argument("--repeat", type=int, default=30, help="measured runs of each query (after 2 warm-up runs)")
    parser.add_argument("--cap", type=float, default=15.0, help="seconds at most per query and backend (at least 5 runs)")
    parser.add_argument("--throughput-seconds", type=float, default=15.0)
    parser.add_argument("--publishes", type=int, default=100)
    parser.add_argument(
        "--raw-sample", type=int, default=20000, help="documents in the raw bulk baseline (0: all; the rate is what is compared)"
    )
    parser.add_argument("--report", metavar="JSON", help="only print the tables of a results file (with --markdown: as Markdown)")
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args()
    if args.report:
        sys.path.insert(0, str(ROOT))
        print(report(json.loads(Path(args.report).read_text()), md=args.markdown))
        return
    sizes = sorted(int(s) for s in args.sizes.split(",") if s)
    skip = set(filter(None, args.skip.split(",")))

    VAR_DIR.mkdir(parents=True, exist_ok=True)
    log(
        f"bench: sizes {sizes}, database {BENCH_DB}, index prefix {ENV['SEARCH_INDEX_PREFIX']}, Elasticsearch {ENV['ELASTICSEARCH_URL']}, load {loadavg()}"
    )
    ensure_database(sizes[0])
    log("setup: migrate")
    manage("migrate", "--noinput")
    # Before this process loads Django: its static files storage reads the manifest once (a
    # manifest written later, or an old one missing a new file, made the profile section die
    # with "Missing staticfiles manifest entry"). Quick when nothing changed.
    log("setup: collectstatic")
    manage("collectstatic", "--noinput")
    setup_django()
    from cms.models import HomePage

    if not HomePage.objects.originals().exists():
        log("setup: seed_demo")
        manage("seed_demo", "--password", "bench-Demo-pass-2023", eager=True)
    import redis

    redis.Redis.from_url(ENV["CELERY_BROKER_URL"]).flushdb()  # our own Redis: no stale tasks

    results: dict = {"machine": machine(), "sizes": sizes, "args": vars(args), "mix": MIX, "realistic_mix": realistic_queries()}
    MEMORY.start()
    web = []
    complete = False
    try:
        for size in sizes:
            section_corpus(size, results)
            save(results)
            if "indexing" not in skip:
                section_indexing(size, results, raw_sample=args.raw_sample)
                save(results)
            ensure_indexed(size, results)
            if not web:
                log("servers: gunicorn (deploy/gunicorn.conf.py) with the Elasticsearch backend and with the database backend")
                web = [start_gunicorn("web-es", WEB_ES_PORT, "elasticsearch"), start_gunicorn("web-db", WEB_DB_PORT, "database")]
            if "latency" not in skip:
                section_latency(size, results, repeat=args.repeat, cap=args.cap)
                save(results)
            if "pages" not in skip:
                section_pages(size, results, repeat=10)
                save(results)
            if size == sizes[0] and "sqlite" not in skip:
                section_sqlite(size, results, repeat=args.repeat, cap=args.cap)
                save(results)
            if size == sizes[-1]:
                if "throughput" not in skip:
                    section_throughput(size, results, seconds=args.throughput_seconds)
                    save(results)
                if "realistic" not in skip:
                    section_realistic(size, results, seconds=args.throughput_seconds)
                    save(results)
                if "freshness" not in skip:
                    section_freshness(size, results, publishes=args.publishes)
                    save(results)
            results["memory"] = MEMORY.report()
        if "profile" not in skip and "latency" not in skip:
            section_profile(results, size=sizes[-1], sizes_small=sizes[0])
        complete = True
    finally:
        results["memory"] = MEMORY.report()
        MEMORY.stopping.set()
        for proc in web:
            proc.stop()
        results["machine"]["loadavg_end"] = loadavg()
        results["machine"]["seconds"] = round(time.monotonic() - T0, 1)
        save(results, complete=complete)
    print()
    print(report(results))
    print()
    log(f"done in {time.monotonic() - T0:.0f} s; results in bench/results/latest.json (and run-{STAMP}.json)")


def ensure_indexed(size: int, results: dict) -> None:
    """Both indexes must hold the corpus before anything is measured (with ``--skip indexing``
    an index made by ``seed_demo`` holds the 45 demo documents only): each one whose number of
    documents differs from the published documents is rebuilt by ``search_reindex``."""
    from django.core.management import call_command

    from search.backends.elasticsearch import ElasticsearchBackend
    from search.documents import count_published
    from search.models import SearchEntry

    expected = count_published()

    def held() -> dict[str, int]:
        es = ElasticsearchBackend()
        es_count = es.client.count(index=es.alias)["count"] if es.concrete_indices() else 0
        return {"database": SearchEntry.objects.count(), "elasticsearch": es_count}

    for backend, count in held().items():
        if count != expected:
            log(f"index check {size:,}: {backend} holds {count:,} documents of {expected:,}: search_reindex")
            call_command("search_reindex", backend=backend, no_progress=True, stdout=io.StringIO())
    found = held()
    if any(count != expected for count in found.values()):
        raise SystemExit(f"bench: the indexes hold {found} documents, the corpus {expected:,}")
    results.setdefault("index_check", {})[str(size)] = {"expected": expected, **found}
    log(f"index check {size:,}: both indexes hold the {expected:,} published documents")


if __name__ == "__main__":
    main()
