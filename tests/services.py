"""Access to the real services the suite runs against (started by ``make test``).

``make test`` starts Elasticsearch, PostgreSQL and Redis with ``deploy/local/services.sh`` and
exports their addresses as ``ENLACE_TEST_*`` variables (the product's own variables, like
``ELASTICSEARCH_URL``, stay unset so the product runs in its default mode unless a test
chooses otherwise). A missing service skips its tests on a developer's machine and fails
them in CI (``CI=true``), where nothing may be skipped.
"""

from __future__ import annotations

import os
import shutil

import pytest

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def unavailable(what: str) -> None:
    message = f"{what} is not available (run the suite with `make test`, which starts it)"
    if IN_CI:
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def service_url(variable: str, what: str) -> str:
    url = os.environ.get(variable, "")
    if not url:
        unavailable(f"{what} ({variable} unset)")
    return url


def chromium_path() -> str:
    path = os.environ.get("ENLACE_TEST_CHROMIUM", "/usr/bin/chromium")
    if not shutil.which(path):
        unavailable(f"Chromium ({path})")
    return path


def reset_celery_producers(app) -> None:
    """Make the in-process Celery app connect to the broker now configured. Its pools are
    cached, and kombu keeps a registry of them per broker: ``kombu.pools.reset`` closes and
    forgets them all (a pool only closed would be handed out again for the same broker, and
    every later ``delay`` in this process would fail with "Acquire on closed pool")."""
    from kombu import pools

    pools.reset()
    app._pool = None
    app.amqp._producer_pool = None


def database_url(settings_dict=None) -> str:
    """The URL of the test database (default: the current connection's), for a worker or server
    process that must read what the test committed."""
    if settings_dict is None:
        from django.db import connection

        settings_dict = connection.settings_dict
    user = settings_dict.get("USER") or ""
    password = f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else ""
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = f":{settings_dict['PORT']}" if settings_dict.get("PORT") else ""
    return f"postgres://{user}{password}@{host}{port}/{settings_dict['NAME']}"


def wait_for(condition, timeout: float, what: str, interval: float = 0.3):
    """Poll ``condition`` until it returns something true (returned), or fail after ``timeout`` s."""
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")
