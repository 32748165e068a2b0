"""Task types of the approval workflow (Wagtail's workflow engine) and their records.

Three stages, each a :class:`ReviewTask`: the approvers are computed from the item, never a
fixed list, and nobody approves an item they authored or co-authored. The liaison stage needs
a quorum of distinct approvers: each approval is a :class:`LiaisonVote` (one per person per
task state, enforced by a unique constraint) and the task state is approved when the quorum is
reached. The rules are applied by ``workflows.services``; these classes also make Wagtail's
admin (dashboard "awaiting your review", action menu) follow them.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.forms import TaskStateCommentForm
from wagtail.models import Task, TaskState

from cms.models import RecommendationPage

from .errors import WorkflowError
from .roles import group_name, group_names, table_drafter_groups

User = get_user_model()


def authors_of(item) -> set[int]:
    """The owner and co-authors of the item's latest revision (a draft may add co-authors)."""
    ids = {pk for pk in [item.owner_id] if pk}
    if hasattr(item, "co_authors"):
        latest = item.get_latest_revision_as_object() if item.pk else item
        ids.update(user.pk for user in latest.co_authors.all())
    return ids


def authors_of_many(items) -> dict[int, set[int]]:
    """``authors_of`` for many items at once, from one query of their latest revisions' content
    (a list of what waits for someone must not read each revision in full)."""
    from wagtail.models import Revision

    items = list(items)
    contents = dict(
        Revision.objects.filter(pk__in=[item.latest_revision_id for item in items if item.latest_revision_id]).values_list(
            "pk", "content"
        )
    )
    authors = {}
    for item in items:
        content = contents.get(item.latest_revision_id)
        if content is None or not hasattr(item, "co_authors"):
            authors[item.pk] = authors_of(item)
        else:
            authors[item.pk] = {pk for pk in [item.owner_id, *(content.get("co_authors") or [])] if pk}
    return authors


class ReviewTask(Task):
    """A stage of the recommendation workflow. Subclasses say who the approvers are."""

    stage = ""

    class Meta:
        abstract = True

    def approver_groups(self, item) -> list[str]:
        raise NotImplementedError

    def approvers(self, item):
        """Users who may decide at this stage for ``item`` (authors excluded)."""
        return (
            User.objects.filter(is_active=True)
            .filter(Q(groups__name__in=self.approver_groups(item)) | Q(is_superuser=True))
            .exclude(pk__in=authors_of(item))
            .distinct()
        )

    def may_approve(self, item, user) -> bool:
        """Whether ``user`` is in the stage's groups (authorship aside): no query."""
        return user.is_superuser or bool(group_names(user).intersection(self.approver_groups(item)))

    def is_approver(self, item, user) -> bool:
        if not (user and user.is_authenticated and user.is_active):
            return False
        return self.may_approve(item, user) and user.pk not in authors_of(item)

    # --- Wagtail's hooks into the admin ---------------------------------------------------

    def has_voted(self, task_state, user) -> bool:
        return False

    def get_actions(self, obj, user):
        item = obj.specific if hasattr(obj, "specific") else obj
        if not self.is_approver(item, user):
            return []
        actions = [("reject", _("Request changes"), True)]
        task_state = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS, workflow_state__object_id=str(item.pk)).first()
        if task_state is None or not self.has_voted(task_state, user):
            actions += [("approve", _("Approve"), False), ("approve", _("Approve with comment"), True)]
        return actions

    def on_action(self, task_state, user, action_name, **kwargs):
        # The admin's action menu goes through the same services as the API.
        from django.core.exceptions import PermissionDenied

        from . import recommendations

        item = task_state.workflow_state.content_object.specific
        comment = kwargs.get("comment", "") or ""
        try:
            self.act(recommendations, item, user, action_name, comment)
        except WorkflowError as error:
            raise PermissionDenied(error.message) from error

    def act(self, recommendations, item, user, action_name, comment):
        if action_name == "approve":
            recommendations.recommendation_approve(item=item, user=user, comment=comment)
        elif action_name == "reject":
            recommendations.recommendation_request_changes(item=item, user=user, comment=comment)

    def get_form_for_action(self, action):
        # Requesting changes without saying which is a field error in the admin's modal too.
        return RequestChangesForm if action == "reject" else super().get_form_for_action(action)

    def user_can_access_editor(self, obj, user):
        # Reviewers read the item in the task's preview and decide from its action menu; only
        # those who may edit it (its table's drafters and its authors) open the editor.
        from .recommendations import can_edit

        item = obj.specific if hasattr(obj, "specific") else obj
        return isinstance(item, RecommendationPage) and can_edit(user, item)

    def locked_for_user(self, obj, user):
        return False  # authors may keep editing; an edit sends the item back (recommendations.on_edit)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS).select_related("workflow_state")
        ids = [
            state.pk
            for state in states
            if self.is_approver(state.workflow_state.content_object.specific, user) and not self.has_voted(state, user)
        ]
        return TaskState.objects.filter(pk__in=ids)


