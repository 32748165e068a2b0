"""Structured logs and request ids.

* ``RequestIdMiddleware`` takes the request id from the ``X-Request-ID`` header when it is a
  short token of safe characters (what a proxy such as nginx's ``$request_id`` sends), or
  makes one; keeps it in a context variable for the duration of the request, and returns it
  in the ``X-Request-ID`` response header.
* ``RequestIdFilter`` (on the handlers) stamps every log record with ``request_id``
  (``-`` outside a request).
* ``JsonFormatter`` writes one JSON object per line: ``time``, ``level``, ``logger``,
  ``message``, ``request_id``, and ``exception`` when the record carries one.

``LOG_FORMAT=json|text`` chooses the formatter (``json`` by default when debug is off).
"""

from __future__ import annotations

import contextvars
import datetime as dt
import json
import logging
import re
import uuid

HEADER = "X-Request-ID"
META_KEY = "HTTP_X_REQUEST_ID"
# Letters, digits and . _ - : only, 1 to 64 characters: safe in a log line and a header.
VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")
NO_REQUEST = "-"

_request_id: contextvars.ContextVar[str | None] = contextvars.ContextVar("enlace_request_id", default=None)


def current_request_id() -> str | None:
    """The id of the request being served in this context, if any."""
    return _request_id.get()


def new_request_id() -> str:
    return uuid.uuid4().hex


def clean_request_id(value: str | None) -> str | None:
    """``value`` when it is an acceptable request id, else None."""
    if value and VALID_REQUEST_ID.match(value):
        return value
    return None


class RequestIdMiddleware:
    """Give each request an id, visible in its log records and its response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = clean_request_id(request.META.get(META_KEY)) or new_request_id()
        request.request_id = request_id
        token = _request_id.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            _request_id.reset(token)
        response[HEADER] = request_id
        return response


class RequestIdFilter(logging.Filter):
    """Adds ``record.request_id`` (the current request's id, or ``-``)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not getattr(record, "request_id", None):
            record.request_id = request_id_of(record)
        return True


def request_id_of(record: logging.LogRecord) -> str:
    """The context's request id; else that of the request attached to the record (Django's
    ``django.request`` records of 4xx/5xx responses are written after the middleware chain
    has returned, with ``extra={"request": request}``); else ``-``."""
    request = getattr(record, "request", None)
    return current_request_id() or getattr(request, "request_id", None) or NO_REQUEST


class JsonFormatter(logging.Formatter):
    """One JSON object per line; never raises on odd messages."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": dt.datetime.fromtimestamp(record.created, tz=dt.UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None) or request_id_of(record),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        elif record.exc_text:
            entry["exception"] = record.exc_text
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"
