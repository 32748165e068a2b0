"""The approval rules, in one place. The admin (task ``on_action``, hooks), the REST API and the
public forms call these functions; they raise domain errors that the edges turn into HTTP codes.

Every transition runs in a transaction holding a row lock on the item, so two approvers acting
at once are serialised; notifications are enqueued on commit (``notifications``), so nothing is
sent for a transition that rolls back.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from guardian.shortcuts import assign_perm, get_users_with_perms, remove_perm
from wagtail.log_actions import log
from wagtail.models import Page, PageLogEntry, TaskState, WorkflowState

from cms.models import PracticePage, RecommendationPage, TableSpacePage
from cms.taxonomies import REVIEW_STAGES, REVIEW_STATUSES, TABLES

from . import notifications
from .errors import CommentRequired, InvalidTransition, NotAllowed, WorkflowError
from .models import LiaisonReviewTask, LiaisonVote, ReviewTask, authors_of
from .roles import drafts_in_table
from .selectors import LOG_ACTION, can_view  # noqa: F401  (can_view: the one visibility rule)
from .setup import recommendation_workflow

EDITABLE_FIELDS = ("title", "text", "rationale", "objectives", "countries", "addressed_to", "event", "theme", "co_authors")


# --- Reading the state ------------------------------------------------------------------


def active_workflow_state(item) -> WorkflowState | None:
    return (
        WorkflowState.objects.for_instance(item)
        .filter(status=WorkflowState.STATUS_IN_PROGRESS)
        .select_related("current_task_state")
        .first()
    )


def current_task(item) -> tuple[TaskState | None, ReviewTask | None]:
    state = active_workflow_state(item)
    if state is None or state.current_task_state is None:
        return None, None
    task_state = state.current_task_state
    return task_state, task_state.task.specific


def approvals_at_current_stage(item) -> list[dict]:
    """Who has approved at the current stage (the liaison quorum's votes so far)."""
    task_state, task = current_task(item)
    if task_state is None:
        return []
    votes = LiaisonVote.objects.filter(task_state=task_state).select_related("user").order_by("created_at")
    return [{"user": vote.user.get_username(), "at": vote.created_at} for vote in votes]


def history_of(item) -> list[dict]:
    """The append-only history: every action with its stage, actor, comment and time."""
    entries = PageLogEntry.objects.filter(page_id=item.pk, action=LOG_ACTION).select_related("user").order_by("timestamp", "pk")
    return [
        {
            "stage": entry.data.get("stage") or None,
            "action": entry.data.get("action"),
            "actor": entry.user.get_username() if entry.user else None,
            "comment": entry.data.get("comment", ""),
            "at": entry.timestamp,
        }
        for entry in entries
    ]


def record(item, action: str, user, *, stage: str = "", comment: str = "", **extra) -> None:
    log(
        instance=item,
        action=LOG_ACTION,
        user=user if user and user.is_authenticated else None,
        data={"action": action, "stage": stage, "comment": comment, **extra},
    )


# --- Who may do what ----------------------------------------------------------------------


def can_edit(user, item: RecommendationPage) -> bool:
    """The table's drafters (delegates and secretariat), and the authors (object permission)."""
    if not (user and user.is_authenticated):
        return False
    return drafts_in_table(user, item.table) or user.has_perm(CO_AUTHOR_PERMISSION, item)


CO_AUTHOR_PERMISSION = "cms.change_recommendationpage"


def sync_author_permissions(item: RecommendationPage) -> None:
    """Owner and current co-authors hold the object permission; former co-authors lose it."""
    holders = set(get_user_model().objects.filter(pk__in=authors_of(item)))
    for user in get_users_with_perms(item, only_with_perms_in=["change_recommendationpage"], with_superusers=False):
        if user not in holders:
            remove_perm(CO_AUTHOR_PERMISSION, user, item)
    for user in holders:
        assign_perm(CO_AUTHOR_PERMISSION, user, item)


def allowed_actions(user, item: RecommendationPage) -> list[str]:
    """The actions ``user`` may take on ``item`` now (for buttons and the API)."""
    actions = []
    if can_edit(user, item) and item.status != "withdrawn":
        actions.append("edit")
    if can_edit(user, item) and item.status in ("draft", "changes_requested", "withdrawn"):
        actions.append("submit")
    if item.status == "published" and item.has_unpublished_changes and can_edit(user, item):
        actions.append("submit")
    task_state, task = current_task(item)
    if task is not None and task.is_approver(item, user):
        if not task.has_voted(task_state, user):
            actions.append("approve")
        actions.append("request_changes")
    if user and user.is_authenticated and user.pk in authors_of(item) and not item.live and item.status != "withdrawn":
        actions.append("withdraw")
    return actions


def tasks_for(user) -> list[RecommendationPage | PracticePage]:
    """Items awaiting ``user``'s decision, oldest first."""
    if not (user and user.is_authenticated):
        return []
    states = (
        TaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS, workflow_state__status=WorkflowState.STATUS_IN_PROGRESS)
        .select_related("workflow_state")
        .order_by("started_at")
    )
    items = []
    for state in states:
        task = state.task.specific
        if not isinstance(task, ReviewTask):
            continue
        item = Page.objects.get(pk=state.workflow_state.object_id).specific
        if task.is_approver(item, user) and not task.has_voted(state, user):
            items.append(item)
    return items


