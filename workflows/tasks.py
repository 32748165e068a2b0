"""Celery tasks of the workflow: e-mails to approvers and authors, and the daily reminder."""

from __future__ import annotations

import datetime
import smtplib

from celery import shared_task
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.users.models import UserProfile

from cms.taxonomies import REVIEW_ACTIONS, REVIEW_STAGES

from .models import LiaisonReviewTask, LiaisonVote, ReminderSent, ReviewTask, authors_of

User = get_user_model()
RETRY = {
    "autoretry_for": (smtplib.SMTPException, ConnectionError, TimeoutError),
    "retry_backoff": True,
    "retry_jitter": True,
    "max_retries": 8,
    "acks_late": True,
}


def language_of(user) -> str:
    language = UserProfile.get_for_user(user).preferred_language if user.pk else ""
    return language or settings.LANGUAGE_CODE


def workspace_link(item, user) -> str:
    """The item in the workspace (``/espacio/``, in the recipient's language): everyone who is
    told about an item can open it there, whether or not they may use the admin."""
    from django.urls import reverse

    with translation.override(language_of(user)):
        path = reverse("workspace:recommendation", args=[item.pk])
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{path}"


def send(user, template: str, context: dict) -> None:
    """One e-mail, rendered in the recipient's language."""
    if not user.email:
        return
    with translation.override(language_of(user)):
        context = {**context, "user": user}
        subject = render_to_string(f"workflows/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"workflows/email/{template}_body.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])


def _waiting(item) -> tuple[TaskState | None, ReviewTask | None]:
    state = WorkflowState.objects.for_instance(item).filter(status=WorkflowState.STATUS_IN_PROGRESS).first()
    if state is None or state.current_task_state is None:
        return None, None
    return state.current_task_state, state.current_task_state.task.specific


def _pending_approvers(item, task_state, task):
    approvers = task.approvers(item)
    if isinstance(task, LiaisonReviewTask):
        approvers = approvers.exclude(pk__in=LiaisonVote.objects.filter(task_state=task_state).values("user"))
    return approvers


@shared_task(name="workflows.notify_approvers", **RETRY)
def notify_approvers(item_id: int) -> int:
    """Tell the approvers of the item's current stage that it waits for them."""
    item = Page.objects.filter(pk=item_id).first()
    if item is None:
        return 0
    item = item.specific
    task_state, task = _waiting(item)
    if task is None:
        return 0
    sent = 0
    for user in _pending_approvers(item, task_state, task):
        with translation.override(language_of(user)):
            stage = REVIEW_STAGES.label(task.stage) if task.stage in REVIEW_STAGES else task.name
        send(user, "stage_reached", {"item": item, "stage": stage, "link": workspace_link(item, user)})
        sent += 1
    return sent


@shared_task(name="workflows.notify_authors", **RETRY)
def notify_authors(item_id: int, action: str, stage: str, actor_id: int | None, comment: str) -> int:
    """Tell the authors of every decision on their item."""
    item = Page.objects.filter(pk=item_id).first()
    if item is None:
        return 0
    item = item.specific
    actor = User.objects.filter(pk=actor_id).first()
    sent = 0
    for user in User.objects.filter(pk__in=authors_of(item), is_active=True).exclude(pk=actor_id):
        with translation.override(language_of(user)):
            context = {
                "item": item,
                "action": REVIEW_ACTIONS.label(action),
                "stage": REVIEW_STAGES.label(stage) if stage in REVIEW_STAGES else stage,
                "actor": actor.get_full_name() or actor.get_username() if actor else "",
                "comment": comment,
                "link": workspace_link(item, user),
            }
        send(user, "decision", context)
        sent += 1
    return sent


@shared_task(name="workflows.notify_withdrawal", **RETRY)
def notify_withdrawal(item_id: int, approver_ids: list[int], actor_id: int | None, reason: str) -> int:
    """An item withdrawn while it waited for these approvers: it left their queue."""
    item = Page.objects.filter(pk=item_id).first()
    if item is None:
        return 0
    item = item.specific
    actor = User.objects.filter(pk=actor_id).first()
    sent = 0
    for user in User.objects.filter(pk__in=approver_ids, is_active=True):
        with translation.override(language_of(user)):
            context = {
                "item": item, "action": REVIEW_ACTIONS.label("withdraw"), "stage": "",
                "actor": actor.get_full_name() or actor.get_username() if actor else "", "comment": reason,
                "link": workspace_link(item, user),
            }  # fmt: skip
        send(user, "decision", context)
        sent += 1
    return sent


@shared_task(name="workflows.notify_submitter", **RETRY)
def notify_submitter(item_id: int, comment: str) -> int:
    """A practice sent back: tell whoever proposed it (a member, or the public by e-mail)."""
    item = Page.objects.filter(pk=item_id).first()
    if item is None:
        return 0
    item = item.specific
    recipient = item.owner or User(email=item.submitter_email, username="")
    if not recipient.email:
        return 0
    send(recipient, "sent_back", {"item": item, "comment": comment})
    return 1


