"""Who sees which recommendations: one rule, as a queryset (for API lists) and a check."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from guardian.shortcuts import get_objects_for_user
from wagtail.models import Page, PageLogEntry

from cms.models import RecommendationPage, TableSpacePage
from cms.selectors import with_tables

from .roles import group_name, group_names, tables_read_by

LOG_ACTION = "enlace.review"
# Reviewers who decided on an item keep seeing it (its history shows their decision).
REVIEW_DECISIONS = ("vote", "approve", "request_changes", "publish")


def recommendations_visible_to(user, *, include_published: bool = True) -> QuerySet[RecommendationPage]:
    """Published items for everyone; drafts and reviews for the people of their table (who
    read its working material: ``roles.reads_table``), their authors and co-authors, the
    approvers of the stage they wait at, and the reviewers who decided on them (a vote, an
    approval, a request for changes). ``include_published=False`` leaves the public part out:
    the items the user follows as a participant (who may see their history)."""
    items = RecommendationPage.objects.originals()
    published = Q(live=True) if include_published else Q(pk__in=[])
    if not (user and user.is_authenticated):
        return items.filter(published)
    if user.is_superuser:
        return items
    rule = published | Q(owner=user)
    for space in TableSpacePage.objects.originals().filter(table__in=tables_read_by(user)):
        rule |= Q(path__startswith=space.path, depth__gt=space.depth)
    co_authored = get_objects_for_user(
        user, "cms.change_recommendationpage", klass=RecommendationPage, accept_global_perms=False
    ).values("pk")
    rule |= Q(pk__in=co_authored)
    groups = group_names(user)
    for stage in ("liaison", "network"):
        if group_name(stage) in groups:
            rule |= Q(status="in_review", stage=stage)
    decided = PageLogEntry.objects.filter(action=LOG_ACTION, user=user, data__action__in=REVIEW_DECISIONS)
    rule |= Q(pk__in=decided.values("page_id"))
    return items.filter(rule)


def can_view(user, item: RecommendationPage) -> bool:
    return recommendations_visible_to(user).filter(pk=item.pk).exists()


def follows(user, item: RecommendationPage) -> bool:
    """A participant of the item (its table, authors, approvers): sees its history."""
    return recommendations_visible_to(user, include_published=False).filter(pk=item.pk).exists()


# --- The workspace's reads (frontend/workspace, and the API's /me/) --------------------------


def authored_by(user) -> QuerySet[RecommendationPage]:
    """The recommendations ``user`` wrote or co-writes (any status)."""
    if not (user and user.is_authenticated):
        return RecommendationPage.objects.none()
    co_authored = get_objects_for_user(
        user, "cms.change_recommendationpage", klass=RecommendationPage, accept_global_perms=False
    ).values("pk")
    return RecommendationPage.objects.originals().filter(Q(owner=user) | Q(pk__in=co_authored))


def awaiting_review(user) -> list[dict]:
    """What waits for ``user``'s decision, oldest first: ``{"item", "stage", "since"}``."""
    from wagtail.models import Task, TaskState, WorkflowState

    from .models import LiaisonVote, ReviewTask, authors_of_many

    if not (user and user.is_authenticated and user.is_active):
        return []
    states = (
        TaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS, workflow_state__status=WorkflowState.STATUS_IN_PROGRESS)
        .select_related("workflow_state")
        .order_by("started_at")
    )
    # The few tasks and all the items in one query each; the cheap questions (the stage's
    # groups) before the dear ones (authorship reads the latest revision, votes a query).
    tasks = {task.pk: task for task in Task.objects.filter(pk__in={s.task_id for s in states}).specific()}
    states = [s for s in states if s.workflow_state.base_content_type_id == page_type_id()]  # pages only
    items = Page.objects.filter(pk__in={int(s.workflow_state.object_id) for s in states}).specific().in_bulk()
    with_tables(item for item in items.values() if isinstance(item, RecommendationPage))
    candidates = []
    for state in states:
        task = tasks.get(state.task_id)
        item = items.get(int(state.workflow_state.object_id))
        if isinstance(task, ReviewTask) and item is not None and task.may_approve(item, user):
            candidates.append((state, task, item))
    # ReviewTask.is_approver and has_voted, asked for all the candidates in two queries.
    authors = authors_of_many(item for _, _, item in candidates)
    voted = set(
        LiaisonVote.objects.filter(user=user, task_state__in=[state for state, _, _ in candidates]).values_list(
            "task_state_id", flat=True
        )
    )
    return [
        {"item": item, "stage": task.stage, "since": state.started_at}
        for state, task, item in candidates
        if user.pk not in authors[item.pk] and state.pk not in voted
    ]


