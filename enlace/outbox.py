"""The transactional outbox (SPEC §7): side effects of a change (index updates, notifications)
are rows written in the change's own transaction, then handed to the broker.

* ``enqueue(task_name, *args)`` writes an :class:`OutboxMessage` and, once the transaction
  commits, tries to send it at once (``deliver``). A rollback discards the row with the change.
* A broker that is down at that moment leaves the row pending; ``relay_outbox`` (Celery beat,
  every ``OUTBOX_RELAY_SECONDS``) sends what is pending, oldest first.
* Delivery is at least once; the tasks are idempotent (an index task reloads the item and
  writes its whole document; notifications are keyed by the transition they announce).
* Without a broker (the embedded mode) tasks run eagerly after commit and no row is kept:
  there is no broker to lose them.
"""

from __future__ import annotations

import datetime
import logging
from functools import partial

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .celery import app
from .models import OutboxMessage

logger = logging.getLogger(__name__)


def enqueue(task_name: str, *args) -> None:
    if app.conf.task_always_eager:
        transaction.on_commit(partial(app.tasks[task_name].delay, *args))
        return
    message = OutboxMessage.objects.create(task=task_name, args=list(args))
    transaction.on_commit(partial(deliver, [message.pk]))


def deliver(pks: list[int]) -> int:
    """Send the pending messages ``pks`` over one broker connection; returns how many went."""
    sent = 0
    messages = list(OutboxMessage.objects.filter(pk__in=pks, sent_at__isnull=True).order_by("pk"))
    if not messages:
        return 0
    try:
        with app.connection_for_write() as connection:
            connection.ensure_connection(max_retries=1, timeout=float(settings.OUTBOX_CONNECT_TIMEOUT))
            for message in messages:
                app.send_task(message.task, args=message.args, connection=connection)
                # Claimed only if still pending: two relays never both mark it.
                sent += OutboxMessage.objects.filter(pk=message.pk, sent_at__isnull=True).update(
                    sent_at=timezone.now(), attempts=F("attempts") + 1, last_error=""
                )
    except Exception as error:  # the broker is down: the rows stay pending for the relay
        OutboxMessage.objects.filter(pk__in=pks, sent_at__isnull=True).update(
            attempts=F("attempts") + 1, last_error=f"{type(error).__name__}: {error}"[:2000]
        )
        logger.warning("outbox: %d message(s) left pending (%s)", len(messages) - sent, error)
    return sent


def pending(older_than: float = 0.0):
    cutoff = timezone.now() - datetime.timedelta(seconds=older_than)
    return OutboxMessage.objects.filter(sent_at__isnull=True, created_at__lte=cutoff).order_by("pk")


@app.task(name="enlace.relay_outbox", ignore_result=True)
def relay_outbox(batch: int = 500) -> int:
    """Send what commit-time delivery could not (beat runs this every few seconds). Messages
    younger than a few seconds are left to their own commit-time delivery."""
    pks = list(pending(older_than=float(settings.OUTBOX_RELAY_GRACE_SECONDS)).values_list("pk", flat=True)[:batch])
    return deliver(pks) if pks else 0


def purge_sent(days: int = 7) -> int:
    cutoff = timezone.now() - datetime.timedelta(days=days)
    return OutboxMessage.objects.filter(sent_at__lt=cutoff).delete()[0]
