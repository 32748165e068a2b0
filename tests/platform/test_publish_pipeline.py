"""Publishing makes a practice searchable, end to end as deployed: PostgreSQL, a real Celery
worker and a real Celery beat on Redis, Elasticsearch.

* Published while the broker is unreachable: the index task waits in the outbox, and only
  beat's relay (``enlace.relay_outbox`` every ``OUTBOX_RELAY_SECONDS``) can send it; the worker
  indexes the practice.
* Published with the broker up: sent at commit, indexed by the worker; unpublished: removed.
* Beat's health probe (``deploy/probe.py --beat``) passes while beat runs.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from io import StringIO

import pytest
import redis
from django.core.management import call_command
from django.db import connection
from django.test import override_settings

from enlace.celery import app
from enlace.models import OutboxMessage
from tests.conftest import ROOT
from tests.services import database_url, reset_celery_producers, unavailable, wait_for

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.elasticsearch,
    pytest.mark.xdist_group("publish_pipeline"),
]

BROKER_DB = 13
CLOSED = "redis://127.0.0.1:9/0"


def reset_producers() -> None:
    reset_celery_producers(app)


@pytest.fixture
def pipeline(transactional_db, redis_url, elasticsearch_url, tmp_path):
    from cms.models import PracticeIndexPage
    from search import service
    from search.backends.elasticsearch import ElasticsearchBackend

    if connection.vendor != "postgresql":
        unavailable("PostgreSQL (DATABASE_URL): the worker and beat share the test database")
    if not PracticeIndexPage.objects.originals().exists():
        call_command("setup_site", stdout=StringIO())
    broker = redis_url.rsplit("/", 1)[0] + f"/{BROKER_DB}"
    redis.Redis.from_url(broker).flushdb()
    prefix = f"test-pipeline-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    schedule = tmp_path / "beat" / "celerybeat-schedule"
    schedule.parent.mkdir()
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "DJANGO_SECRET_KEY": "pipeline-test",
        "ELASTICSEARCH_URL": elasticsearch_url,
        "SEARCH_INDEX_PREFIX": prefix,
        "CELERY_BROKER_URL": broker,
        "CELERY_RESULT_BACKEND": broker,
        "CELERY_TASK_ALWAYS_EAGER": "0",
        "OUTBOX_RELAY_SECONDS": "1",
        "OUTBOX_RELAY_GRACE_SECONDS": "0",
    }
    processes = {}
    for name, command in {
        "worker": [
            "worker",
            "--pool=solo",
            "--without-gossip",
            "--without-mingle",
            "--loglevel=INFO",
            f"--hostname=pipeline-{uuid.uuid4().hex[:6]}@%h",
        ],
        "beat": ["beat", "--loglevel=INFO", "--schedule", str(schedule)],
    }.items():
        with open(tmp_path / f"{name}.log", "w") as out:
            processes[name] = subprocess.Popen(
                [sys.executable, "-m", "celery", "-A", "enlace", *command],
                cwd=ROOT,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                text=True,
            )
    saved = {key: app.conf[key] for key in ("broker_url", "result_backend", "task_always_eager")}
    with override_settings(
        ELASTICSEARCH_URL=elasticsearch_url, SEARCH_INDEX_PREFIX=prefix, SEARCH_BACKEND="elasticsearch", SEARCH_ES_RETRY_AFTER=0
    ):
        backend = ElasticsearchBackend()
        backend.ensure_index()
        service.reset_circuit()

        def use_broker(url: str) -> None:
            app.conf.update(broker_url=url, result_backend=url, task_always_eager=False)
            reset_producers()

        try:
            yield {
                "use_broker": use_broker,
                "broker": broker,
                "backend": backend,
                "schedule": schedule,
                "logs": tmp_path,
                "processes": processes,
            }
        finally:
            app.conf.update(saved)
            reset_producers()
            for process in processes.values():
                process.terminate()
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
            backend.drop()
            service.reset_circuit()
            redis.Redis.from_url(broker).flushdb()


def publish_practice(title: str):
    from cms.models import PracticeIndexPage, PracticePage

    page = PracticePage(
        title=title,
        slug=f"tubo-{uuid.uuid4().hex[:8]}",
        summary="Resumen.",
        countries=["CR"],
        objectives=["15"],
        level="national",
        start_year=2023,
        language="es",
    )
    PracticeIndexPage.objects.originals().get().add_child(instance=page)
    page.save_revision().publish()
    return PracticePage.objects.originals().get(pk=page.pk)


def found_in_elasticsearch(text: str) -> list[int]:
    from search.service import SearchQuery, search

    results = search(SearchQuery(text=text, types=("practice",)))
    assert (results.backend, results.degraded) == ("elasticsearch", False), results
    return [hit.id for hit in results.hits]


def logs(pipeline) -> str:
    return "\n".join(f"--- {name}\n{(pipeline['logs'] / f'{name}.log').read_text()[-3000:]}" for name in ("worker", "beat"))


def test_publishing_makes_a_practice_searchable_through_worker_and_beat(pipeline):
    # 1. The broker is unreachable at commit: the index task stays in the outbox.
    pipeline["use_broker"](CLOSED)
    relayed = publish_practice("Corredor humanitario de Talamanca")
    message = OutboxMessage.objects.get(task="search.index_page", args=[relayed.pk])
    assert message.sent_at is None and message.attempts == 1 and message.last_error
    assert found_in_elasticsearch("Talamanca") == []

    # Only beat can send it now (the test process never relays): the worker indexes it.
    try:
        wait_for(lambda: found_in_elasticsearch("Talamanca") == [relayed.pk], 90, "beat's relay and the worker")
    except AssertionError:
        raise AssertionError(logs(pipeline)) from None
    message.refresh_from_db()
    assert message.sent_at is not None and message.attempts == 2  # commit-time failure, then beat's relay
    assert "enlace.relay_outbox" in (pipeline["logs"] / "beat.log").read_text()

    # 2. The broker is up at commit: sent at once, indexed by the worker; unpublished: removed.
    pipeline["use_broker"](pipeline["broker"])
    direct = publish_practice("Red de albergues de Upala")
    assert OutboxMessage.objects.get(task="search.index_page", args=[direct.pk]).attempts == 1
    wait_for(lambda: found_in_elasticsearch("Upala") == [direct.pk], 60, "the worker to index the practice")
    relayed.unpublish()
    wait_for(lambda: found_in_elasticsearch("Talamanca") == [], 60, "the worker to remove the unpublished practice")
    assert OutboxMessage.objects.filter(sent_at__isnull=True).count() == 0  # nothing lost on the way

    # Beat's health probe passes while it runs, and fails on a schedule file nobody writes.
    assert all(process.poll() is None for process in pipeline["processes"].values()), logs(pipeline)
    probe = [sys.executable, "deploy/probe.py", "--beat", str(pipeline["schedule"])]
    assert subprocess.run(probe, cwd=ROOT, capture_output=True).returncode == 0
    for path in pipeline["schedule"].parent.iterdir():
        os.utime(path, (time.time() - 3600, time.time() - 3600))
    stale = subprocess.run([*probe, "600"], cwd=ROOT, capture_output=True, text=True)
    assert stale.returncode == 1 and "not written" in stale.stderr
    missing = subprocess.run(
        [sys.executable, "deploy/probe.py", "--beat", str(pipeline["logs"] / "nothing")], cwd=ROOT, capture_output=True
    )
    assert missing.returncode == 1
