"""Contributions and their comment threads: the working material of a table.

Who reads them and who writes them is the table predicates of ``workflows.roles``
(``reads_table``, ``drafts_in_table``); per-contribution read access is stored as guardian
object permissions granted to the table's reader groups when a contribution is created or
moved, and the author's right to edit as a guardian permission of their own. Every door (the
API, the site, Wagtail's admin through ``workflows.policies``) calls these functions.
"""

from __future__ import annotations

from contextlib import contextmanager

from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext
from django.utils.translation import gettext as _
from guardian.shortcuts import assign_perm, get_objects_for_user, remove_perm
from wagtail.log_actions import log

from cms.models import Contribution, ContributionComment, RecommendationPage
from cms.taxonomies import TABLES, table_name

from . import documents, notifications
from .errors import NotAllowed, WorkflowError
from .roles import drafts_in_table, table_reader_groups

VIEW = "cms.view_contribution"
CHANGE = "cms.change_contribution"
FIELDS = ("title", "table", "text", "objectives", "countries", "attachment")
# The audit-log action of a recommendation's choice of the contributions it consolidates.
CONSOLIDATE_LOG_ACTION = "enlace.consolidate"


def table_groups(table: str) -> list[Group]:
    """The groups that read ``table``'s working material, as guardian grants them access."""
    return [Group.objects.get_or_create(name=name)[0] for name in table_reader_groups(table)]


def grant_access(contribution: Contribution, *, previous_table: str | None = None) -> None:
    """The author may edit; the table's readers may read and comment."""
    assign_perm(CHANGE, contribution.author, contribution)
    if previous_table and previous_table != contribution.table:
        for group in table_groups(previous_table):
            remove_perm(VIEW, group, contribution)
    for group in table_groups(contribution.table):
        assign_perm(VIEW, group, contribution)


def contributions_visible_to(user) -> QuerySet[Contribution]:
    if not (user and user.is_authenticated and user.is_active):
        return Contribution.objects.none()
    if user.is_superuser:
        return Contribution.objects.all()
    return get_objects_for_user(user, VIEW, klass=Contribution, accept_global_perms=False)


def contributions_editable_by(user) -> QuerySet[Contribution]:
    if not (user and user.is_authenticated and user.is_active):
        return Contribution.objects.none()
    if user.is_superuser:
        return Contribution.objects.all()
    return get_objects_for_user(user, CHANGE, klass=Contribution, accept_global_perms=False)


def can_view_contribution(user, contribution: Contribution) -> bool:
    return contributions_visible_to(user).filter(pk=contribution.pk).exists()


def can_edit_contribution(user, contribution: Contribution) -> bool:
    """Only its author (and administrators) edit a contribution."""
    return contributions_editable_by(user).filter(pk=contribution.pk).exists()


def _check_table(user, table: str) -> None:
    if table not in TABLES:
        raise WorkflowError(_("Unknown working table %(table)s.") % {"table": table}, field="table")
    if not drafts_in_table(user, table):
        raise WorkflowError(
            _("Only the delegates and secretariat of table %(table)s contribute there.") % {"table": table}, field="table"
        )


def _set_fields(contribution: Contribution, data: dict) -> None:
    unknown = set(data) - set(FIELDS)
    if unknown:
        raise WorkflowError(_("Not editable: %(fields)s.") % {"fields": ", ".join(sorted(unknown))}, field=sorted(unknown)[0])
    attachment = data.get("attachment")
    if attachment is not None and attachment.pk != contribution.attachment_id:
        documents.check_attachable(attachment, data.get("table", contribution.table))
    for name, value in data.items():
        setattr(contribution, name, list(value) if name in ("objectives", "countries") else value)


@contextmanager
def _stored(upload, *, table: str, user):
    """The upload as a document of ``table`` (None without one); its file is removed again if
    what follows fails, so a refused request leaves nothing behind."""
    document = documents.store(upload, table=table, user=user) if upload is not None else None
    try:
        yield document
    except BaseException:
        documents.discard(document)
        raise


@transaction.atomic
def contribution_create(*, user, table: str, upload=None, **data) -> Contribution:
    """A new contribution of ``user`` in ``table``. ``upload`` (a file) becomes its attachment,
    stored in the table's private collection; a file of a type not allowed or over the size
    limit is a field error on ``attachment``, and nothing is saved."""
    if not drafts_in_table(user, table):
        if table not in TABLES:
            raise WorkflowError(_("Unknown working table %(table)s.") % {"table": table}, field="table")
        raise NotAllowed(_("Only the delegates and secretariat of table %(table)s contribute there.") % {"table": table})
    contribution = Contribution(author=user, table=table)
    _set_fields(contribution, data)
    contribution.full_clean()
    with _stored(upload, table=table, user=user) as document:
        if document is not None:
            contribution.attachment = document
        contribution.save()
        contribution.save_revision(user=user)
        grant_access(contribution)
        log(instance=contribution, action="wagtail.create", user=user)
        notifications.contribution_added(contribution)
    return contribution


