"""/healthz and /readyz against real services, and against closed ports."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CLOSED = "127.0.0.1:9"  # the discard port: nothing listens there on loopback


@pytest.fixture
def probe(client):
    def get(path, **headers):
        started = time.monotonic()
        response = client.get(path, **headers)
        response.elapsed = time.monotonic() - started
        return response

    return get


@pytest.fixture
def no_services(settings):
    settings.ELASTICSEARCH_URL = ""
    settings.CELERY_BROKER_URL = ""
    return settings


def assert_never_cached(response):
    assert "no-store" in response["Cache-Control"] and "max-age=0" in response["Cache-Control"]


def test_healthz_is_up_and_never_cached(probe):
    response = probe("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert_never_cached(response)


def test_readyz_checks_only_the_database_in_the_embedded_mode(db, no_services, probe):
    response = probe("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ready", "checks": {"database": "ok"}}
    assert_never_cached(response)


@pytest.mark.elasticsearch
@pytest.mark.redis
def test_readyz_with_all_three_services(db, settings, probe, elasticsearch_url, redis_url):
    settings.ELASTICSEARCH_URL = elasticsearch_url
    settings.CELERY_BROKER_URL = redis_url
    response = probe("/readyz")
    assert response.status_code == 200, response.content
    assert response.json() == {"status": "ready", "checks": {"database": "ok", "search": "ok", "broker": "ok"}}
    assert_never_cached(response)


def test_readyz_names_search_when_elasticsearch_is_down(db, no_services, probe):
    no_services.ELASTICSEARCH_URL = f"http://{CLOSED}"
    response = probe("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable" and body["failed"] == ["search"]
    assert body["checks"] == {"database": "ok", "search": "error"}
    assert "Traceback" not in response.content.decode()
    assert response.elapsed < 5
    assert_never_cached(response)


def test_readyz_names_broker_when_redis_is_down(db, no_services, probe):
    no_services.CELERY_BROKER_URL = f"redis://{CLOSED}/0"
    response = probe("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["failed"] == ["broker"] and body["checks"] == {"database": "ok", "broker": "error"}
    assert response.elapsed < 5


@pytest.mark.elasticsearch
def test_readyz_names_only_the_failed_check(db, settings, probe, elasticsearch_url):
    settings.ELASTICSEARCH_URL = elasticsearch_url
    settings.CELERY_BROKER_URL = f"redis://{CLOSED}/0"
    response = probe("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "search": "ok", "broker": "error"}


def test_readyz_names_the_database_when_postgresql_is_down(tmp_path):
    """A deployment's process (debug off, JSON logs) whose PostgreSQL port is closed: the
    readiness answer names the database, and the JSON log line of the failure carries the
    request id the caller sent."""
    script = """
import json, django
django.setup()
from django.test import Client
response = Client().get("/readyz", HTTP_HOST="localhost", HTTP_X_REQUEST_ID="probe-db-down-1")
print(json.dumps({"status": response.status_code, "body": response.json(),
                  "request_id": response["X-Request-ID"], "cache": response["Cache-Control"]}))
"""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "enlace.settings",
        "DATABASE_URL": f"postgres://enlace@{CLOSED}/enlace",
        "DJANGO_SECRET_KEY": "readyz-test-" + "k" * 50,
        "DJANGO_ALLOWED_HOSTS": "localhost",
        "STATIC_ROOT": str(tmp_path / "static"),
        "ENLACE_VAR_DIR": str(tmp_path),
        "PYTHONWARNINGS": "ignore",
    }
    (tmp_path / "static").mkdir()
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer["status"] == 503
    assert answer["body"]["failed"] == ["database"] and answer["body"]["checks"] == {"database": "error"}
    assert answer["request_id"] == "probe-db-down-1"
    assert "no-store" in answer["cache"]
    # Debug is off, so the logs are JSON lines, the failure's among them with the request id.
    records = [json.loads(line) for line in result.stderr.splitlines() if line.strip()]
    failures = [r for r in records if r["logger"] == "enlace.health"]
    assert failures, result.stderr
    assert failures[0]["level"] == "WARNING"
    assert failures[0]["request_id"] == "probe-db-down-1"
    assert "database" in failures[0]["message"] and "Traceback" not in failures[0]["message"]
    assert set(failures[0]) >= {"time", "level", "logger", "message", "request_id"}
    # Django's generic "Service Unavailable" error line is not repeated for every probe.
    assert not [r for r in records if r["logger"] == "django.request"]
