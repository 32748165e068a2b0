"""Concurrent decisions with real PostgreSQL transactions, one connection per thread. The site
is set up (``setup_site``: tables, roles, workflows) and the people are made here
(``tests/factories.py``, the ``people`` fixture), never the demo world's."""

import threading
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection, connections
from wagtail.models import TaskState

from tests.services import unavailable
from workflows import recommendations
from workflows.errors import WorkflowError
from workflows.models import LiaisonVote

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def world(people):
    if connection.vendor != "postgresql":
        unavailable("PostgreSQL (DATABASE_URL)")
    call_command("setup_site", stdout=StringIO())  # transactional tests start from an empty database
    # Made now, not on first use inside the racing threads (each would make its own account).
    return {name: people[name] for name in ("delegate1", "secretariat1", "liaison1", "liaison2", "network", "admin")}


def at_liaison(users):
    item = recommendations.recommendation_create(user=users["delegate1"], table="1", title="Concurrente", text="Texto.")
    item = recommendations.recommendation_submit(item=item, user=users["delegate1"])
    return recommendations.recommendation_approve(item=item, user=users["secretariat1"])


def race(*calls):
    """Run the calls at the same instant in threads; return their results or errors."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait()
            results[index] = call()
        except WorkflowError as error:
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def test_two_liaison_approvals_at_once_make_exactly_one_transition(world):
    item = at_liaison(world)
    race(
        lambda: recommendations.recommendation_approve(item=item, user=world["liaison1"]),
        lambda: recommendations.recommendation_approve(item=item, user=world["liaison2"]),
    )
    item.refresh_from_db()
    assert (item.status, item.stage) == ("in_review", "network")
    states = TaskState.objects.filter(workflow_state__object_id=str(item.pk))
    assert states.filter(task__name__icontains="Vinculación", status="approved").count() == 1
    assert states.filter(task__name__icontains="Red Regional", status="in_progress").count() == 1
    history = [(h["stage"], h["action"]) for h in recommendations.history_of(item)]
    assert history.count(("liaison", "vote")) == 2 and history.count(("liaison", "approve")) == 1


def test_a_double_click_counts_once(world):
    item = at_liaison(world)
    results = race(
        lambda: recommendations.recommendation_approve(item=item, user=world["liaison1"]),
        lambda: recommendations.recommendation_approve(item=item, user=world["liaison1"]),
    )
    assert sum(isinstance(r, WorkflowError) for r in results) == 1
    assert LiaisonVote.objects.filter(task_state__workflow_state__object_id=str(item.pk)).count() == 1
    item.refresh_from_db()
    assert item.stage == "liaison"


def test_two_final_approvals_publish_once(world):
    item = at_liaison(world)
    item = recommendations.recommendation_approve(item=item, user=world["liaison1"])
    item = recommendations.recommendation_approve(item=item, user=world["liaison2"])
    admin = world["admin"]
    results = race(
        lambda: recommendations.recommendation_approve(item=item, user=world["network"]),
        lambda: recommendations.recommendation_approve(item=item, user=admin),
    )
    assert sum(isinstance(r, WorkflowError) for r in results) == 1
    item.refresh_from_db()
    assert item.live and item.status == "published"
    assert [h["action"] for h in recommendations.history_of(item)].count("publish") == 1