@transaction.atomic
def contribution_update(*, contribution: Contribution, user, upload=None, **data) -> Contribution:
    """Edit by the author. Moving it to another table needs the right to draft there (its
    comment thread and its attachment move with it): otherwise a field error on ``table``,
    nothing saved. ``upload`` replaces the attachment; ``attachment=None`` removes it (earlier
    versions keep theirs)."""
    contribution = Contribution.objects.select_for_update().get(pk=contribution.pk)
    if not can_edit_contribution(user, contribution):
        raise NotAllowed(_("Only its author edits a contribution."))
    old_table = contribution.table
    if data.get("table", old_table) != old_table:
        _check_table(user, data["table"])
    _set_fields(contribution, data)
    contribution.full_clean()
    with _stored(upload, table=contribution.table, user=user) as document:
        if document is not None:
            contribution.attachment = document
        elif contribution.attachment is not None and contribution.table != old_table:
            documents.follow_table(contribution.attachment, contribution.table)
        contribution.save()
        contribution.save_revision(user=user)
        grant_access(contribution, previous_table=old_table)
        log(instance=contribution, action="wagtail.edit", user=user)
    return contribution


@transaction.atomic
def contribution_comment(*, contribution: Contribution, user, text: str) -> ContributionComment:
    if not can_view_contribution(user, contribution):
        raise NotAllowed(_("Only the people of the contribution's table comment on it."))
    text = (text or "").strip()
    if not text:
        raise WorkflowError(_("A comment cannot be empty."), field="text")
    comment = ContributionComment.objects.create(contribution=contribution, author=user, text=text)
    notifications.contribution_commented(comment)
    return comment


def comments_visible_to(user, contribution: Contribution) -> QuerySet[ContributionComment]:
    if not can_view_contribution(user, contribution):
        return ContributionComment.objects.none()
    return contribution.comments.select_related("author")


# --- Consolidation: the recommendations a table's contributions went into -----------------


def can_consolidate(user, recommendation: RecommendationPage) -> bool:
    """The drafters of the recommendation's table choose the contributions it consolidates."""
    return drafts_in_table(user, recommendation.table)


def consolidation_candidates(user, recommendation: RecommendationPage) -> QuerySet[Contribution]:
    """The contributions ``user`` could mark as consolidated into ``recommendation``: its table's."""
    return contributions_visible_to(user).filter(table=recommendation.table).select_related("author", "consolidated_into")


def consolidated_in(user, recommendation: RecommendationPage) -> QuerySet[Contribution]:
    """The contributions consolidated into ``recommendation`` that ``user`` may read."""
    return contributions_visible_to(user).filter(consolidated_into=recommendation).select_related("author")


@transaction.atomic
def consolidate(*, recommendation: RecommendationPage, contributions, user) -> list[Contribution]:
    """Say which contributions ``recommendation`` consolidates: exactly ``contributions`` (those
    it consolidated before and are not listed are released). Only the drafters of its table
    (NotAllowed otherwise); only contributions of its table (a field error on
    ``contributions`` otherwise, nothing saved). Recorded in the recommendation's audit log."""
    table = recommendation.table
    if not can_consolidate(user, recommendation):
        raise NotAllowed(gettext("Only the delegates and secretariat of its table choose what a recommendation consolidates."))
    refused = WorkflowError(
        gettext("Only contributions of %(table)s can be consolidated into this recommendation.") % {"table": table_name(table)},
        field="contributions",
    )
    try:
        ids = sorted({item.pk if isinstance(item, Contribution) else int(item) for item in contributions})
    except (TypeError, ValueError):
        raise refused from None
    chosen = list(Contribution.objects.select_for_update().filter(pk__in=ids))
    if len(chosen) != len(ids) or any(item.table != table for item in chosen):
        raise refused
    before = set(Contribution.objects.filter(consolidated_into=recommendation).values_list("pk", flat=True))
    added, removed = sorted(set(ids) - before), sorted(before - set(ids))
    if not added and not removed:
        return chosen
    # An update, not a save: neither the contributions' authors' versions nor their times change.
    Contribution.objects.filter(pk__in=removed).update(consolidated_into=None)
    Contribution.objects.filter(pk__in=added).update(consolidated_into=recommendation)
    log(
        instance=recommendation,
        action=CONSOLIDATE_LOG_ACTION,
        user=user,
        data={"contributions": ids, "added": added, "removed": removed},
    )
    return list(Contribution.objects.filter(pk__in=ids))
