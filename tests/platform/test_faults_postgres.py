"""PostgreSQL stopped and started again under a running site: gunicorn (deploy/gunicorn.conf.py,
two workers, debug off) on a PostgreSQL instance of this test's own (deploy/local/postgres.sh on
its own port and folder, never the suite's database server).

During the outage every page answers a clean 503 with ``Retry-After`` (a small HTML page; JSON
under ``/api/``), never a 500 or a traceback; ``/readyz`` names the database; ``/healthz``
stays up. Once PostgreSQL is back, the same gunicorn (same workers) answers 200 again, also
after a restart so quick that no request saw it (the workers' kept connections are dead).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest

from tests.conftest import ROOT, free_port
from tests.services import unavailable

pytestmark = [pytest.mark.postgres, pytest.mark.xdist_group("faults_postgres")]

PORT = int(os.environ.get("ENLACE_TEST_FAULT_PG_PORT", "54319"))
CACHE = Path(os.environ.get("ENLACE_CACHE", str(ROOT / ".cache")))
if not CACHE.is_absolute():
    CACHE = ROOT / CACHE
PAGES = ["/", "/practicas/", "/mesas/mesa-1/"]
API = ["/api/v1/practices/", "/api/v1/practices/?q=migracion"]


def postgres(*args: str) -> subprocess.CompletedProcess:
    """deploy/local/postgres.sh on a folder of this test's own (ENLACE_CACHE): its own cluster."""
    return subprocess.run(
        ["bash", str(ROOT / "deploy/local/postgres.sh"), *args],
        env={**os.environ, "ENLACE_CACHE": str(CACHE / f"fault-pg-{PORT}")},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
    )


def start_postgres() -> str:
    done = postgres("start", "--port", str(PORT))
    match = re.search(r"DATABASE_URL=(\S+)", done.stdout)
    if done.returncode != 0 or not match:
        unavailable(f"a PostgreSQL instance of its own on port {PORT} ({done.stderr[-2000:]})")
    return match.group(1)


def get(url: str) -> tuple[int, dict, str]:
    request = urllib.request.Request(url, headers={"Accept-Language": "es"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


@pytest.fixture(scope="module")
def site_on_own_postgres(tmp_path_factory):
    """gunicorn as deployed, on the module's own PostgreSQL: ``(url, log path, server)``."""
    database = start_postgres() + "?connect_timeout=2"
    home = tmp_path_factory.mktemp("pg-fault-site")
    env = {
        **os.environ,
        "DATABASE_URL": database,
        "DATABASE_CONN_MAX_AGE": "60",  # kept connections: they die with the server
        "ENLACE_VAR_DIR": str(home),
        "STATIC_ROOT": str(home / "static"),
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "pg-fault-test-" + uuid.uuid4().hex,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_COOKIES": "0",
        "LOG_FORMAT": "json",
        "WEB_CONCURRENCY": "2",
    }
    for key in ("ELASTICSEARCH_URL", "CELERY_BROKER_URL", "CELERY_RESULT_BACKEND"):
        env.pop(key, None)
    try:
        for command in (["migrate", "--noinput", "-v0"], ["setup_site"], ["collectstatic", "--noinput", "-v0"]):
            subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, capture_output=True)
        port = free_port()
        log = home / "gunicorn.log"
        with open(log, "w") as out:
            server = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py", "enlace.wsgi"],
                cwd=ROOT,
                env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}"},
                stdout=out,
                stderr=subprocess.STDOUT,
                text=True,
            )
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                if get(url + "/healthz")[0] == 200:
                    break
            except OSError:
                pass
            assert server.poll() is None and time.monotonic() < deadline, log.read_text()[-3000:]
            time.sleep(0.3)
        try:
            yield url, log, server
        finally:
            server.terminate()
            server.wait(timeout=30)
    finally:
        postgres("stop")


def test_postgresql_restart_under_a_running_site(site_on_own_postgres):
    url, log, server = site_on_own_postgres
    rounds = 4  # each path several times: both gunicorn workers answer

    # Healthy: every page, the API and /readyz answer 200, and the workers keep connections.
    for _ in range(rounds):
        for path in PAGES + API + ["/readyz"]:
            status, _headers, body = get(url + path)
            assert status == 200, (path, status, body[:500])

    assert postgres("stop").returncode == 0
    answered: dict[int, int] = {}
    for _ in range(rounds):
        for path in PAGES:
            status, headers, body = get(url + path)
            answered[status] = answered.get(status, 0) + 1
            assert status == 503, (path, status, body[:500])
            assert headers["Retry-After"].isdigit() and headers["Content-Type"].startswith("text/html")
            assert body.lstrip().lower().startswith("<!doctype html>") and "Traceback" not in body
            assert '<html lang="es">' in body
        for path in API:
            status, headers, body = get(url + path)
            answered[status] = answered.get(status, 0) + 1
            assert status == 503, (path, status, body[:500])
            assert headers["Retry-After"].isdigit() and headers["Content-Type"] == "application/json"
            assert set(json.loads(body)) == {"detail"}
        status, _headers, body = get(url + "/readyz")
        assert status == 503 and json.loads(body) == {
            "status": "unavailable",
            "checks": {"database": "error"},
            "failed": ["database"],
        }
        assert get(url + "/healthz")[0] == 200  # the process is alive: nothing to restart
    assert answered == {503: rounds * (len(PAGES) + len(API))}

    start_postgres()
    # Back: the same processes answer again at once (no restart, no failed request).
    for _ in range(rounds):
        for path in PAGES + API + ["/readyz"]:
            status, _headers, body = get(url + path)
            assert status == 200, (path, status, body[:500])

    # A quick restart between two requests: each worker still holds a connection to the old
    # server. It is checked before reuse (CONN_HEALTH_CHECKS), so no request fails.
    assert postgres("stop").returncode == 0
    start_postgres()
    for _ in range(rounds):
        for path in PAGES + API + ["/readyz"]:
            status, _headers, body = get(url + path)
            assert status == 200, ("after a quick restart", path, status, body[:500])

    assert server.poll() is None
    output = log.read_text()
    assert output.count("Booting worker") == 2, output[-3000:]  # the same two workers throughout
    records = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    warnings = [r for r in records if r["logger"] == "enlace.middleware"]
    assert len(warnings) == rounds * (len(PAGES) + len(API)) and all(r["level"] == "WARNING" for r in warnings)
    assert not [r for r in records if r["level"] in {"ERROR", "CRITICAL"}], output[-3000:]
    assert "Traceback" not in output
