"""Health and readiness endpoints for load balancers, orchestrators and monitoring.

* ``/healthz`` answers 200 as long as the process serves requests (liveness: restart the
  process when it stops answering). It touches nothing else.
* ``/readyz`` checks what a request needs: the database (``SELECT 1``), Elasticsearch (only
  when ``ELASTICSEARCH_URL`` is set: cluster health at least yellow) and the Celery broker
  (only when ``CELERY_BROKER_URL`` is set: one connection attempt). 200 when all pass, 503
  naming the failed ones otherwise (take the instance out of rotation, do not restart it).
  Search and broker checks wait at most ``HEALTH_CHECK_TIMEOUT`` seconds each (default 2); the
  database connection is bounded by ``connect_timeout`` in ``DATABASE_URL``. Failures are
  logged with their cause; the response carries only the check names and ``ok``/``error``.

Neither response is ever cached, and neither ever shows a traceback.
"""

from __future__ import annotations

import logging
import math
import os
from collections.abc import Callable

from django.conf import settings
from django.db import connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 2.0


def check_timeout() -> float:
    """Seconds each readiness check may take (``HEALTH_CHECK_TIMEOUT``, default 2)."""
    raw = getattr(settings, "HEALTH_CHECK_TIMEOUT", None) or os.environ.get("HEALTH_CHECK_TIMEOUT", "")
    try:
        value = float(raw)
    except (TypeError, ValueError):
        return DEFAULT_TIMEOUT
    return value if value > 0 else DEFAULT_TIMEOUT


def check_database(timeout: float) -> None:
    """``SELECT 1`` through Django's default connection (raises when it cannot)."""
    connection = connections["default"]
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        row = cursor.fetchone()
    if not row or row[0] != 1:
        raise RuntimeError(f"SELECT 1 returned {row!r}")


def check_search(timeout: float) -> None:
    """The Elasticsearch cluster answers and is at least yellow (no retries, short timeout)."""
    from search.client import get_client, is_ready

    url = settings.ELASTICSEARCH_URL
    # Each node once (a cluster with one node down is still ready), never a slow retry.
    client = get_client(url).options(request_timeout=timeout, max_retries=max(0, len(url.split(",")) - 1), retry_on_timeout=False)
    # The server-side wait must end before the client gives up.
    server_wait = max(1, math.floor(timeout / 2))
    if not is_ready(client, timeout=f"{server_wait}s"):
        raise RuntimeError("cluster health is not green or yellow, or the cluster did not answer")


def check_broker(timeout: float) -> None:
    """One connection to the Celery broker (kombu), without the retry loop Celery uses."""
    from kombu import Connection

    options = {
        **getattr(settings, "CELERY_BROKER_TRANSPORT_OPTIONS", {}),
        "socket_timeout": timeout,
        "socket_connect_timeout": timeout,
    }
    with Connection(settings.CELERY_BROKER_URL, connect_timeout=timeout, transport_options=options) as conn:
        conn.ensure_connection(max_retries=1, interval_start=0, interval_step=0, timeout=timeout)


def readiness_checks() -> dict[str, Callable[[float], None]]:
    """The checks that apply to this configuration, by name."""
    checks: dict[str, Callable[[float], None]] = {"database": check_database}
    if settings.ELASTICSEARCH_URL:
        checks["search"] = check_search
    if settings.CELERY_BROKER_URL:
        checks["broker"] = check_broker
    return checks


def run_checks() -> tuple[bool, dict[str, str]]:
    """Run every applicable check; ``(all passed, {name: "ok" | "error"})``."""
    timeout = check_timeout()
    results: dict[str, str] = {}
    for name, check in readiness_checks().items():
        try:
            check(timeout)
        except Exception as exc:  # every failure is "not ready", never a 500
            logger.warning("readiness check %s failed: %s: %s", name, type(exc).__name__, exc)
            results[name] = "error"
        else:
            results[name] = "ok"
    return all(value == "ok" for value in results.values()), results


@never_cache
def healthz(request):
    """The process is up (readiness of the database, search and broker is /readyz's job)."""
    return JsonResponse({"status": "ok"})


@never_cache
def readyz(request):
    try:
        ready, results = run_checks()
    except Exception:  # a bug in the checks themselves: still an answer, never a traceback
        logger.exception("readiness checks crashed")
        return unavailable({"status": "unavailable", "checks": {}, "failed": ["readyz"]})
    if ready:
        return JsonResponse({"status": "ready", "checks": results})
    failed = [name for name, value in results.items() if value != "ok"]
    return unavailable({"status": "unavailable", "checks": results, "failed": failed})


def unavailable(body: dict) -> JsonResponse:
    response = JsonResponse(body, status=503)
    # Each failed check was logged above as a warning with its cause: spare the log Django's
    # generic "Service Unavailable" error line on every probe during an outage.
    response._has_been_logged = True
    return response
