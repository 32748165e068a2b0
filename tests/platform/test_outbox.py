"""The transactional outbox: side effects are written with the change, sent after commit, kept
when the broker is down, relayed when it is back (real Redis; a closed port for "down"). The
people are made here (``tests/factories.py``), never the demo world's."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.db import connection, transaction

from enlace.celery import app
from enlace.models import OutboxMessage
from enlace.outbox import deliver, relay_outbox
from tests import factories
from tests.conftest import ROOT
from tests.services import database_url, unavailable
from workflows import recommendations
from workflows.models import Notification

CLOSED = "redis://127.0.0.1:9/0"


@pytest.fixture
def broker():
    """Switch the in-process app to a real broker (not eager) for the test: ``broker(url)``."""
    saved = {key: app.conf[key] for key in ("broker_url", "task_always_eager")}

    def use(url):
        app.conf.update(broker_url=url, task_always_eager=False)

    yield use
    app.conf.update(saved)


@pytest.mark.django_db
def test_messages_are_written_with_the_change_and_not_when_it_rolls_back(broker, django_capture_on_commit_callbacks):
    delegate = factories.user("delegate", table="1")
    broker(CLOSED)
    item = recommendations.recommendation_create(user=delegate, table="1", title="Con outbox", text="T")
    with django_capture_on_commit_callbacks(execute=False):
        with pytest.raises(RuntimeError):
            with transaction.atomic():
                recommendations.recommendation_submit(item=item, user=delegate)
                assert OutboxMessage.objects.filter(task="workflows.deliver_notifications").count() == 1
                raise RuntimeError("rolled back")
    assert not OutboxMessage.objects.exists()


@pytest.mark.django_db
def test_a_broker_down_at_commit_leaves_the_messages_pending(broker, django_capture_on_commit_callbacks):
    delegate = factories.user("delegate", table="1")
    broker(CLOSED)
    item = recommendations.recommendation_create(user=delegate, table="1", title="Con outbox", text="T")
    with django_capture_on_commit_callbacks(execute=True):
        item = recommendations.recommendation_submit(item=item, user=delegate)
    assert item.status == "in_review"  # the transition itself succeeded
    message = OutboxMessage.objects.get(task="workflows.deliver_notifications")
    assert message.sent_at is None and message.attempts == 1 and message.last_error
    waiting = Notification.objects.filter(page=item, event="stage_reached", sent_at=None)
    assert message.args == [sorted(waiting.values_list("pk", flat=True))] and waiting.exists()


@pytest.mark.redis
@pytest.mark.django_db
def test_pending_messages_are_relayed_once_the_broker_is_back(broker, redis_url, django_capture_on_commit_callbacks):
    import redis

    delegate = factories.user("delegate", table="1")

    queue = f"outbox-test-{uuid.uuid4().hex[:8]}"
    app.conf.task_default_queue, saved_queue = queue, app.conf.task_default_queue
    try:
        broker(CLOSED)
        item = recommendations.recommendation_create(user=delegate, table="1", title="Relevo", text="T")
        with django_capture_on_commit_callbacks(execute=True):
            recommendations.recommendation_submit(item=item, user=delegate)
        pending = list(OutboxMessage.objects.filter(sent_at__isnull=True).values_list("pk", flat=True))
        assert pending
        broker(redis_url)
        assert deliver(pending) == len(pending)
        assert deliver(pending) == 0  # already sent: never twice
        assert relay_outbox() == 0
        assert redis.Redis.from_url(redis_url).llen(queue) == len(pending)
    finally:
        app.conf.task_default_queue = saved_queue
        redis.Redis.from_url(redis_url).delete(queue)


@pytest.fixture
def worker_on_test_database(redis_url, tmp_path):
    """A real worker process on the real broker, reading the test database (committed data)."""
    url = database_url()
    mail_dir = tmp_path / "mail"
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SECRET_KEY": "worker-test",
        "CELERY_BROKER_URL": redis_url,
        "CELERY_RESULT_BACKEND": redis_url,
        "CELERY_TASK_ALWAYS_EAGER": "0",
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(mail_dir),
    }
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "enlace",
            "worker",
            "--pool=solo",
            "--without-gossip",
            "--without-mingle",
            "--loglevel=WARNING",
            f"--hostname=outbox-{uuid.uuid4().hex[:6]}@%h",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    yield mail_dir
    worker.terminate()
    worker.wait(timeout=20)


@pytest.mark.postgres
@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_broker_outage_during_a_transition_loses_no_notification(broker, redis_url, worker_on_test_database, settings):
    import time
    from io import StringIO

    from django.core.management import call_command

    if connection.vendor != "postgresql":
        unavailable("PostgreSQL (DATABASE_URL)")
    call_command("setup_site", stdout=StringIO())  # transactional tests start from an empty database
    delegate, reviewers = factories.user("delegate", table="1"), factories.Reviewers("1")
    OutboxMessage.objects.all().delete()
    broker(CLOSED)  # Redis unreachable at the moment of the transition
    item = recommendations.recommendation_create(user=delegate, table="1", title="Durante la caída", text="T")
    item = recommendations.recommendation_submit(item=item, user=delegate)
    item = recommendations.recommendation_approve(item=item, user=reviewers.secretariat)
    assert (item.status, item.stage) == ("in_review", "liaison")
    pending = OutboxMessage.objects.filter(sent_at__isnull=True)
    expected = pending.count()
    assert expected >= 3  # table approvers, then liaison approvers and the author
    broker(redis_url)  # Redis is back: the relay sends everything
    settings.OUTBOX_RELAY_GRACE_SECONDS = 3600
    assert relay_outbox.run() == 0  # younger than the grace period: left to commit-time delivery
    settings.OUTBOX_RELAY_GRACE_SECONDS = 0
    assert relay_outbox.run() == expected
    deadline = time.monotonic() + 60
    mail_dir: Path = worker_on_test_database
    expected_recipients = {reviewers.liaisons[0].email, reviewers.liaisons[1].email, delegate.email}
    recipients = set()
    while time.monotonic() < deadline and not expected_recipients <= recipients:
        recipients = {
            line.split(":", 1)[1].strip()
            for f in mail_dir.glob("*.log")
            for line in f.read_text().splitlines()
            if line.startswith("To:")
        }
        time.sleep(0.5)
    assert expected_recipients <= recipients
    assert OutboxMessage.objects.filter(sent_at__isnull=True).count() == 0
