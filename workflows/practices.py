"""Moderation of practices: proposed by members or the public, published by curators (and the
Red Regional) through the practice moderation workflow. Like every service, each transition
runs in a transaction holding a row lock on the item and raises the domain's errors."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import TaskState

from cms.models import PracticeIndexPage, PracticePage

from . import notifications, recommendations
from .errors import CommentRequired
from .setup import practice_moderation_workflow

PRACTICE_FIELDS = (
    "title",
    "summary",
    "body",
    "countries",
    "objectives",
    "principles",
    "table",
    "stakeholder_groups",
    "level",
    "populations",
    "other_implementers",
    "start_year",
    "end_year",
    "status",
    "results",
    "lessons_learned",
    "contact",
    "language",
)


@transaction.atomic
def practice_submit(*, user=None, submitter_email: str = "", data: dict) -> PracticePage:
    """A practice proposed by a member or the public: a draft under the repository, in review.
    Raises ``ValidationError`` with field errors for bad input; nothing is saved then."""
    unknown = set(data) - set(PRACTICE_FIELDS)
    if unknown:
        raise ValidationError({name: _("Unknown field.") for name in unknown})
    anonymous = not (user and user.is_authenticated)
    if anonymous and not submitter_email:
        raise ValidationError({"submitter_email": _("An e-mail address is required.")})
    repository = PracticeIndexPage.objects.originals().get()
    page = PracticePage(owner=None if anonymous else user, live=False, submitter_email=submitter_email, **data)
    page.slug = recommendations.unique_slug(repository, page.title or "practica")
    repository.add_child(instance=page)
    page.save_revision(user=None if anonymous else user)
    practice_moderation_workflow().start(page, None if anonymous else user)
    notifications.practice_submitted(page)
    return page


@transaction.atomic
def practice_publish(*, item: PracticePage, user, comment: str = "") -> PracticePage:
    item = recommendations.locked(item)
    task_state, task = recommendations.acting_task(item, user)
    TaskState.approve(task_state, user=user, comment=comment)  # finishes the workflow: published
    recommendations.record(item, "publish", user, stage=task.stage, comment=comment)
    notifications.submitter_published(item, user)
    return PracticePage.objects.get(pk=item.pk)


@transaction.atomic
def practice_send_back(*, item: PracticePage, user, comment: str) -> PracticePage:
    comment = (comment or "").strip()
    if not comment:
        raise CommentRequired(_("A comment is required to send a practice back."))
    item = recommendations.locked(item)
    task_state, task = recommendations.acting_task(item, user)
    TaskState.reject(task_state, user=user, comment=comment)
    task_state.workflow_state.refresh_from_db()
    task_state.workflow_state.cancel(user=user)
    recommendations.record(item, "request_changes", user, stage=task.stage, comment=comment)
    notifications.submitter_sent_back(item, user, comment)
    return item
