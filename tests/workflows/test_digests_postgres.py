"""Digests exactly once (issue #18), on PostgreSQL with real concurrent transactions: two digest
runs at the same time, and a run killed in the middle then run again, send each notification in
exactly one e-mail (the e-mails are counted)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import Counter

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import connection

from tests.conftest import ROOT
from tests.services import database_url, unavailable
from tests.workflows.test_concurrency import race
from workflows.digests import send_due
from workflows.models import Notification, NotificationSettings

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
PEOPLE, EACH = 6, 3


@pytest.fixture
def waiting():
    """Six people with a daily digest due, three notifications each, and nothing else waiting
    (whatever an earlier test left in the database)."""
    if connection.vendor != "postgresql":
        unavailable("PostgreSQL (DATABASE_URL)")
    Notification.objects.all().delete()
    titles = []
    for i in range(PEOPLE):
        user = get_user_model().objects.create_user(f"persona{i}", f"persona{i}@enlace.example", "una-clave-larga")
        NotificationSettings.objects.create(user=user)  # defaults: table activity in a daily digest
        for j in range(EACH):
            title = f"Aporte {i}-{j}"
            Notification.objects.create(
                recipient=user,
                category="table_activity",
                event="contribution_added",
                table="1",
                params={"title": title, "actor": "Ana", "contribution": 100 * i + j},
            )
            titles.append(title)
    return titles


def counted(bodies: list[str], titles: list[str]) -> Counter:
    return Counter(title for body in bodies for title in titles if re.search(rf"{re.escape(title)}\b", body))


def test_two_digest_runs_at_once_send_each_notification_once(waiting):
    mail.outbox.clear()
    results = race(lambda: send_due(force=True), lambda: send_due(force=True))
    assert sum(results) == PEOPLE, results  # between them, one digest per person
    assert sorted(message.to[0] for message in mail.outbox) == sorted(f"persona{i}@enlace.example" for i in range(PEOPLE))
    assert counted([m.body for m in mail.outbox], waiting) == Counter({title: 1 for title in waiting})
    assert not Notification.objects.filter(sent_at=None).exists()


def test_a_run_killed_in_the_middle_and_run_again_sends_each_notification_once(waiting, tmp_path):
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "EMAIL_BACKEND": "tests.platform.dying_mail.EmailBackend",
        "EMAIL_FILE_PATH": str(tmp_path),
        "CELERY_TASK_ALWAYS_EAGER": "1",
    }
    env.pop("CELERY_BROKER_URL", None)
    command = [sys.executable, "manage.py", "send_digests", "--now"]
    killed = subprocess.run(
        command, cwd=ROOT, env={**env, "ENLACE_TEST_DIE_AT": "4"}, capture_output=True, text=True, timeout=120
    )
    assert killed.returncode == -9, killed.stderr[-2000:]  # SIGKILL while sending the fourth digest
    assert len(list(tmp_path.iterdir())) == 3
    assert Notification.objects.filter(sent_at=None).count() == (PEOPLE - 3) * EACH  # the rest still waits
    again = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr[-2000:]
    bodies = [path.read_text() for path in tmp_path.iterdir()]
    assert len(bodies) == PEOPLE
    assert counted(bodies, waiting) == Counter({title: 1 for title in waiting})
    assert not Notification.objects.filter(sent_at=None).exists()
