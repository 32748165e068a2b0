"""The domain's errors: a request the rules refuse. Each carries the HTTP status an edge answers
with (``enlace.api`` turns them into responses, the site into messages) and, where one field is
at fault, its name."""

from __future__ import annotations

from django.utils.translation import gettext as _


class WorkflowError(Exception):
    """A request the rules refuse. ``status_code`` is what an HTTP edge answers."""

    status_code = 400

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


class NotAllowed(WorkflowError):
    status_code = 403


class InvalidTransition(WorkflowError):
    status_code = 409


class CommentRequired(WorkflowError):
    def __init__(self, message: str = ""):
        super().__init__(message or _("A comment is required to request changes."), field="comment")
