"""Celery workers killed in the middle of a task (SIGKILL), on the real Redis broker, with
PostgreSQL and Elasticsearch: the task is delivered again and its effect happens exactly once.

* The whole worker killed while it indexes a practice (a host crash, an OOM kill): the message
  stays unacknowledged in Redis (``task_acks_late``) and a new worker gets it once the
  visibility timeout has passed (``CELERY_VISIBILITY_TIMEOUT``, short here). The document is
  written once: its Elasticsearch ``_version`` is 1.
* The pool process killed while it sends a notification e-mail: the worker gives the task
  back at once (``task_reject_on_worker_lost``) and a new pool process sends the e-mail once.

The worker runs the product's tasks unchanged, with a trace around the function that does the
work (``tests/platform/fault_worker.py``): the first call waits, which is when it is killed.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from io import StringIO
from pathlib import Path

import pytest
import redis
from django.core.management import call_command
from django.db import connection
from django.test import override_settings

from tests.conftest import ROOT
from tests.services import database_url, unavailable, wait_for

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.elasticsearch,
    pytest.mark.xdist_group("faults_worker"),
]

VISIBILITY_TIMEOUT = 4  # seconds before Redis hands an unacknowledged task to another worker
WORKER_BOOT_TIMEOUT = 240  # seconds for a worker to be ready on a loaded CI machine
# A Redis database of its own per pytest-xdist worker (the fixture flushes it before and after
# each test): no other test's worker may take these tasks. One database for the module was not
# enough: the xdist group did not keep both tests on one pytest worker (seen in CI on 6 Dec,
# [gw0] and [gw1]), so one test's flush emptied the other's broker, bindings and unacknowledged
# message included. Databases 0, 9 and 13 belong to other tests.
BROKER_DBS = (12, 14, 15, 11, 10, 8, 7, 6)
# and a queue of its own per test: a worker left over from an earlier run (it reconnects to any
# Redis started again on the same port) consumes the default queue, never this one.


class Trace:
    def __init__(self, path: Path):
        self.path = path

    def lines(self, kind: str) -> list[list[str]]:
        if not self.path.exists():
            return []
        return [line.split() for line in self.path.read_text().splitlines() if line.startswith(kind + " ")]


@pytest.fixture
def faults(transactional_db, redis_url, elasticsearch_url, tmp_path, worker_id):
    """The site tree in the (committed) test database, an index of its own, a broker database
    of its own, and ``start_worker(pool=..., target=...)`` for worker processes on them."""
    from cms.models import PracticeIndexPage
    from search.backends.elasticsearch import ElasticsearchBackend

    if connection.vendor != "postgresql":
        unavailable("PostgreSQL (DATABASE_URL): the worker processes share the test database")
    if not PracticeIndexPage.objects.originals().exists():
        call_command("setup_site", stdout=StringIO())
    broker_db = BROKER_DBS[0 if worker_id == "master" else int(worker_id.removeprefix("gw"))]
    broker = redis_url.rsplit("/", 1)[0] + f"/{broker_db}"
    redis.Redis.from_url(broker).flushdb()
    prefix = f"test-faults-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    queue = prefix
    trace = Trace(tmp_path / "trace.log")
    mail_dir = tmp_path / "mail"
    workers: list[subprocess.Popen] = []
    env = {
        # Celery reads these before its configuration: they would override the broker below.
        **{k: v for k, v in os.environ.items() if k not in ("CELERY_BROKER_READ_URL", "CELERY_BROKER_WRITE_URL")},
        "DATABASE_URL": database_url(),
        "DJANGO_SECRET_KEY": "faults-worker-test",
        "ELASTICSEARCH_URL": elasticsearch_url,
        "SEARCH_INDEX_PREFIX": prefix,
        "CELERY_BROKER_URL": broker,
        "CELERY_RESULT_BACKEND": broker,
        "CELERY_TASK_ALWAYS_EAGER": "0",
        "CELERY_VISIBILITY_TIMEOUT": str(VISIBILITY_TIMEOUT),
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(mail_dir),
        "FAULT_TRACE": str(trace.path),
        "FAULT_DELAY": "300",  # the first traced call waits: long enough to be killed in it
    }

    def start_worker(*, pool: str, target: str) -> subprocess.Popen:
        """A worker, returned once it says it is ready: booting (Django, Celery, the broker) takes
        a few seconds on a quiet machine and far longer when CI's other tests load it, and the
        waits of the tests below are about the broker and the task, not the boot."""
        path = tmp_path / f"worker{len(workers) + 1}.log"
        log = open(path, "w")
        worker = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.platform.fault_worker",
                f"--pool={pool}",
                "--concurrency=1",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
                "--loglevel=INFO",
                f"--queues={queue}",
                f"--hostname=fault{len(workers) + 1}-{uuid.uuid4().hex[:6]}@%h",
            ],
            cwd=ROOT,
            env={**env, "FAULT_TARGET": target},
            stdout=log,
            stderr=subprocess.STDOUT,
            text=True,
        )
        log.close()
        workers.append(worker)

        def ready() -> bool:
            if worker.poll() is not None:
                raise AssertionError(f"{path.name} exited ({worker.returncode}) before it was ready:\n{path.read_text()[-3000:]}")
            return " ready." in path.read_text()

        wait_for(ready, WORKER_BOOT_TIMEOUT, f"{path.name} to be ready")
        return worker

    with override_settings(ELASTICSEARCH_URL=elasticsearch_url, SEARCH_INDEX_PREFIX=prefix, SEARCH_BACKEND="elasticsearch"):
        backend = ElasticsearchBackend()
        backend.ensure_index()
        try:
            yield {
                "start_worker": start_worker,
                "trace": trace,
                "mail_dir": mail_dir,
                "backend": backend,
                "broker": broker,
                "queue": queue,
                "logs": tmp_path,
            }
        finally:
            for worker in workers:
                if worker.poll() is None:
                    worker.terminate()
                    try:
                        worker.wait(timeout=20)
                    except subprocess.TimeoutExpired:
                        worker.kill()
                        worker.wait()
            backend.drop()
            redis.Redis.from_url(broker).flushdb()


def send(faults, task: str, *args) -> str:
    """Send a task as the outbox does (``send_task`` on a broker connection; the in-process app
    runs eagerly in tests) to the test's own queue, check that it waits there, and return its id.

    The connection is opened here from ``broker`` itself, not taken from a Celery app: an app's
    broker is ``CELERY_BROKER_URL`` from the environment whenever that is set, whatever URL the
    app was given (``celery.app.utils.Settings.broker_url``), which would put the message where
    the workers of this test (on ``broker`` only) never see it; and nothing is taken from kombu's
    process-wide pool registry (``kombu.pools``), which other tests in this process reset.
    Send before starting a worker, so that the message can be found in the queue."""
    from celery import Celery
    from kombu import Connection

    broker, name = faults["broker"], faults["queue"]
    queue = redis.Redis.from_url(broker)
    # Not the current app: shared tasks (``index_page.app``) must keep resolving to the project's.
    client = Celery("faults-test-client", broker=broker, backend=broker, set_as_current=False)
    try:
        with Connection(broker) as connection:
            task_id = client.send_task(task, args=list(args), queue=name, connection=connection).id
    finally:
        client.close()
    waiting = [message for message in queue.lrange(name, 0, -1) if task_id.encode() in message]
    assert len(waiting) == 1, (
        f"task {task_id} is not waiting in {broker}'s queue {name}: {queue.lrange(name, 0, -1)} "
        f"(CELERY_BROKER_URL={os.environ.get('CELERY_BROKER_URL')!r})"
    )
    return task_id


def unacked_with(queue, task_id: str) -> list[bytes]:
    """The broker's unacknowledged deliveries of that task (kombu's ``unacked`` hash)."""
    return [value for value in queue.hvals("unacked") if task_id.encode() in value]


def waiting(faults, condition, timeout: float, what: str):
    """``wait_for``, failing with the workers' logs and the broker's state (a fault test that
    times out in CI must say why)."""
    try:
        return wait_for(condition, timeout, what)
    except AssertionError as error:
        queue = redis.Redis.from_url(faults["broker"])
        state = {
            "queue": queue.lrange(faults["queue"], 0, -1),
            "unacked": queue.hgetall("unacked"),
            "unacked_index": queue.zrange("unacked_index", 0, -1, withscores=True),
            "unacked_mutex": queue.get("unacked_mutex"),
            "keys": sorted(queue.keys("*")),
            "now": time.time(),
            # Who else is on this database, and whether anyone flushed one (the broker's database
            # was found empty, bindings included, after a timeout in CI on 6 Dec):
            "clients": [c for c in queue.client_list() if faults["broker"].endswith(f"/{c.get('db')}")],
            "keyspace": queue.info("keyspace"),
            "flushes": {k: v for k, v in queue.info("commandstats").items() if "flush" in k},
            "trace": faults["trace"].path.read_text() if faults["trace"].path.exists() else "",
        }
        raise AssertionError(f"{error}\nbroker: {state}\n{worker_logs(faults)}") from None


def worker_logs(faults) -> str:
    return "\n".join(f"--- {p.name}\n{p.read_text()[-3000:]}" for p in sorted(faults["logs"].glob("worker*.log")))


@override_settings(ELASTICSEARCH_URL="")  # the publish itself sends no index task: the test sends it
def new_practice(**fields):
    from cms.models import PracticeIndexPage, PracticePage

    page = PracticePage(
        title=fields.pop("title", "Práctica de prueba de fallos"),
        slug=f"fallo-{uuid.uuid4().hex[:8]}",
        summary="Resumen.",
        countries=["UY"],
        objectives=["7"],
        level="local",
        start_year=2024,
        language="es",
        **fields,
    )
    PracticeIndexPage.objects.originals().get().add_child(instance=page)
    page.save_revision().publish()
    return PracticePage.objects.originals().get(pk=page.pk)


def test_a_worker_killed_mid_index_task_the_next_worker_indexes_once(faults):
    from elasticsearch import NotFoundError

    # The publish itself indexes nothing in Elasticsearch (new_practice): the test sends one task.
    page = new_practice(title="Práctica indexada tras la caída de un worker")
    backend, trace, broker = faults["backend"], faults["trace"], faults["broker"]
    doc_id = f"practice-{page.pk}"
    queue = redis.Redis.from_url(broker)

    task_id = send(faults, "search.index_page", page.pk)
    first = faults["start_worker"](pool="solo", target="search.indexing:sync_elasticsearch")
    started = waiting(faults, lambda: trace.lines("start"), 60, "the first worker to start the index task")
    assert started[0][1:] == [str(first.pid), str(page.pk)], started  # solo pool: the worker itself
    os.kill(first.pid, signal.SIGKILL)  # mid-task: before it wrote anything
    assert first.wait(timeout=10) == -signal.SIGKILL
    with pytest.raises(NotFoundError):
        backend.admin_client.get(index=backend.alias, id=doc_id)
    # Acknowledged late: the message is still in Redis, unacknowledged, not lost.
    assert len(unacked_with(queue, task_id)) == 1, (queue.hgetall("unacked"), worker_logs(faults))

    second = faults["start_worker"](pool="solo", target="search.indexing:sync_elasticsearch")
    waiting(faults, lambda: trace.lines("done"), 90, "the second worker to index the practice after the visibility timeout")
    backend.refresh()
    document = backend.admin_client.get(index=backend.alias, id=doc_id)
    assert document["_source"]["title"] == "Práctica indexada tras la caída de un worker"

    # Let more than two visibility timeouts (and kombu's 10 s restore cycle) pass: no third run.
    time.sleep(2 * VISIBILITY_TIMEOUT + 12)
    starts, dones = trace.lines("start"), trace.lines("done")
    assert [line[1] for line in starts] == [str(first.pid), str(second.pid)], (starts, worker_logs(faults))
    assert [line[1:4] for line in dones] == [[str(second.pid), str(page.pk), "indexed"]], dones
    assert backend.admin_client.get(index=backend.alias, id=doc_id)["_version"] == 1  # written once
    # Acknowledged, nothing of it left.
    assert unacked_with(queue, task_id) == [] and queue.llen(faults["queue"]) == 0, queue.hgetall("unacked")
    assert second.poll() is None


def test_a_pool_process_killed_mid_notification_the_e_mail_is_sent_once(faults):
    page = new_practice(title="Práctica devuelta", submitter_email="proponente@enlace.example")
    trace, mail_dir = faults["trace"], faults["mail_dir"]

    from workflows.models import Notification

    notification = Notification.objects.create(
        email="proponente@enlace.example",
        category="moderation",
        event="submission_sent_back",
        page=page,
        params={"kind": "practice", "title": page.title, "comment": "Falta la fuente."},
    )  # a public submitter's: e-mailed at once
    send(faults, "workflows.deliver_notifications", [notification.pk])
    worker = faults["start_worker"](pool="prefork", target="workflows.tasks:send")
    started = waiting(faults, lambda: trace.lines("start"), 90, "a pool process to start sending the e-mail")
    child = int(started[0][1])
    assert child != worker.pid  # a pool process, not the worker
    os.kill(child, signal.SIGKILL)

    def recipients() -> list[str]:
        return [
            line.split(":", 1)[1].strip()
            for f in mail_dir.glob("*.log")
            for line in f.read_text().splitlines()
            if line.startswith("To:")
        ]

    waiting(faults, recipients, 90, "the e-mail, sent by a new pool process")
    time.sleep(2 * VISIBILITY_TIMEOUT + 12)  # no second delivery of the finished task
    assert recipients() == ["proponente@enlace.example"], worker_logs(faults)
    starts = trace.lines("start")
    assert len(starts) == 2 and starts[0][1] == str(child) and starts[1][1] != str(child), starts
    assert len(trace.lines("done")) == 1
    assert worker.poll() is None  # the worker itself survived the loss of its pool process
    assert "WorkerLostError" in (faults["logs"] / "worker1.log").read_text()
