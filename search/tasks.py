"""Celery tasks that keep Elasticsearch in step (enqueued after commit by
:mod:`search.indexing`). Idempotent: each run reloads the item and writes its whole current
document under a fixed ``_id``, or deletes it (a missing document is fine), so duplicates and
redeliveries are harmless. While Elasticsearch is unreachable the task retries with
exponential backoff and jitter; ``search_check --repair`` covers anything still lost, and beat
runs it every ``SEARCH_REPAIR_SECONDS`` (:func:`repair_drift`).
"""

from __future__ import annotations

import logging

from celery import shared_task
from django.conf import settings
from elastic_transport import TransportError
from elasticsearch import ApiError

logger = logging.getLogger(__name__)

RETRYABLE_STATUS = {408, 429, 500, 502, 503, 504}


class SearchUnavailable(Exception):
    """Elasticsearch answered, but cannot take the write now (overloaded, recovering)."""


@shared_task(
    bind=True,
    name="search.index_page",
    autoretry_for=(TransportError, SearchUnavailable),
    retry_backoff=1,
    retry_backoff_max=settings.SEARCH_TASK_BACKOFF_MAX,
    retry_jitter=True,
    max_retries=settings.SEARCH_TASK_MAX_RETRIES,
    acks_late=True,
    reject_on_worker_lost=True,
)
def index_page(self, pk: int) -> str:
    """Index page ``pk`` if it is published, else remove it from the index."""
    from .indexing import sync_elasticsearch

    try:
        return sync_elasticsearch(pk)
    except ApiError as exc:
        if exc.status_code in RETRYABLE_STATUS:
            raise SearchUnavailable(str(exc)) from exc
        raise


@shared_task(name="search.repair_drift", ignore_result=True, acks_late=True)
def repair_drift() -> dict[str, str]:
    """``search_check --repair`` on every configured index (beat, daily by default). Drift found
    is logged as a warning (something was lost on the way: an index task that gave up), drift
    that the repair could not fix as an error; an unreachable index is an error and the next run
    tries again."""
    from .reconcile import IndexUnreadable, check

    lines: list[str] = []
    try:
        results = check("configured", repair=True, write=lines.append)
    except IndexUnreadable as exc:
        logger.error("search repair: %s", exc)
        return {"error": str(exc)}
    outcome = {}
    for result in results:
        if result.found.clean:
            outcome[result.backend] = "clean"
        elif result.drifted:
            outcome[result.backend] = "drift remains"
            logger.error("search repair: drift remains in %s: %s", result.backend, "; ".join(lines))
        else:
            outcome[result.backend] = "repaired"
            logger.warning("search repair: repaired %s: %s", result.found, "; ".join(lines))
    logger.info("search repair: %s", ", ".join(f"{name} {state}" for name, state in outcome.items()))
    return outcome
