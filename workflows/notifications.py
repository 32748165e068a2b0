"""Who is told what. Each notification is a Celery task written to the transactional outbox
(``enlace.outbox``) in the transition's own transaction: a transition that rolls back notifies
nobody, and a broker outage at commit time loses nothing. Pass primary keys only: the task
reloads what it needs."""

from enlace import outbox


def _enqueue(task, *args) -> None:
    outbox.enqueue(task.name, *args)


def approvers_of_stage(item) -> None:
    """The approvers of the stage the item has just reached."""
    from .tasks import notify_approvers

    _enqueue(notify_approvers, item.pk)


def authors_on_decision(item, action: str, stage: str, actor, comment: str) -> None:
    from .tasks import notify_authors

    _enqueue(notify_authors, item.pk, action, stage, actor.pk if actor else None, comment)


def approvers_on_withdrawal(item, approver_ids: list[int], actor, reason: str) -> None:
    """The approvers an item was waiting for: it left their queue."""
    from .tasks import notify_withdrawal

    if approver_ids:
        _enqueue(notify_withdrawal, item.pk, approver_ids, actor.pk if actor else None, reason)


def submitter_sent_back(item, actor, comment: str) -> None:
    from .tasks import notify_submitter

    _enqueue(notify_submitter, item.pk, comment)


def follow_up_changed(report, previous_status: str) -> None:
    """A published report changed a recommendation's current status in a scope."""
    from .tasks import notify_follow_up

    _enqueue(notify_follow_up, report.pk, previous_status)


def follow_up_sent_back(report) -> None:
    from .tasks import notify_follow_up_reporter

    _enqueue(notify_follow_up_reporter, report.pk)


# --- Drafting together (workflows/drafting.py) ----------------------------------------------


def amendment_proposed(amendment) -> None:
    """The item's authors: an amendment waits for their decision."""
    from .tasks import notify_drafting

    _enqueue(notify_drafting, "amendment_proposed", amendment.recommendation_id, amendment.proposer_id, amendment.pk)


def amendment_decided(amendment) -> None:
    """The proposer: their amendment was accepted or rejected."""
    from .tasks import notify_drafting

    _enqueue(notify_drafting, f"amendment_{amendment.state}", amendment.recommendation_id, amendment.decided_by_id, amendment.pk)


def invited(invitation) -> None:
    """The invitee: an invitation to co-author waits for their answer."""
    from .tasks import notify_drafting

    _enqueue(notify_drafting, "invited", invitation.recommendation_id, invitation.invited_by_id, invitation.pk)


def draft_commented(comment) -> None:
    """The item's authors (but the commenter): a new comment on their draft."""
    from .tasks import notify_drafting

    _enqueue(notify_drafting, "commented", comment.recommendation_id, comment.author_id, comment.pk)
