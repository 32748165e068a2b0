"""Who is told what, enqueued as Celery tasks only once the transaction commits (a transition
that rolls back notifies nobody). Pass primary keys only: the task reloads what it needs."""

from functools import partial

from django.db import transaction


def _enqueue(task, *args) -> None:
    transaction.on_commit(partial(task.delay, *args))


def approvers_of_stage(item) -> None:
    """The approvers of the stage the item has just reached."""
    from .tasks import notify_approvers

    _enqueue(notify_approvers, item.pk)


def authors_on_decision(item, action: str, stage: str, actor, comment: str) -> None:
    from .tasks import notify_authors

    _enqueue(notify_authors, item.pk, action, stage, actor.pk if actor else None, comment)


def submitter_sent_back(item, actor, comment: str) -> None:
    from .tasks import notify_submitter

    _enqueue(notify_submitter, item.pk, comment)