# --- Recommendations: drafting --------------------------------------------------------------


def ascii_slug(title: str, limit: int = 60) -> str:
    """``"Niños y niñas: protección…"`` → ``"ninos-y-ninas-proteccion"``: accents folded to ASCII,
    cut at a word boundary at most ``limit`` characters long (a word is never cut in two)."""
    import unicodedata

    slug = slugify(unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode())
    if len(slug) > limit:
        head = slug[: limit + 1]
        slug = head.rsplit("-", 1)[0] if "-" in head else slug[:limit]
    return slug.strip("-")


def unique_slug(parent: Page, title: str) -> str:
    """A slug for a new child of ``parent`` from ``title``, unique among its siblings."""
    base = ascii_slug(title) or "recomendacion"
    slug, n = base, 1
    siblings = set(parent.get_children().values_list("slug", flat=True))
    while slug in siblings:
        n += 1
        slug = f"{base}-{n}"
    return slug


def _set_fields(page: RecommendationPage, data: dict) -> None:
    unknown = set(data) - set(EDITABLE_FIELDS)
    if unknown:
        raise WorkflowError(_("Not editable: %(fields)s.") % {"fields": ", ".join(sorted(unknown))}, field=sorted(unknown)[0])
    for name, value in data.items():
        if name == "co_authors":
            page.co_authors = list(value)
        else:
            setattr(page, name, list(value) if isinstance(value, (tuple, set)) else value)


@transaction.atomic
def recommendation_create(*, user, table: str, **data) -> RecommendationPage:
    """A new draft in ``table``'s space, authored by ``user`` (a delegate of that table)."""
    if table not in TABLES:
        raise WorkflowError(_("Unknown working table %(table)s.") % {"table": table}, field="table")
    if not drafts_in_table(user, table):
        raise NotAllowed(_("Only the delegates and secretariat of table %(table)s draft there.") % {"table": table})
    space = TableSpacePage.objects.originals().get(table=table)
    page = RecommendationPage(owner=user, live=False, status="draft")
    _set_fields(page, data)
    page.slug = unique_slug(space, page.title or "")
    co_authors = list(page.co_authors.all())
    page.co_authors = [u for u in co_authors if u.pk != user.pk]
    space.add_child(instance=page)  # validates (full_clean) and saves
    page.save_revision(user=user, log_action=True)
    sync_author_permissions(page)
    record(page, "create", user)
    return page


