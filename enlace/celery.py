"""The Celery application. Configuration comes from Django settings (``CELERY_*``)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "enlace.settings")

app = Celery("enlace")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.task(name="enlace.ping")
def ping() -> str:
    """Round trip through the broker: used by readiness checks and the broker test."""
    return "pong"
