"""Celery discovers the project's own tasks here."""

from .outbox import relay_outbox

__all__ = ["relay_outbox"]