@transaction.atomic
def recommendation_update(*, item: RecommendationPage, user, **data) -> RecommendationPage:
    """Save an edit as a new revision. An edit after any approval sends the item back."""
    item = locked(item)
    if not can_edit(user, item):
        raise NotAllowed(_("You may not edit this recommendation."))
    if item.status == "withdrawn":
        raise InvalidTransition(_("A withdrawn recommendation must be submitted again before it is edited."))
    save_version(item, data, author=user)
    record(item, "edit", user)
    if user.pk not in authors_of(item):  # the table edited it: its authors are told
        notifications.authors_on_decision(item, "edit", item.stage, user, "")
    on_edited(item=item, user=user)
    return RecommendationPage.objects.get(pk=item.pk)


def save_version(item: RecommendationPage, data: dict, *, author):
    """A new version of ``item`` with ``data`` changed, credited to ``author`` (the caller has
    checked who may). Returns its revision."""
    latest = item.get_latest_revision_as_object()
    _set_fields(latest, data)
    latest.full_clean()
    revision = latest.save_revision(user=author, log_action=True)
    if not item.live:
        latest.save()  # drafts keep the database row in step (co-authors, listings)
    sync_author_permissions(latest)
    return revision


def on_edited(*, item: RecommendationPage, user) -> None:
    """The rule: editing an item after it was approved at a stage sends it back to the first
    stage whose approval the edit invalidates (the table stage), and resets the liaison votes."""
    state = active_workflow_state(item)
    if state is None:
        return
    approved_before = (
        state.task_states.filter(status=TaskState.STATUS_APPROVED).exists()
        or LiaisonVote.objects.filter(task_state__workflow_state=state).exists()
    )
    if not approved_before:
        return
    set_status(item, "draft", "")  # so the cancellation is not taken for an admin cancel
    state.cancel(user=user)
    record(item, "sent_back", user, stage="table")
    recommendation_workflow().start(item, user)  # the submit receiver records it and notifies


# --- Recommendations: the workflow ----------------------------------------------------------
# Wagtail's workflow events, whichever door they came through (these services, or the admin's
# own submit, cancel and publish buttons), reach the item's status through the four functions
# below; ``receivers`` only adapts the signals to them.


def after_submission(item: RecommendationPage, user, stage: str) -> None:
    """The effects of a submission: the item in review at ``stage`` (the first), its history,
    the stage's approvers told."""
    set_status(item, "in_review", stage)
    record(item, "submit", user, stage=stage)
    notifications.approvers_of_stage(item)


def after_cancellation(item: RecommendationPage) -> None:
    """A review cancelled from the admin: the item is back to what it was (the services set
    the status themselves before they cancel)."""
    if item.status == "in_review":
        set_status(item, "published" if item.live else "draft", "")


def after_publication(item: RecommendationPage) -> None:
    if (item.status, item.stage) != ("published", ""):
        set_status(item, "published", "")


def after_unpublication(item: RecommendationPage) -> None:
    if item.status == "published":
        set_status(item, "draft", "")


def locked(item):
    return type(item).objects.select_for_update().get(pk=item.pk)


def set_status(item, status: str, stage: str) -> None:
    """Where the item stands (``status``, ``stage``): written here only, never in revisions."""
    type(item).objects.filter(pk=item.pk).update(status=status, stage=stage)
    item.status, item.stage = status, stage


@transaction.atomic
def recommendation_submit(*, item: RecommendationPage, user) -> RecommendationPage:
    item = locked(item)
    if not can_edit(user, item):
        raise NotAllowed(_("Only its authors and its table may submit it."))
    if "submit" not in allowed_actions(user, item):
        raise InvalidTransition(
            _("A recommendation in this status (%(status)s) cannot be submitted.")
            % {"status": REVIEW_STATUSES.label(item.status)}
        )
    workflow = recommendation_workflow()
    if workflow is None:
        raise InvalidTransition(_("The recommendation workflow is not set up (run setup_site)."))
    workflow.start(item, user)  # receivers.on_workflow_submitted records status, history, notifications
    item.refresh_from_db()
    return item


