"""Events → notifications (issue #18): the one place that decides who is told what.

Each domain event (a workflow decision, an item reaching a stage, a reminder, a contribution or a
comment in a table, an amendment or an invitation, a practice or a follow-up report submitted or
reviewed, a follow-up change) calls a function here, inside the event's own transaction. It writes
one :class:`~workflows.models.Notification` per recipient (the rows are the outbox: a rolled-back
event notifies nobody, a committed one is never lost), never to someone who may not see the item,
and hands those whose recipient wants them at once to the delivery task, through the
transactional outbox (``enlace.outbox``). The others wait for the digest
(``workflows.digests``); all of them are listed in the person's workspace.

Categories and each person's choice per category (``immediate``, ``daily``, ``weekly``, ``off``):
``workflow``, ``table_activity``, ``moderation``, ``follow_up``. A reviewer's ``workflow``
notifications about items waiting for them are never ``off``: at least a daily digest.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Q

from enlace import outbox

from .models import (
    DEFAULT_FREQUENCIES,
    Frequency,
    Notification,
    NotificationCategory,
    NotificationSettings,
    authors_of,
)

User = get_user_model()
WORKFLOW, TABLE_ACTIVITY, MODERATION, FOLLOW_UP = (c.value for c in NotificationCategory)
# Notifications addressed to the reviewers of an item waiting for them: at least a daily digest.
NEVER_OFF = {"stage_reached", "reminder"}


# --- Preferences ---------------------------------------------------------------------------------


def settings_of(user) -> NotificationSettings:
    """The user's settings (the defaults, unsaved, for someone who never chose)."""
    found = NotificationSettings.objects.filter(user=user).first()
    return found or NotificationSettings(user=user)


def effective_frequency(notification: Notification, settings: NotificationSettings | None) -> str:
    if notification.recipient_id is None:
        return Frequency.IMMEDIATE  # the public, by e-mail
    chosen = settings.frequency(notification.category) if settings else DEFAULT_FREQUENCIES[notification.category]
    if chosen == Frequency.OFF and notification.event in NEVER_OFF:
        return Frequency.DAILY
    return chosen


def update_settings(*, user, **choices) -> NotificationSettings:
    """Set the user's frequency per category. ``ValueError`` names an unknown category or value."""
    from django.core.exceptions import ValidationError

    errors = {}
    for category, value in choices.items():
        if category not in NotificationCategory.values:
            errors[category] = ["Unknown category: one of " + ", ".join(NotificationCategory.values) + "."]
        elif value not in Frequency.values:
            errors[category] = ["One of " + ", ".join(Frequency.values) + "."]
    if errors:
        raise ValidationError(errors)
    settings, _created = NotificationSettings.objects.get_or_create(user=user)
    for category, value in choices.items():
        setattr(settings, category, value)
    settings.save()
    return settings


# --- Recording -----------------------------------------------------------------------------------


def _may_see(user, page) -> bool:
    """Nobody hears of an item they may not see (a delegate of table 2 of table 1's draft)."""
    from cms.models import RecommendationPage

    from .selectors import recommendations_visible_to

    specific = getattr(page, "specific", page)
    if isinstance(specific, RecommendationPage):
        return recommendations_visible_to(user).filter(pk=page.pk).exists()
    return True


def notify(
    event: str,
    *,
    category: str,
    recipients=(),
    emails=(),
    page=None,
    table: str = "",
    params=None,
    actor=None,
    visibility: bool = True,
) -> list[Notification]:
    """Record ``event`` for each recipient (users, less the actor and anyone who may not see
    ``page``; and addresses of people without an account) and send the immediate ones."""
    params = dict(params or {})
    if actor is not None and "actor" not in params:
        params["actor"] = actor.get_full_name() or actor.get_username()
    users = {user.pk: user for user in recipients if user is not None and user.is_active}
    if actor is not None:
        users.pop(actor.pk, None)
    if visibility and page is not None:
        users = {pk: user for pk, user in users.items() if _may_see(user, page)}
    rows = [
        Notification(recipient=user, category=category, event=event, page=page, table=table, params=params)
        for user in users.values()
    ]
    rows += [
        Notification(email=email, category=category, event=event, page=page, table=table, params=params)
        for email in {e for e in emails if e}
    ]
    if not rows:
        return []
    created = Notification.objects.bulk_create(rows)
    settings = {s.user_id: s for s in NotificationSettings.objects.filter(user__in=users.values())}
    immediate = [n.pk for n in created if effective_frequency(n, settings.get(n.recipient_id)) == Frequency.IMMEDIATE]
    if immediate:
        from .tasks import deliver_notifications

        outbox.enqueue(deliver_notifications.name, immediate)
    return created