class RequestChangesForm(TaskStateCommentForm):
    comment = forms.CharField(
        label=_("What should change"),
        widget=forms.Textarea({"rows": 4}),
        error_messages={"required": _("A comment is required to request changes.")},
    )


class TableReviewTask(ReviewTask):
    """Endorsement by the delegates and secretariat of the item's own table."""

    stage = "table"

    class Meta:
        verbose_name = _("table review")

    def approver_groups(self, item):
        return table_drafter_groups(item.table) if item.table else []

    @classmethod
    def get_description(cls):
        return _("Delegates and secretariat of the item's working table endorse it")


class LiaisonReviewTask(ReviewTask):
    """Review by the Mesa de Vinculación: ``quorum`` distinct approvals move the item on; one
    request for changes sends it back."""

    stage = "liaison"
    quorum = models.PositiveSmallIntegerField(_("quorum"), default=2, help_text=_("Distinct approvals needed."))

    admin_form_fields = Task.admin_form_fields + ["quorum"]

    class Meta:
        verbose_name = _("liaison review")

    def approver_groups(self, item):
        return [group_name("liaison")]

    def has_voted(self, task_state, user) -> bool:
        return LiaisonVote.objects.filter(task_state=task_state, user=user).exists()

    @classmethod
    def get_description(cls):
        return _("Members of the Mesa de Vinculación approve, with a quorum of distinct approvers")


class NetworkReviewTask(ReviewTask):
    """Final validation by the Red Regional; approving it publishes the item."""

    stage = "network"

    class Meta:
        verbose_name = _("network review")

    def approver_groups(self, item):
        return [group_name("network")]

    @classmethod
    def get_description(cls):
        return _("The Red Regional validates and publishes")


class CuratorReviewTask(ReviewTask):
    """Moderation of a submitted practice by curators (and the Red Regional, who also curate)."""

    stage = "curation"

    class Meta:
        verbose_name = _("curator review")

    def approver_groups(self, item):
        return [group_name("curator"), group_name("network")]

    def act(self, recommendations, item, user, action_name, comment):
        from . import practices

        if action_name == "approve":
            practices.practice_publish(item=item, user=user, comment=comment)
        elif action_name == "reject":
            practices.practice_send_back(item=item, user=user, comment=comment)

    @classmethod
    def get_description(cls):
        return _("Curators review a submitted practice before it is published")


class LiaisonVote(models.Model):
    """One liaison member's approval of one task state (the quorum counts distinct voters)."""

    task_state = models.ForeignKey(TaskState, on_delete=models.CASCADE, related_name="liaison_votes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    comment = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["task_state", "user"], name="one_vote_per_person")]


class ReminderSent(models.Model):
    """Reminders already sent for a waiting task state (so the daily job is idempotent)."""

    task_state = models.ForeignKey(TaskState, on_delete=models.CASCADE, related_name="+")
    sent_on = models.DateField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["task_state", "sent_on"], name="one_reminder_per_day")]


# --- Drafting together (workflows/drafting.py) ----------------------------------------------


class Amendment(models.Model):
    """New wording proposed for a recommendation's title, text and/or rationale (``None``: that
    field unchanged), against the version that was current (``base_revision``). Its authors
    accept it (a new version, credited to the proposer) or reject it. A pending amendment whose
    base is no longer the current version is *outdated*: it can only be rejected or re-proposed."""

    PENDING, ACCEPTED, REJECTED = "pending", "accepted", "rejected"
    STATES = [(PENDING, _("pending")), (ACCEPTED, _("accepted")), (REJECTED, _("rejected"))]

    recommendation = models.ForeignKey("cms.RecommendationPage", on_delete=models.CASCADE, related_name="amendments")
    proposer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    base_revision = models.ForeignKey("wagtailcore.Revision", on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("title"), max_length=255, null=True, blank=True)
    text = models.TextField(_("recommendation"), null=True, blank=True)
    rationale = models.TextField(_("rationale"), null=True, blank=True)
    justification = models.TextField(_("justification"))
    state = models.CharField(max_length=10, choices=STATES, default=PENDING, db_index=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    applied_revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.recommendation_id} · {self.proposer} · {self.state}"

    @property
    def outdated(self) -> bool:
        return self.state == self.PENDING and self.base_revision_id != self.recommendation.latest_revision_id

    @property
    def public_state(self) -> str:
        """``pending``, ``accepted``, ``rejected`` or ``outdated``."""
        return "outdated" if self.outdated else self.state

    def wording(self) -> dict[str, str | None]:
        return {"title": self.title, "text": self.text, "rationale": self.rationale}


