"""Celery on a real Redis broker: a task sent over the broker is run by a separate worker process."""

import pytest

pytestmark = pytest.mark.redis


def test_a_task_is_run_by_a_real_worker(celery_worker_process, celery_client, redis_url):
    import redis

    result = celery_client.send_task("enlace.ping")
    assert result.get(timeout=60) == "pong"
    assert result.successful()
    # The result really travelled through Redis: its key is in the result backend.
    assert redis.Redis.from_url(redis_url).exists(f"celery-task-meta-{result.id}") == 1
    assert celery_worker_process.poll() is None  # the worker is alive
