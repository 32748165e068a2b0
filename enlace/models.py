from django.db import models


class OutboxMessage(models.Model):
    """A Celery task to send, written in the same transaction as the change that caused it, so
    a broker outage at that moment loses nothing (``enlace.outbox``)."""

    task = models.CharField(max_length=200)
    args = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    sent_at = models.DateTimeField(null=True, blank=True, db_index=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["pk"]
        indexes = [models.Index(fields=["sent_at", "created_at"], name="outbox_pending")]

    def __str__(self) -> str:
        return f"{self.task}{tuple(self.args)} ({'sent' if self.sent_at else 'pending'})"