class CoAuthorInvitation(models.Model):
    """An author's invitation to co-author a recommendation: rights come only when accepted."""

    PENDING, ACCEPTED, DECLINED, CANCELLED = "pending", "accepted", "declined", "cancelled"
    STATES = [(PENDING, _("pending")), (ACCEPTED, _("accepted")), (DECLINED, _("declined")), (CANCELLED, _("cancelled"))]

    recommendation = models.ForeignKey("cms.RecommendationPage", on_delete=models.CASCADE, related_name="invitations")
    invitee = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="co_author_invitations")
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    state = models.CharField(max_length=10, choices=STATES, default=PENDING, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["recommendation", "invitee"], condition=Q(state="pending"), name="one_pending_invitation_per_person"
            )
        ]


class DraftComment(models.Model):
    """A comment in a recommendation's thread, seen by those who work on it (never public). An
    author or the table's secretariat can hide it: hidden, not deleted (its author, whoever hid
    it and the secretariat still see it, marked)."""

    recommendation = models.ForeignKey("cms.RecommendationPage", on_delete=models.CASCADE, related_name="draft_comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies")
    body = models.TextField(_("comment"))
    created_at = models.DateTimeField(auto_now_add=True)
    hidden_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    hidden_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]

    @property
    def hidden(self) -> bool:
        return self.hidden_at is not None


# --- Notifications (workflows/notifications.py) ------------------------------------------------


class NotificationCategory(models.TextChoices):
    WORKFLOW = "workflow", _("Workflow decisions and reviews")
    TABLE_ACTIVITY = "table_activity", _("Activity in my tables")
    MODERATION = "moderation", _("Moderation of practices and follow-up reports")
    FOLLOW_UP = "follow_up", _("Follow-up of recommendations I follow")


class Frequency(models.TextChoices):
    IMMEDIATE = "immediate", _("At once")
    DAILY = "daily", _("A daily digest")
    WEEKLY = "weekly", _("A weekly digest")
    OFF = "off", _("Never by e-mail")


DEFAULT_FREQUENCIES = {
    NotificationCategory.WORKFLOW: Frequency.IMMEDIATE,
    NotificationCategory.TABLE_ACTIVITY: Frequency.DAILY,
    NotificationCategory.MODERATION: Frequency.DAILY,
    NotificationCategory.FOLLOW_UP: Frequency.DAILY,
}


class Notification(models.Model):
    """One thing that happened, for one person: written in the same transaction as the event (so
    a rolled-back event notifies nobody and a committed one is never lost), e-mailed at once or in
    a digest according to the person's choice (``sent_at``), listed in their workspace
    (``read_at``). People without an account (the public who submitted a practice or a report)
    are notified by ``email``, always at once."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="notifications"
    )
    email = models.EmailField(blank=True)
    category = models.CharField(max_length=20, choices=NotificationCategory.choices)
    event = models.CharField(max_length=40)
    page = models.ForeignKey("wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    table = models.CharField(max_length=4, blank=True)
    params = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "sent_at"], name="notification_pending")]

    def __str__(self) -> str:
        return f"{self.event} → {self.recipient or self.email}"


class NotificationSettings(models.Model):
    """A person's choice per category, and when their last digests went out. Its row is locked
    while a digest is built, so two digest runs never send the same notification twice."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_settings")
    workflow = models.CharField(max_length=10, choices=Frequency.choices, default=Frequency.IMMEDIATE)
    table_activity = models.CharField(max_length=10, choices=Frequency.choices, default=Frequency.DAILY)
    moderation = models.CharField(max_length=10, choices=Frequency.choices, default=Frequency.DAILY)
    follow_up = models.CharField(max_length=10, choices=Frequency.choices, default=Frequency.DAILY)
    last_daily_digest = models.DateTimeField(null=True, blank=True)
    last_weekly_digest = models.DateTimeField(null=True, blank=True)

    def frequency(self, category: str) -> str:
        return getattr(self, category)
