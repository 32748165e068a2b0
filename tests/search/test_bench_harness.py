"""The benchmark harness's own parts that need no service: the realistic mix, the results file
written after every section, the targets of a partial run, and the warm-up reaching several
workers (against a small threaded HTTP server standing in for gunicorn), and the SQLite section
end to end on a small corpus (its own SQLite file, in a process of its own)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from bench import harness


def test_the_realistic_mix_is_80_percent_landing_page_and_a_long_tail_of_50_queries():
    queries = harness.realistic_queries()
    assert len(queries) == 50 and len({harness.api_path(q) for q in queries}) == 50
    assert harness.realistic_queries() == queries  # deterministic
    pick = harness.realistic_picker()
    drawn = Counter(pick(n) for n in range(20_000))
    landing = drawn.pop("/api/v1/practices/")
    assert 0.78 < landing / 20_000 < 0.82
    ranked = [count for _path, count in drawn.most_common()]
    assert len(ranked) >= 45  # the long tail is there
    assert ranked[0] > 4 * ranked[-1]  # and popular queries are more popular


def test_results_are_written_after_a_section_and_targets_survive_a_partial_run(tmp_path, monkeypatch):
    monkeypatch.setattr(harness, "RESULTS", tmp_path)
    row = {"api": {"median": 20.0, "p95": 40.0}, "raw": {"median": 18.0, "p95": 30.0}, "api_over_raw_median": 1.11}
    results = {
        "latency": {"10000": {"elasticsearch": {"one facet": row, "deep page": {**row, "api": {"median": 50, "p95": 90}}}}}
    }
    harness.save(results)
    written = json.loads((tmp_path / "latest.json").read_text())
    assert written["complete"] is False
    assert list(tmp_path.glob("run-*.json"))
    met = {line["target"].split(",")[0]: line["met"] for line in written["targets"]}
    assert met == {"API p95 < 50 ms": True, "API p95 < 80 ms": False, "API over the engine's request <= 1.3x at the median": True}
    harness.save(results, complete=True)
    assert json.loads((tmp_path / "latest.json").read_text())["complete"] is True


def test_warming_reaches_every_worker(monkeypatch):
    seen: Counter = Counter()
    lock = threading.Lock()
    entered = threading.Barrier(4, timeout=5)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the http.server API
            with lock:
                seen[threading.get_ident()] += 1
                first = sum(seen.values()) <= 4
            if first:
                entered.wait()  # the first four requests are in flight at once
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    monkeypatch.setattr(harness, "gunicorn_workers", lambda: 2)
    try:
        harness.warm_workers(server.server_address[1], rounds=1)
    finally:
        server.shutdown()
    assert sum(seen.values()) == 4 * (len(harness.MIX) + 3)
    assert not entered.broken


def test_a_servers_cpu_time_counts_its_live_and_its_reaped_workers():
    """What the throughput tables divide by the number of requests (``bench.stats``)."""
    import os
    import signal
    import subprocess
    import sys
    import time

    from bench.stats import cpu_seconds, tree_cpu_seconds

    burn = "import time\nt = time.process_time()\nwhile time.process_time() - t < 0.4: pass\n"
    # A "master" that runs one worker to its end (reaped), then keeps one burning (alive).
    master = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import subprocess, sys, time\n"
            f"subprocess.run([sys.executable, '-c', {burn!r}])\n"
            f"alive = subprocess.Popen([sys.executable, '-c', {burn!r} + 'time.sleep(30)'])\n"
            "print('ready', flush=True)\n"
            "time.sleep(30)\n",
        ],
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group: killed with its worker below
    )
    try:
        assert master.stdout.readline().strip() == "ready"
        time.sleep(1.0)  # the live worker has burnt its 0.4 s
        own = cpu_seconds(master.pid)
        assert cpu_seconds(master.pid, reaped=True) - own >= 0.35  # the finished worker
        assert tree_cpu_seconds(master.pid) - cpu_seconds(master.pid, reaped=True) >= 0.35  # the live one
    finally:
        os.killpg(master.pid, signal.SIGKILL)
        master.wait()
    assert cpu_seconds(master.pid) == 0.0  # gone: nothing, no error


def test_the_sqlite_section_loads_the_documents_times_the_mix_and_reports_a_target(tmp_path):
    from bench.corpus import practice_documents

    documents = tmp_path / "documents.jsonl"
    documents.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in practice_documents(60)))
    env = dict(
        os.environ,
        DATABASE_URL=f"sqlite:///{tmp_path / 'bench.sqlite3'}",
        ELASTICSEARCH_URL="",
        SEARCH_BACKEND="database",
        DJANGO_SECRET_KEY="test-only",
    )
    command = [sys.executable, "-m", "bench.sqlite", "--documents", str(documents), "--repeat", "2", "--cap", "0"]
    done = subprocess.run(command, cwd=harness.ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    measured = json.loads(done.stdout.strip().splitlines()[-1])
    assert measured["documents"] == 60
    assert set(measured["queries"]) == set(harness.MIX)
    assert measured["queries"]["deep page"]["total_hits"] == 60  # no filter: every practice
    assert all(row["service"]["n"] == 2 and row["service"]["p95"] > 0 for row in measured["queries"].values())

    slowest = max(row["service"]["p95"] for row in measured["queries"].values())
    [line] = [t for t in harness.targets({"sqlite": {"60": measured}}) if "SQLite" in t["target"]]
    assert line["met"] is (slowest < 150) and f"{slowest:.0f} ms" in line["measured"]
    machine = dict.fromkeys(("nproc", "cpu", "ram_gib", "python", "elasticsearch", "postgresql", "loadavg_start"), "-")
    table = harness.report({"machine": machine, "sqlite": {"60": measured}, "latency": {}})
    assert [line.split()[:3] for line in table.splitlines() if " sqlite " in line] == [
        ["60", "sqlite", *name.split()[:1]] for name in harness.MIX
    ]
