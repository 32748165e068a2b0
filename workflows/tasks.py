"""Celery tasks of notifications: deliver the ones wanted at once, the digests (daily, weekly), and
the daily reminder. Every e-mail is rendered in its recipient's language from the notification's
row (``workflows.notifications``), links to the workspace, and carries a one-click unsubscribe
from its category (a signed link, no login; ``List-Unsubscribe``)."""

from __future__ import annotations

import datetime
import smtplib

from celery import shared_task
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import TaskState, WorkflowState
from wagtail.users.models import UserProfile

from cms.taxonomies import FOLLOW_UP_SCOPES, FOLLOW_UP_STATUSES, REVIEW_ACTIONS, REVIEW_STAGES

from .models import LiaisonReviewTask, LiaisonVote, Notification, ReminderSent, ReviewTask, authors_of

User = get_user_model()
RETRY = {
    "autoretry_for": (smtplib.SMTPException, ConnectionError, TimeoutError),
    "retry_backoff": True,
    "retry_jitter": True,
    "max_retries": 8,
    "acks_late": True,
}
UNSUBSCRIBE_SALT = "workflows.notifications.unsubscribe"


def language_of(user) -> str:
    language = ""
    if user and user.pk:
        try:  # the reverse accessor: read once per user object, then kept on it
            language = user.wagtail_userprofile.preferred_language
        except UserProfile.DoesNotExist:
            pass
    return language or settings.LANGUAGE_CODE


def absolute(path: str) -> str:
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{path}"


def workspace_link(item, user) -> str:
    """The item in the workspace (``/espacio/``, in the recipient's language): everyone who is
    told about an item can open it there, whether or not they may use the admin."""
    with translation.override(language_of(user)):
        return absolute(reverse("workspace:recommendation", args=[item.pk]))


def unsubscribe_token(user, category: str) -> str:
    return signing.dumps({"u": user.pk, "c": category}, salt=UNSUBSCRIBE_SALT)


def unsubscribe_link(user, category: str) -> str:
    with translation.override(language_of(user)):
        return absolute(reverse("workspace:unsubscribe", args=[unsubscribe_token(user, category)]))