@shared_task(name="workflows.send_reminders", **RETRY)
def send_reminders() -> int:
    """Daily: remind the approvers of items waiting longer than REVIEW_REMINDER_DAYS days.
    Idempotent per day: a second run the same day sends nothing."""
    cutoff = timezone.now() - datetime.timedelta(days=settings.REVIEW_REMINDER_DAYS)
    today = timezone.localdate()
    waiting = TaskState.objects.filter(
        status=TaskState.STATUS_IN_PROGRESS,
        workflow_state__status=WorkflowState.STATUS_IN_PROGRESS,
        started_at__lt=cutoff,
    ).select_related("workflow_state")
    sent = 0
    for task_state in waiting:
        task = task_state.task.specific
        if not isinstance(task, ReviewTask):
            continue
        try:
            with transaction.atomic():
                ReminderSent.objects.create(task_state=task_state, sent_on=today)
        except IntegrityError:
            continue  # already reminded today
        item = Page.objects.get(pk=task_state.workflow_state.object_id).specific
        days = (timezone.now() - task_state.started_at).days
        for user in _pending_approvers(item, task_state, task):
            send(user, "reminder", {"item": item, "days": days, "link": workspace_link(item, user)})
            sent += 1
    return sent


def _follow_up_recipients(recommendation):
    """The recommendation's authors, its table's secretariat and its followers."""
    from cms.models import RecommendationFollower

    from .roles import group_name

    ids = set(authors_of(recommendation))
    if recommendation.table:
        ids |= set(User.objects.filter(groups__name=group_name("secretariat", recommendation.table)).values_list("pk", flat=True))
    ids |= set(RecommendationFollower.objects.filter(recommendation=recommendation).values_list("user_id", flat=True))
    return User.objects.filter(pk__in=ids, is_active=True).order_by("pk")


@shared_task(name="workflows.notify_follow_up", **RETRY)
def notify_follow_up(report_id: int, previous_status: str) -> int:
    """A published report changed a recommendation's status in a country: tell who cares."""
    from cms.models import FollowUpReport
    from cms.taxonomies import FOLLOW_UP_SCOPES, FOLLOW_UP_STATUSES

    report = FollowUpReport.objects.filter(pk=report_id, review_status="published").select_related("recommendation").first()
    if report is None:
        return 0
    item = report.recommendation
    sent = 0
    for user in _follow_up_recipients(item):
        with translation.override(language_of(user)):
            context = {
                "item": item,
                "country": FOLLOW_UP_SCOPES.label(report.country),
                "status": FOLLOW_UP_STATUSES.label(report.status),
                "previous": FOLLOW_UP_STATUSES.label(previous_status) if previous_status in FOLLOW_UP_STATUSES else "",
                "actor": report.actor,
                "date": report.date.isoformat(),
                "description": report.description,
                "link": item.full_url or "",
            }
        send(user, "follow_up", context)
        sent += 1
    return sent


@shared_task(name="workflows.notify_follow_up_reporter", **RETRY)
def notify_follow_up_reporter(report_id: int) -> int:
    """A report sent back: tell whoever made it (a member, or the public by e-mail)."""
    from cms.models import FollowUpReport
    from cms.taxonomies import FOLLOW_UP_SCOPES

    report = FollowUpReport.objects.filter(pk=report_id, review_status="sent_back").select_related("recommendation", "reporter").first()
    if report is None:
        return 0
    recipient = report.reporter or User(email=report.reporter_email, username="")
    if not recipient.email:
        return 0
    with translation.override(language_of(recipient)):
        country = FOLLOW_UP_SCOPES.label(report.country)
    send(recipient, "follow_up_sent_back", {"item": report.recommendation, "country": country, "comment": report.review_comment})
    return 1


@shared_task(name="workflows.notify_drafting", **RETRY)
def notify_drafting(event: str, item_id: int, actor_id: int | None, object_id: int) -> int:
    """Drafting together: an amendment proposed (to the authors) or decided (to its proposer), an
    invitation to co-author (to the invitee), a comment on a draft (to the authors)."""
    from .models import Amendment, CoAuthorInvitation, DraftComment

    item = Page.objects.filter(pk=item_id).first()
    if item is None:
        return 0
    item = item.specific
    actor = User.objects.filter(pk=actor_id).first()
    if event == "invited":
        invitation = CoAuthorInvitation.objects.filter(pk=object_id, state=CoAuthorInvitation.PENDING).first()
        recipients, text = ([invitation.invitee] if invitation else []), ""
    elif event == "commented":
        comment = DraftComment.objects.filter(pk=object_id).first()
        recipients = User.objects.filter(pk__in=authors_of(item), is_active=True).exclude(pk=actor_id) if comment else []
        text = comment.body if comment else ""
    else:
        amendment = Amendment.objects.filter(pk=object_id).first()
        if amendment is None:
            return 0
        if event == "amendment_proposed":
            recipients, text = User.objects.filter(pk__in=authors_of(item), is_active=True).exclude(pk=actor_id), amendment.justification
        else:
            recipients, text = [amendment.proposer], amendment.reason
    sent = 0
    for user in recipients:
        context = {"item": item, "event": event, "actor": actor.get_full_name() or actor.get_username() if actor else "",
                   "text": text, "link": workspace_link(item, user)}  # fmt: skip
        send(user, "drafting", context)
        sent += 1
    return sent