def acting_task(item, user) -> tuple[TaskState, ReviewTask]:
    """The task ``user`` decides on ``item`` now, locked; the domain's errors otherwise."""
    task_state, task = current_task(item)
    if task_state is None:
        raise InvalidTransition(_("This item is not waiting for a review."))
    if user and user.is_authenticated and user.pk in authors_of(item):
        raise NotAllowed(_("Nobody reviews an item they wrote or co-wrote."))
    if not task.is_approver(item, user):
        raise NotAllowed(
            _("You do not review at this stage (%(stage)s).")
            % {"stage": REVIEW_STAGES.label(task.stage) if task.stage in REVIEW_STAGES else task.stage}
        )
    task_state = TaskState.objects.select_for_update().get(pk=task_state.pk)
    if task_state.status != TaskState.STATUS_IN_PROGRESS:
        raise InvalidTransition(_("This stage has already been decided."))
    return task_state, task


@transaction.atomic
def recommendation_approve(*, item: RecommendationPage, user, comment: str = "") -> RecommendationPage:
    item = locked(item)
    task_state, task = acting_task(item, user)
    stage = task.stage
    if isinstance(task, LiaisonReviewTask):
        try:
            with transaction.atomic():
                LiaisonVote.objects.create(task_state=task_state, user=user, comment=comment)
        except IntegrityError:
            raise InvalidTransition(_("You have already approved it at this stage.")) from None
        votes = LiaisonVote.objects.filter(task_state=task_state).count()
        record(item, "vote", user, stage=stage, comment=comment, votes=votes, quorum=task.quorum)
        if votes < task.quorum:
            return item
    TaskState.approve(task_state, user=user, comment=comment)
    record(item, "approve", user, stage=stage, comment=comment)
    notifications.authors_on_decision(item, "approve", stage, user, comment)
    _after_transition(item, user)
    return RecommendationPage.objects.get(pk=item.pk)


def _after_transition(item, user) -> None:
    """Record where the item stands after Wagtail moved the workflow on."""
    state = WorkflowState.objects.for_instance(item).order_by("-created_at").first()
    if state.status == WorkflowState.STATUS_APPROVED:
        set_status(item, "published", "")
        record(item, "publish", user, stage="network")
        return
    task = state.current_task_state.task.specific
    set_status(item, "in_review", task.stage)
    notifications.approvers_of_stage(item)


@transaction.atomic
def recommendation_request_changes(*, item: RecommendationPage, user, comment: str) -> RecommendationPage:
    comment = (comment or "").strip()
    if not comment:
        raise CommentRequired()
    item = locked(item)
    task_state, task = acting_task(item, user)
    TaskState.reject(task_state, user=user, comment=comment)
    set_status(item, "changes_requested", "")
    task_state.workflow_state.refresh_from_db()
    task_state.workflow_state.cancel(user=user)  # back to the authors: a new submission starts at the table
    record(item, "request_changes", user, stage=task.stage, comment=comment)
    notifications.authors_on_decision(item, "request_changes", task.stage, user, comment)
    return item


@transaction.atomic
def recommendation_withdraw(*, item: RecommendationPage, user, reason: str = "") -> RecommendationPage:
    """An author takes the item out of the workflow; the reason is recorded in its history and
    sent to the other authors and to the approvers it was waiting for."""
    item = locked(item)
    if not (user and user.is_authenticated and user.pk in authors_of(item)):
        raise NotAllowed(_("Only its authors withdraw a recommendation."))
    if item.live or item.status == "published":
        raise InvalidTransition(_("A published recommendation cannot be withdrawn."))
    if item.status == "withdrawn":
        raise InvalidTransition(_("It is already withdrawn."))
    stage = item.stage
    reason = (reason or "").strip()
    waiting_for = []
    task_state, task = current_task(item)
    if task is not None:
        waiting_for = [u.pk for u in task.approvers(item)]
    set_status(item, "withdrawn", "")
    state = active_workflow_state(item)
    if state is not None:
        state.cancel(user=user)
    record(item, "withdraw", user, stage=stage, comment=reason)
    notifications.authors_on_decision(item, "withdraw", stage, user, reason)
    notifications.approvers_on_withdrawal(item, waiting_for, user, reason)
    return item