def send(recipient, template: str, context: dict, *, category: str = "") -> None:
    """One e-mail, rendered in the recipient's language (``recipient``: a user, or an unsaved one
    with only an address for the public)."""
    if not recipient.email:
        return
    with translation.override(language_of(recipient)):
        context = {**context, "user": recipient}
        if category and recipient.pk:
            context["unsubscribe"] = unsubscribe_link(recipient, category)
        subject = render_to_string(f"workflows/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"workflows/email/{template}_body.txt", context)
        html = render_to_string(f"workflows/email/{template}_body.html", context) if template == "digest" else None
        if context.get("unsubscribe") and template != "digest":
            body += "\n" + render_to_string("workflows/email/unsubscribe.txt", context)
    headers = {}
    if context.get("unsubscribe"):  # RFC 8058 one-click unsubscribe
        headers = {"List-Unsubscribe": f"<{context['unsubscribe']}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
    message = EmailMultiAlternatives(
        " ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, [recipient.email], headers=headers
    )
    if html:
        message.attach_alternative(html, "text/html")
    message.send()


# --- Who is waited for -----------------------------------------------------------------------


def waiting(item) -> tuple[TaskState | None, ReviewTask | None]:
    state = WorkflowState.objects.for_instance(item).filter(status=WorkflowState.STATUS_IN_PROGRESS).first()
    if state is None or state.current_task_state is None:
        return None, None
    return state.current_task_state, state.current_task_state.task.specific


def pending_approvers(item, task_state, task):
    approvers = task.approvers(item)
    if isinstance(task, LiaisonReviewTask):
        approvers = approvers.exclude(pk__in=LiaisonVote.objects.filter(task_state=task_state).values("user"))
    return approvers


def follow_up_recipients(recommendation):
    """The recommendation's authors, its table's secretariat and its followers."""
    from cms.models import RecommendationFollower

    from .roles import group_name

    ids = set(authors_of(recommendation))
    if recommendation.table:
        ids |= set(User.objects.filter(groups__name=group_name("secretariat", recommendation.table)).values_list("pk", flat=True))
    ids |= set(RecommendationFollower.objects.filter(recommendation=recommendation).values_list("user_id", flat=True))
    return User.objects.filter(pk__in=ids, is_active=True).order_by("pk")


# --- What a notification says ------------------------------------------------------------------

# event → the e-mail template that says it (subject and body), and what its context needs.
TEMPLATES = {
    "stage_reached": "stage_reached",
    "decision": "decision",
    "withdrawn": "decision",
    "reminder": "reminder",
    "submission_sent_back": "sent_back",
    "submission_published": "published",
    "practice_submitted": "to_moderate",
    "follow_up_submitted": "to_moderate",
    "follow_up_changed": "follow_up",
    "amendment_proposed": "drafting",
    "amendment_accepted": "drafting",
    "amendment_rejected": "drafting",
    "invited": "drafting",
    "draft_commented": "drafting",
    "contribution_added": "table_activity",
    "contribution_commented": "table_activity",
}


def context_of(notification: Notification, recipient, items: dict | None = None) -> dict:
    """What the templates need, in the recipient's language (called inside its override).
    ``items``: the notifications' pages already loaded (specific), by id."""
    params = notification.params
    item = None
    if notification.page_id:
        item = items.get(notification.page_id) if items is not None else notification.page.specific
    stage = params.get("stage", "")
    context = {
        "notification": notification,
        "event": notification.event,
        "item": item,
        "title": params.get("title", ""),
        "actor": params.get("actor", ""),
        "comment": params.get("comment", ""),
        "text": params.get("comment", ""),
        "stage": REVIEW_STAGES.label(stage) if stage in REVIEW_STAGES else stage,
        "days": params.get("days"),
        "kind": params.get("kind", ""),
    }
    if notification.event == "withdrawn":
        context["action"] = REVIEW_ACTIONS.label("withdraw")
    elif "action" in params:
        context["action"] = REVIEW_ACTIONS.label(params["action"]) if params["action"] in REVIEW_ACTIONS else params["action"]
    if "country" in params:
        context["country"] = (
            FOLLOW_UP_SCOPES.label(params["country"]) if params["country"] in FOLLOW_UP_SCOPES else params["country"]
        )
    if "status" in params:
        context["status"] = FOLLOW_UP_STATUSES.label(params["status"])
        context["previous"] = FOLLOW_UP_STATUSES.label(params["previous"]) if params.get("previous") in FOLLOW_UP_STATUSES else ""
        context.update(date=params.get("date", ""), description=params.get("description", ""), actor=params.get("actor", ""))
    context["link"] = link_of(notification, item, recipient)
    return context


def link_of(notification: Notification, item, recipient) -> str:
    from cms.models import RecommendationPage

    if notification.event in ("practice_submitted", "follow_up_submitted"):
        return absolute("/admin/")  # curators and the network review in the admin
    if notification.event in ("submission_published", "follow_up_changed"):
        return absolute(item.url) if item is not None and item.url else ""
    if isinstance(item, RecommendationPage):
        return workspace_link(item, recipient)
    with translation.override(language_of(recipient)):
        if "contribution" in notification.params:
            return absolute(reverse("workspace:contribution", args=[notification.params["contribution"]]))
        return absolute(reverse("workspace:home"))


def template_of(notification: Notification) -> str:
    if notification.event == "submission_sent_back" and notification.params.get("kind") == "follow_up":
        return "follow_up_sent_back"
    return TEMPLATES[notification.event]


def recipient_of(notification: Notification):
    return notification.recipient or User(email=notification.email, username="")


@shared_task(name="workflows.deliver_notifications", **RETRY)
def deliver_notifications(notification_ids: list[int]) -> int:
    """E-mail each notification wanted at once (one e-mail each). Idempotent: a notification
    already sent is skipped, and each is marked in the transaction that sends it."""
    sent = 0
    for pk in notification_ids:
        with transaction.atomic():
            notification = (
                Notification.objects.select_for_update(skip_locked=True, of=("self",))
                .select_related("recipient", "page")
                .filter(pk=pk, sent_at=None)
                .first()
            )
            if notification is None:
                continue
            recipient = recipient_of(notification)
            with translation.override(language_of(recipient)):
                context = context_of(notification, recipient)
            send(
                recipient, template_of(notification), context, category=notification.category if notification.recipient_id else ""
            )
            notification.sent_at = timezone.now()
            notification.save(update_fields=["sent_at"])
            sent += 1
    return sent


@shared_task(name="workflows.send_digests", **RETRY)
def send_digests() -> int:
    """Beat's digest pass (``workflows.digests.send_due``): the same code as ``send_digests``."""
    from .digests import send_due

    return send_due()


@shared_task(name="workflows.send_reminders", **RETRY)
def send_reminders() -> int:
    """Daily: remind the approvers of items waiting longer than REVIEW_REMINDER_DAYS days.
    Idempotent per day: a second run the same day records nothing."""
    from . import notifications

    cutoff = timezone.now() - datetime.timedelta(days=settings.REVIEW_REMINDER_DAYS)
    today = timezone.localdate()
    waiting_states = TaskState.objects.filter(
        status=TaskState.STATUS_IN_PROGRESS,
        workflow_state__status=WorkflowState.STATUS_IN_PROGRESS,
        started_at__lt=cutoff,
    ).select_related("workflow_state")
    reminded = 0
    for task_state in waiting_states:
        task = task_state.task.specific
        if not isinstance(task, ReviewTask):
            continue
        with transaction.atomic():
            try:
                with transaction.atomic():
                    ReminderSent.objects.create(task_state=task_state, sent_on=today)
            except IntegrityError:
                continue  # already reminded today
            item = task_state.workflow_state.content_object.specific
            days = (timezone.now() - task_state.started_at).days
            approvers = list(pending_approvers(item, task_state, task))
            notifications.reminder(item, approvers, days)
            reminded += len(approvers)
    return reminded