# --- The events ----------------------------------------------------------------------------------


def _people(ids) -> list:
    return list(User.objects.filter(pk__in=ids, is_active=True))


def _stage_label_params(item, stage: str) -> dict:
    return {"stage": stage, "title": item.draft_title}


def approvers_of_stage(item) -> None:
    """The approvers of the stage the item has just reached (liaison: those yet to vote)."""
    from .tasks import pending_approvers, waiting

    task_state, task = waiting(item)
    if task is None:
        return
    notify(
        "stage_reached",
        category=WORKFLOW,
        recipients=pending_approvers(item, task_state, task),
        page=item,
        table=item.table,
        params=_stage_label_params(item, task.stage),
    )


def authors_on_decision(item, action: str, stage: str, actor, comment: str) -> None:
    """The authors, on every decision on their item (and an edit by their table)."""
    notify(
        "decision",
        category=WORKFLOW,
        recipients=_people(authors_of(item)),
        page=item,
        table=item.table,
        actor=actor,
        params={**_stage_label_params(item, stage), "action": action, "comment": comment},
    )


def approvers_on_withdrawal(item, approver_ids: list[int], actor, reason: str) -> None:
    """The approvers an item was waiting for: it left their queue."""
    notify(
        "withdrawn",
        category=WORKFLOW,
        recipients=_people(approver_ids),
        page=item,
        table=item.table,
        actor=actor,
        params={"title": item.draft_title, "comment": reason},
        visibility=False,
    )


def reminder(item, approvers, days: int) -> None:
    notify(
        "reminder",
        category=WORKFLOW,
        recipients=approvers,
        page=item,
        table=item.table,
        params={"title": item.draft_title, "days": days},
    )


def practice_submitted(practice) -> None:
    """Curators and the network: a practice waits for their review."""
    from .roles import group_name

    reviewers = User.objects.filter(Q(groups__name__in=[group_name("curator"), group_name("network")]), is_active=True)
    notify(
        "practice_submitted",
        category=MODERATION,
        recipients=reviewers.distinct(),
        page=practice,
        params={"title": practice.title},
        actor=practice.owner,
        visibility=False,
    )


def submitter_sent_back(item, actor, comment: str) -> None:
    """A practice sent back, to whoever proposed it (a member, or the public by e-mail)."""
    notify(
        "submission_sent_back",
        category=MODERATION,
        recipients=[item.owner] if item.owner_id else [],
        emails=[] if item.owner_id else [item.submitter_email],
        page=item,
        actor=actor,
        params={"kind": "practice", "title": item.title, "comment": comment},
        visibility=False,
    )


def submitter_published(item, actor) -> None:
    notify(
        "submission_published",
        category=MODERATION,
        recipients=[item.owner] if item.owner_id else [],
        emails=[] if item.owner_id else [item.submitter_email],
        page=item,
        actor=actor,
        params={"kind": "practice", "title": item.title},
        visibility=False,
    )


def follow_up_submitted(report) -> None:
    """Curators and the network: a follow-up report waits for their review."""
    from .followups import REVIEWER_GROUPS

    reviewers = User.objects.filter(groups__name__in=REVIEWER_GROUPS, is_active=True).distinct()
    notify(
        "follow_up_submitted",
        category=MODERATION,
        recipients=reviewers,
        page=report.recommendation,
        table=report.recommendation.table,
        actor=report.reporter,
        visibility=False,
        params={"title": report.recommendation.title, "country": report.country, "report": report.pk},
    )


def follow_up_changed(report, previous_status: str) -> None:
    """A published report changed a recommendation's current status in a scope: its authors, its
    table's secretariat and its followers."""
    from .tasks import follow_up_recipients

    item = report.recommendation
    notify(
        "follow_up_changed",
        category=FOLLOW_UP,
        recipients=follow_up_recipients(item),
        page=item,
        table=item.table,
        params={
            "title": item.title,
            "country": report.country,
            "status": report.status,
            "previous": previous_status,
            "actor": report.actor,
            "date": report.date.isoformat(),
            "description": report.description,
        },
    )


def _to_reporter(kind: str, report, **params) -> None:
    """A moderation notice about a follow-up report to whoever sent it (account or e-mail)."""
    notify(
        kind,
        category=MODERATION,
        recipients=[report.reporter] if report.reporter_id else [],
        emails=[] if report.reporter_id else [report.reporter_email],
        page=report.recommendation,
        visibility=False,
        table=report.recommendation.table,
        params={"kind": "follow_up", "title": report.recommendation.title, "country": report.country, **params},
    )


