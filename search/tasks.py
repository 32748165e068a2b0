"""Celery tasks that keep Elasticsearch in step (enqueued after commit by
:mod:`search.indexing`). Idempotent: each run reloads the item and writes its whole current
document under a fixed ``_id``, or deletes it (a missing document is fine), so duplicates and
redeliveries are harmless. While Elasticsearch is unreachable the task retries with
exponential backoff and jitter; ``search_check --repair`` covers anything still lost.
"""

from __future__ import annotations

from celery import shared_task
from django.conf import settings
from elastic_transport import TransportError
from elasticsearch import ApiError

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
