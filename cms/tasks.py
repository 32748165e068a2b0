"""Celery tasks of the content: the nightly open-data download (beat's ``open-data`` entry)."""

from __future__ import annotations

import logging

from celery import shared_task

logger = logging.getLogger(__name__)


@shared_task(name="cms.build_open_data", acks_late=True)
def build_open_data() -> dict[str, int]:
    """Rebuilds the open-data zip (``cms.opendata.build``); returns the row count of each file."""
    from . import opendata

    about = opendata.build()
    counts = {file["name"]: file["rows"] for file in about["files"]}
    logger.info("open data built: %s", counts)
    return counts