def follow_up_sent_back(report) -> None:
    _to_reporter("submission_sent_back", report, comment=report.review_comment)


def follow_up_published(report) -> None:
    _to_reporter("submission_published", report)


# --- Drafting together (workflows/drafting.py) -----------------------------------------------


def amendment_proposed(amendment) -> None:
    item = amendment.recommendation
    notify(
        "amendment_proposed",
        category=WORKFLOW,
        recipients=_people(authors_of(item)),
        page=item,
        table=item.table,
        actor=amendment.proposer,
        params={"title": item.draft_title, "comment": amendment.justification},
    )


def amendment_decided(amendment) -> None:
    item = amendment.recommendation
    notify(
        f"amendment_{amendment.state}",
        category=WORKFLOW,
        recipients=[amendment.proposer],
        page=item,
        table=item.table,
        actor=amendment.decided_by,
        params={"title": item.draft_title, "comment": amendment.reason},
    )


def invited(invitation) -> None:
    item = invitation.recommendation
    notify(
        "invited",
        category=WORKFLOW,
        recipients=[invitation.invitee],
        page=item,
        table=item.table,
        actor=invitation.invited_by,
        params={"title": item.draft_title},
        visibility=False,
    )


def draft_commented(comment) -> None:
    item = comment.recommendation
    notify(
        "draft_commented",
        category=TABLE_ACTIVITY,
        recipients=_people(authors_of(item)),
        page=item,
        table=item.table,
        actor=comment.author,
        params={"title": item.draft_title, "comment": comment.body},
    )


# --- A table's life --------------------------------------------------------------------------


def _table_readers(table: str):
    from .roles import table_reader_groups

    return User.objects.filter(groups__name__in=table_reader_groups(table), is_active=True).distinct()


def contribution_added(contribution) -> None:
    notify(
        "contribution_added",
        category=TABLE_ACTIVITY,
        recipients=_table_readers(contribution.table),
        table=contribution.table,
        actor=contribution.author,
        params={"title": contribution.title, "contribution": contribution.pk},
    )


def contribution_commented(comment) -> None:
    contribution = comment.contribution
    notify(
        "contribution_commented",
        category=TABLE_ACTIVITY,
        recipients=_table_readers(contribution.table),
        table=contribution.table,
        actor=comment.author,
        params={"title": contribution.title, "contribution": contribution.pk, "comment": comment.text},
    )


# --- Reading them (the workspace and the API) ----------------------------------------------------


def for_user(user, *, unread: bool = False):
    notifications = Notification.objects.filter(recipient=user).select_related("page")
    return notifications.filter(read_at=None) if unread else notifications


def unread_count(user) -> int:
    return Notification.objects.filter(recipient=user, read_at=None).count() if user.is_authenticated else 0


def mark_read(*, user, ids=(), everything: bool = False) -> int:
    from django.utils import timezone

    notifications = Notification.objects.filter(recipient=user, read_at=None)
    if not everything:
        notifications = notifications.filter(pk__in=[int(pk) for pk in ids if str(pk).isdigit()])
    return notifications.update(read_at=timezone.now())


def describe(notifications, user) -> list[dict]:
    """Each notification as a line in the person's language: ``{"notification", "summary",
    "comment", "link", "read"}``."""
    from django.template.loader import render_to_string
    from django.utils import translation
    from wagtail.models import Page

    from .tasks import context_of, language_of, template_of

    notifications = list(notifications)
    items = Page.objects.filter(pk__in={n.page_id for n in notifications if n.page_id}).specific().in_bulk()
    rows = []
    with translation.override(translation.get_language() or language_of(user)):
        for notification in notifications:
            context = context_of(notification, user, items)
            summary = " ".join(
                render_to_string(f"workflows/email/{template_of(notification)}_subject.txt", {**context, "user": user}).split()
            )
            rows.append(
                {
                    "notification": notification,
                    "summary": summary,
                    "comment": context["comment"],
                    "link": context["link"],
                    "read": notification.read_at is not None,
                }
            )
    return rows


def choices_of(user) -> dict[str, str]:
    settings = settings_of(user)
    return {category: settings.frequency(category) for category in NotificationCategory.values}


def read_unsubscribe_token(token: str):
    """(user, category) from a signed unsubscribe token, or None if it is forged or unknown."""
    from django.core import signing

    from .tasks import UNSUBSCRIBE_SALT

    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    user = User.objects.filter(pk=data.get("u"), is_active=True).first()
    if user is None or data.get("c") not in NotificationCategory.values:
        return None
    return user, data["c"]