def page_type_id() -> int:
    return ContentType.objects.get_for_model(Page).pk


def latest_decision(item, action: str = "request_changes") -> dict | None:
    """The latest ``action`` in ``item``'s history (who, when, stage, comment), or None."""
    entry = (
        PageLogEntry.objects.filter(page_id=item.pk, action=LOG_ACTION, data__action=action)
        .select_related("user")
        .order_by("-timestamp", "-pk")
        .first()
    )
    if entry is None:
        return None
    return {
        "actor": entry.user,
        "at": entry.timestamp,
        "stage": entry.data.get("stage") or "",
        "comment": entry.data.get("comment", ""),
    }


def table_activity(user, limit: int = 20) -> list[dict]:
    """The latest of the life of ``user``'s tables, newest first: decisions and edits on their
    recommendations, new contributions and comments. ``{"kind", "at", "actor", "table", ...}``."""
    from cms.models import ContributionComment

    from .contributions import contributions_visible_to

    tables = tables_read_by(user)
    if not tables:
        return []
    spaces = {space.table: space for space in TableSpacePage.objects.originals().filter(table__in=tables)}
    rule = Q(pk__in=[])
    for space in spaces.values():
        rule |= Q(page__path__startswith=space.path, page__depth__gt=space.depth)
    events = []
    entries = PageLogEntry.objects.filter(rule, action=LOG_ACTION).select_related("user", "page").order_by("-timestamp", "-pk")
    for entry in entries[:limit]:
        table = next((t for t, s in spaces.items() if entry.page.path.startswith(s.path)), "")
        events.append(
            {
                "kind": "review",
                "at": entry.timestamp,
                "actor": entry.user,
                "table": table,
                "item": entry.page,
                "action": entry.data.get("action", ""),
                "stage": entry.data.get("stage") or "",
                "comment": entry.data.get("comment", ""),
            }
        )
    visible = contributions_visible_to(user).filter(table__in=tables)
    for contribution in visible.select_related("author").order_by("-created_at")[:limit]:
        events.append(
            {
                "kind": "contribution",
                "at": contribution.created_at,
                "actor": contribution.author,
                "table": contribution.table,
                "contribution": contribution,
            }
        )
    comments = ContributionComment.objects.filter(contribution__in=visible).select_related("author", "contribution")
    for comment in comments.order_by("-created_at")[:limit]:
        events.append(
            {
                "kind": "comment",
                "at": comment.created_at,
                "actor": comment.author,
                "table": comment.contribution.table,
                "contribution": comment.contribution,
                "comment": comment.text,
            }
        )
    events.sort(key=lambda event: event["at"], reverse=True)
    return events[:limit]


# --- Practices in moderation -------------------------------------------------------------------


def reviews_practices(user) -> bool:
    """Whether ``user`` is of the practices' moderation (curators, the Red Regional, admins): the
    groups of the curation task (``CuratorReviewTask``), authorship of one practice aside."""
    from .models import CuratorReviewTask

    if not (user and user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or bool(group_names(user).intersection(CuratorReviewTask().approver_groups(None)))


def practices_in_review() -> QuerySet:
    """Submitted practices waiting for moderation (an active curation workflow), oldest first."""
    from wagtail.models import WorkflowState

    from cms.models import PracticePage

    waiting = WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS, base_content_type_id=page_type_id())
    pks = [int(pk) for pk in waiting.values_list("object_id", flat=True)]
    return PracticePage.objects.originals().filter(live=False, pk__in=pks).order_by("pk")


def practices_visible_to(user) -> QuerySet:
    """Published practices for everyone; those in moderation too for its reviewers."""
    from cms.models import PracticePage
    from cms.selectors import published_practices

    if not reviews_practices(user):
        return published_practices()
    return PracticePage.objects.originals().filter(Q(pk__in=published_practices().values("pk")) | Q(pk__in=practices_in_review()))
