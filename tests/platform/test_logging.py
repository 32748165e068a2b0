"""Structured logs: one JSON object per line, each with the id of its request."""

import io
import json
import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from enlace.logging import JsonFormatter, RequestIdFilter, clean_request_id

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def json_log():
    """The root logger also writes JSON lines into a buffer, through the project's formatter
    and filter (the handler of settings.LOGGING writes to stderr)."""
    buffer = io.StringIO()
    handler = logging.StreamHandler(buffer)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    root = logging.getLogger()
    root.addHandler(handler)

    def records():
        handler.flush()
        return [json.loads(line) for line in buffer.getvalue().splitlines()]

    yield records
    root.removeHandler(handler)


def test_a_requests_log_lines_carry_its_request_id(db, settings, client, json_log):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # closed: the readiness check logs a warning
    settings.CELERY_BROKER_URL = ""
    response = client.get("/readyz", HTTP_X_REQUEST_ID="req-42.a:b_c")
    assert response.status_code == 503
    assert response["X-Request-ID"] == "req-42.a:b_c"  # echoed
    lines = [r for r in json_log() if r["logger"] == "enlace.health"]
    assert lines and all(r["request_id"] == "req-42.a:b_c" for r in lines)
    logging.getLogger("enlace.test").warning("after the request")
    assert json_log()[-1]["request_id"] == "-"  # outside a request: no id leaks


@pytest.mark.parametrize("sent", ["", "has space", "a" * 65, "<script>", "line\nbreak", "ünïcode"])
def test_an_unsafe_or_missing_request_id_is_replaced(db, client, json_log, sent):
    headers = {"HTTP_X_REQUEST_ID": sent} if sent else {}
    response = client.get("/healthz", **headers)
    generated = response["X-Request-ID"]
    assert generated != sent and re.fullmatch(r"[0-9a-f]{32}", generated)
    # Each request gets its own.
    assert client.get("/healthz")["X-Request-ID"] != generated


def test_request_id_validation():
    assert clean_request_id("0123abcd-ef") == "0123abcd-ef"
    assert clean_request_id("x" * 64) == "x" * 64
    assert clean_request_id("x" * 65) is None
    assert clean_request_id("a b") is None and clean_request_id("a\tb") is None and clean_request_id(None) is None


def test_json_lines_carry_exceptions_and_odd_messages(json_log):
    logger = logging.getLogger("enlace.test")
    try:
        raise ValueError('broken ünïcode "quoted"\nsecond line')
    except ValueError:
        logger.exception("it failed: %s", {"a": 1})
    record = json_log()[-1]
    assert record["level"] == "ERROR" and record["logger"] == "enlace.test"
    assert record["message"] == "it failed: {'a': 1}"
    assert "Traceback" in record["exception"] and "ValueError: broken ünïcode" in record["exception"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00", record["time"])


PROBE = """
import logging, django
django.setup()
logging.getLogger("enlace.probe").warning("hello %s", "world")
"""


def run_probe(tmp_path, **env):
    base = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "enlace.settings",
        "ENLACE_VAR_DIR": str(tmp_path),
    }
    return subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env={**base, **env}, capture_output=True, text=True, timeout=60
    )


def test_json_is_the_default_when_debug_is_off_and_text_can_be_chosen(tmp_path):
    production = {"DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": "k" * 50, "DJANGO_ALLOWED_HOSTS": "localhost"}
    result = run_probe(tmp_path, **production)
    assert result.returncode == 0, result.stderr
    line = json.loads(result.stderr.strip().splitlines()[-1])
    assert line["message"] == "hello world" and line["request_id"] == "-" and line["level"] == "WARNING"

    result = run_probe(tmp_path, LOG_FORMAT="text", **production)
    assert result.returncode == 0, result.stderr
    assert re.search(r"WARNING enlace\.probe \[-\] hello world$", result.stderr.strip())

    result = run_probe(tmp_path)  # the embedded mode (debug on): readable text
    assert result.returncode == 0 and "WARNING enlace.probe [-] hello world" in result.stderr

    result = run_probe(tmp_path, LOG_FORMAT="xml")
    assert result.returncode != 0 and "LOG_FORMAT must be 'json' or 'text'" in result.stderr
