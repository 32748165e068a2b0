"""Contributions and their comment threads, visible per table through guardian object
permissions that these functions grant when a contribution is created or moved."""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import QuerySet
from guardian.shortcuts import assign_perm, get_objects_for_user, remove_perm

from cms.models import Contribution, ContributionComment
from cms.taxonomies import TABLES

from .roles import group_name, table_member_group, tables_of
from .services import NotAllowed, WorkflowError

VIEW = "cms.view_contribution"


def table_groups(table: str) -> list[Group]:
    names = [group_name("delegate", table), group_name("secretariat", table), table_member_group(table)]
    return [Group.objects.get_or_create(name=name)[0] for name in names]


def grant_access(contribution: Contribution, *, previous_table: str | None = None) -> None:
    """The author may edit; the table's delegates, secretariat and members may read and comment.
    Called wherever a contribution is created or changes table (services and the admin)."""
    assign_perm("cms.change_contribution", contribution.author, contribution)
    if previous_table and previous_table != contribution.table:
        for group in table_groups(previous_table):
            remove_perm(VIEW, group, contribution)
    for group in table_groups(contribution.table):
        assign_perm(VIEW, group, contribution)


def contributions_visible_to(user) -> QuerySet[Contribution]:
    if not (user and user.is_authenticated):
        return Contribution.objects.none()
    if user.is_superuser:
        return Contribution.objects.all()
    return get_objects_for_user(user, VIEW, klass=Contribution, accept_global_perms=False)


def can_view_contribution(user, contribution: Contribution) -> bool:
    return contributions_visible_to(user).filter(pk=contribution.pk).exists()


@transaction.atomic
def contribution_create(*, user, table: str, title: str, text: str, objectives=(), countries=()) -> Contribution:
    if table not in TABLES:
        raise WorkflowError(f"unknown table {table!r}", field="table")
    if not (user.is_superuser or table in tables_of(user)):
        raise NotAllowed(f"only delegates and secretariat of table {table} contribute there")
    contribution = Contribution(
        author=user, table=table, title=title, text=text, objectives=list(objectives), countries=list(countries)
    )
    contribution.full_clean()
    contribution.save()
    contribution.save_revision(user=user)
    grant_access(contribution)
    return contribution


@transaction.atomic
def contribution_update(*, contribution: Contribution, user, **data) -> Contribution:
    contribution = Contribution.objects.select_for_update().get(pk=contribution.pk)
    if not (user.is_superuser or user.has_perm("cms.change_contribution", contribution)):
        raise NotAllowed("only the author edits a contribution")
    old_table = contribution.table
    for name in ("title", "text", "objectives", "countries", "table"):
        if name in data:
            setattr(contribution, name, data[name])
    contribution.full_clean()
    contribution.save()
    contribution.save_revision(user=user)
    grant_access(contribution, previous_table=old_table)
    return contribution


@transaction.atomic
def contribution_comment(*, contribution: Contribution, user, text: str) -> ContributionComment:
    if not can_view_contribution(user, contribution):
        raise NotAllowed("only the members of the contribution's table comment on it")
    text = (text or "").strip()
    if not text:
        raise WorkflowError("A comment cannot be empty.", field="text")
    return ContributionComment.objects.create(contribution=contribution, author=user, text=text)


def comments_visible_to(user, contribution: Contribution) -> QuerySet[ContributionComment]:
    if not can_view_contribution(user, contribution):
        return ContributionComment.objects.none()
    return contribution.comments.select_related("author")
