"""Drafting together, inside the approval workflow (issue #17): amendments, co-authors by
invitation, comments on drafts. The workspace and the API call these functions; each transition
holds a row lock, is recorded in the item's history and tells the people concerned (outbox).

* **Amendments.** Whoever works on a recommendation that is not published or withdrawn (the
  people of its table: ``roles.reads_table``) or reviews it at its current stage proposes new
  wording for its title, text and/or rationale, with a justification. Its authors accept it (a
  new version credited to the proposer; an item approved at a stage goes back to the table
  stage, votes reset: ``recommendations.on_edited``) or reject it, with an optional reason. A pending
  amendment whose base is no longer the current version is outdated: rejected or re-proposed.
* **Co-authors by invitation.** An author invites a person of the Mechanism (someone with a
  role in a table, the liaison group or an organisation); only when the invitee accepts do they
  become co-author (the guardian permission, and the editor whatever their table). Authors
  remove co-authors. Co-authors never approve (``ReviewTask.is_approver``).
* **Comments on drafts**, threaded, seen by those who see the item's history
  (``selectors.follows``), never public; an author of the item or its table's secretariat hides
  one (its author, whoever hid it and the secretariat still see it, marked).
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.models import OrganisationMembership, RecommendationPage

from . import notifications, recommendations, versions
from .errors import InvalidTransition, NotAllowed, WorkflowError
from .models import Amendment, CoAuthorInvitation, DraftComment, authors_of
from .roles import TABLE_ROLES, group_name, reads_table, role_groups
from .selectors import follows

User = get_user_model()
WORDING = ("title", "text", "rationale")
CLOSED = ("published", "withdrawn")
MAX_LENGTH = {"title": 255, "text": 10000, "rationale": 10000, "justification": 5000, "reason": 5000, "body": 5000}


def _check_length(name: str, value: str) -> None:
    if len(value) > MAX_LENGTH[name]:
        raise WorkflowError(_("At most %(count)s characters.") % {"count": MAX_LENGTH[name]}, field=name)


def is_author(user, item) -> bool:
    return bool(user and user.is_authenticated and user.pk in authors_of(item))


# --- Amendments -------------------------------------------------------------------------------


def may_amend(user, item: RecommendationPage) -> bool:
    if item.status in CLOSED:
        return False
    if reads_table(user, item.table):
        return True
    task_state, task = recommendations.current_task(item)
    return task is not None and task.is_approver(item, user)


def amendments_visible_to(user, item: RecommendationPage) -> QuerySet[Amendment]:
    if not follows(user, item):
        return Amendment.objects.none()
    return item.amendments.select_related("proposer", "decided_by", "recommendation")


@transaction.atomic
def amendment_propose(*, item: RecommendationPage, user, justification: str, **wording) -> Amendment:
    """New wording for ``item``: any of ``title``, ``text``, ``rationale`` (others unchanged)."""
    item = recommendations.locked(item)
    if item.status in CLOSED:
        raise InvalidTransition(_("A published or withdrawn recommendation is not amended."))
    if not may_amend(user, item):
        raise NotAllowed(_("Only the people of its table and its current reviewers propose amendments."))
    unknown = set(wording) - set(WORDING)
    if unknown:
        raise WorkflowError(_("Not editable: %(fields)s.") % {"fields": ", ".join(sorted(unknown))}, field=sorted(unknown)[0])
    justification = (justification or "").strip()
    if not justification:
        raise WorkflowError(_("Say why the wording should change."), field="justification")
    _check_length("justification", justification)
    base = item.get_latest_revision()
    current = base.content
    changes = {}
    for name in WORDING:
        value = wording.get(name)
        if value is None:
            continue
        value = value.strip()
        _check_length(name, value)
        if name == "title" and not value:
            raise WorkflowError(_("A recommendation needs a title."), field="title")
        if value != (current.get(name) or ""):
            changes[name] = value
    if not changes:
        raise WorkflowError(
            _("The amendment changes nothing: give new wording for the title, the text or the rationale."),
            field="non_field_errors",
        )
    amendment = Amendment.objects.create(
        recommendation=item, proposer=user, base_revision=base, justification=justification, **changes
    )
    recommendations.record(item, "amendment_proposed", user, stage=item.stage, comment=justification, amendment=amendment.pk)
    notifications.amendment_proposed(amendment)
    return amendment


def _deciding(amendment: Amendment, user) -> tuple[Amendment, RecommendationPage]:
    amendment = Amendment.objects.select_for_update().select_related("recommendation").get(pk=amendment.pk)
    item = recommendations.locked(amendment.recommendation)
    if not is_author(user, item):
        raise NotAllowed(_("Only its authors accept or reject an amendment."))
    if amendment.state != Amendment.PENDING:
        raise InvalidTransition(_("This amendment has already been decided."))
    return amendment, item


@transaction.atomic
def amendment_accept(*, amendment: Amendment, user, reason: str = "") -> Amendment:
    amendment, item = _deciding(amendment, user)
    if item.status in CLOSED:
        raise InvalidTransition(_("A published or withdrawn recommendation is not amended."))
    if amendment.base_revision_id != item.latest_revision_id:
        raise InvalidTransition(
            _("The recommendation changed since this amendment was proposed: reject it, or propose it again.")
        )
    reason = (reason or "").strip()
    _check_length("reason", reason)
    changes = {name: value for name, value in amendment.wording().items() if value is not None}
    revision = recommendations.save_version(item, changes, author=amendment.proposer)
    amendment.state, amendment.decided_by, amendment.decided_at = Amendment.ACCEPTED, user, timezone.now()
    amendment.reason, amendment.applied_revision = reason, revision
    amendment.save()
    recommendations.record(
        item,
        "amendment_accepted",
        user,
        stage=item.stage,
        comment=reason,
        amendment=amendment.pk,
        proposer=amendment.proposer.get_username(),
    )
    notifications.amendment_decided(amendment)
    recommendations.on_edited(item=item, user=user)  # approved at a stage: back to the table stage
    return amendment


@transaction.atomic
def amendment_reject(*, amendment: Amendment, user, reason: str = "") -> Amendment:
    amendment, item = _deciding(amendment, user)
    reason = (reason or "").strip()
    _check_length("reason", reason)
    amendment.state, amendment.decided_by, amendment.decided_at, amendment.reason = (
        Amendment.REJECTED,
        user,
        timezone.now(),
        reason,
    )
    amendment.save()
    recommendations.record(
        item,
        "amendment_rejected",
        user,
        stage=item.stage,
        comment=reason,
        amendment=amendment.pk,
        proposer=amendment.proposer.get_username(),
    )
    notifications.amendment_decided(amendment)
    return amendment


def amendment_diff(amendment: Amendment) -> dict[str, list[dict[str, str]]]:
    """Each field it changes, word by word against its base version."""
    base = amendment.base_revision.content
    return {
        name: versions.word_diff(base.get(name) or "", value) for name, value in amendment.wording().items() if value is not None
    }


# --- Co-authors by invitation ---------------------------------------------------------------


def people_of_the_mechanism() -> QuerySet:
    """Who may be invited: active people with a role in a table or the liaison group, or a
    member of an organisation (not accounts that are only administrators, curators or the
    network's)."""
    groups = [group_name(role, table) for role, table in role_groups() if role in (*TABLE_ROLES, "liaison")]
    members = OrganisationMembership.objects.values("user")
    return User.objects.filter(Q(groups__name__in=groups) | Q(pk__in=members), is_active=True).distinct()


def find_people(text: str, *, limit: int = 20) -> QuerySet:
    """People of the Mechanism whose name or username contains ``text``."""
    text = (text or "").strip()
    if len(text) < 2:
        return User.objects.none()
    match = Q(username__icontains=text) | Q(first_name__icontains=text) | Q(last_name__icontains=text)
    return people_of_the_mechanism().filter(match).order_by("first_name", "last_name", "username")[:limit]


def invitations_visible_to(user, item: RecommendationPage) -> QuerySet[CoAuthorInvitation]:
    if not follows(user, item):
        return CoAuthorInvitation.objects.none()
    return item.invitations.filter(state=CoAuthorInvitation.PENDING).select_related("invitee", "invited_by")


def invitations_for(user) -> QuerySet[CoAuthorInvitation]:
    """The invitations waiting for ``user``'s answer."""
    if not (user and user.is_authenticated):
        return CoAuthorInvitation.objects.none()
    return CoAuthorInvitation.objects.filter(invitee=user, state=CoAuthorInvitation.PENDING).select_related(
        "recommendation", "invited_by"
    )


@transaction.atomic
def invite(*, item: RecommendationPage, user, username: str) -> CoAuthorInvitation:
    item = recommendations.locked(item)
    if not is_author(user, item):
        raise NotAllowed(_("Only its authors invite co-authors."))
    if item.status in CLOSED:
        raise InvalidTransition(_("A published or withdrawn recommendation takes no new co-authors."))
    invitee = people_of_the_mechanism().filter(username=(username or "").strip()).first()
    if invitee is None:
        raise WorkflowError(_("No person of the Mechanism has this username."), field="username")
    if invitee.pk in authors_of(item):
        raise WorkflowError(_("This person is already an author of the recommendation."), field="username")
    if item.invitations.filter(invitee=invitee, state=CoAuthorInvitation.PENDING).exists():
        raise WorkflowError(_("This person has already been invited."), field="username")
    invitation = CoAuthorInvitation.objects.create(recommendation=item, invitee=invitee, invited_by=user)
    recommendations.record(item, "co_author_invited", user, stage=item.stage, invitee=invitee.get_username())
    notifications.invited(invitation)
    return invitation


def _answering(invitation: CoAuthorInvitation, user) -> tuple[CoAuthorInvitation, RecommendationPage]:
    invitation = CoAuthorInvitation.objects.select_for_update().get(pk=invitation.pk)
    if not (user and user.is_authenticated and invitation.invitee_id == user.pk):
        raise NotAllowed(_("Only the invited person answers an invitation."))
    if invitation.state != CoAuthorInvitation.PENDING:
        raise InvalidTransition(_("This invitation has already been answered."))
    return invitation, recommendations.locked(invitation.recommendation)


@transaction.atomic
def accept_invitation(*, invitation: CoAuthorInvitation, user) -> CoAuthorInvitation:
    invitation, item = _answering(invitation, user)
    if item.status in CLOSED:
        raise InvalidTransition(_("A published or withdrawn recommendation takes no new co-authors."))
    co_authors = list(item.get_latest_revision_as_object().co_authors.all())
    recommendations.save_version(item, {"co_authors": [*co_authors, user]}, author=user)  # the text is unchanged
    invitation.state, invitation.decided_at = CoAuthorInvitation.ACCEPTED, timezone.now()
    invitation.save(update_fields=["state", "decided_at"])
    recommendations.record(item, "co_author_joined", user, stage=item.stage)
    return invitation


@transaction.atomic
def decline_invitation(*, invitation: CoAuthorInvitation, user) -> CoAuthorInvitation:
    invitation, item = _answering(invitation, user)
    invitation.state, invitation.decided_at = CoAuthorInvitation.DECLINED, timezone.now()
    invitation.save(update_fields=["state", "decided_at"])
    recommendations.record(item, "co_author_declined", user, stage=item.stage)
    return invitation


@transaction.atomic
def remove_co_author(*, item: RecommendationPage, user, co_author) -> RecommendationPage:
    item = recommendations.locked(item)
    if not is_author(user, item):
        raise NotAllowed(_("Only its authors remove co-authors."))
    co_authors = list(item.get_latest_revision_as_object().co_authors.all())
    if co_author not in co_authors:
        raise WorkflowError(_("This person is not a co-author of the recommendation."), field="username")
    recommendations.save_version(item, {"co_authors": [u for u in co_authors if u.pk != co_author.pk]}, author=user)
    recommendations.record(item, "co_author_removed", user, stage=item.stage, co_author=co_author.get_username())
    return item


# --- Comments on drafts ----------------------------------------------------------------------


def may_moderate_comments(user, item: RecommendationPage) -> bool:
    """An author of the item, its table's secretariat, administrators."""
    if not (user and user.is_authenticated):
        return False
    if user.is_superuser or is_author(user, item):
        return True
    return user.groups.filter(name=group_name("secretariat", item.table)).exists()


def comments_visible_to(user, item: RecommendationPage) -> list[DraftComment]:
    """The thread in order, each comment with ``replies``; hidden ones only for their author,
    whoever hid them and the secretariat (marked ``hidden``)."""
    if not follows(user, item):
        return []
    secretariat = user.is_superuser or user.groups.filter(name=group_name("secretariat", item.table)).exists()
    comments = item.draft_comments.select_related("author", "hidden_by")
    if not secretariat:
        comments = comments.filter(Q(hidden_at__isnull=True) | Q(author=user) | Q(hidden_by=user))
    comments = list(comments)
    by_id = {comment.pk: comment for comment in comments}
    roots = []
    for comment in comments:
        comment.thread = []
        parent = by_id.get(comment.parent_id)
        (parent.thread if parent is not None else roots).append(comment)
    return roots


@transaction.atomic
def comment_post(*, item: RecommendationPage, user, body: str, parent: DraftComment | int | None = None) -> DraftComment:
    if not follows(user, item):
        raise NotAllowed(_("Only those who work on a recommendation comment on it."))
    body = (body or "").strip()
    if not body:
        raise WorkflowError(_("A comment cannot be empty."), field="body")
    _check_length("body", body)
    if parent is not None:
        parent_id = getattr(parent, "pk", parent)
        parent = item.draft_comments.filter(pk=parent_id).first()
        if parent is None:
            raise WorkflowError(_("Reply to a comment of this recommendation."), field="parent")
    comment = DraftComment.objects.create(recommendation=item, author=user, body=body, parent=parent)
    notifications.draft_commented(comment)
    return comment


@transaction.atomic
def comment_hide(*, comment: DraftComment, user) -> DraftComment:
    comment = DraftComment.objects.select_for_update().select_related("recommendation").get(pk=comment.pk)
    if not may_moderate_comments(user, comment.recommendation):
        raise NotAllowed(_("Only the authors of the recommendation and its table's secretariat hide comments."))
    if comment.hidden:
        raise InvalidTransition(_("This comment is already hidden."))
    comment.hidden_by, comment.hidden_at = user, timezone.now()
    comment.save(update_fields=["hidden_by", "hidden_at"])
    return comment
