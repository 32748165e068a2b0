"""A working table's people, managed by its secretariat (SPEC §1: "manage table N's space pages
and members"): which organisations take part in it (their ``tables``; their members follow
through ``roles.sync_organisation_members``) and who is its delegate (``roles.grant_role`` /
``revoke_role``). Only the secretariat of the table and administrators: every service checks it
(NotAllowed otherwise), and every change is an entry of Wagtail's audit log
(``enlace.table_membership``) on the organisation or the person changed.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext
from wagtail.log_actions import log

from cms.models import Organisation
from cms.taxonomies import TABLES, table_name

from .errors import NotAllowed, WorkflowError
from .roles import grant_role, group_name, revoke_role, roles_of, sync_organisation_members, table_member_group

User = get_user_model()
LOG_ACTION = "enlace.table_membership"
CHANGES = ("organisation_added", "organisation_removed", "delegate_added", "delegate_removed")


def can_manage_table(user, table: str | None) -> bool:
    """The secretariat of ``table`` and administrators."""
    if not (user and user.is_authenticated and user.is_active) or table not in TABLES:
        return False
    return user.is_superuser or ("secretariat", table) in roles_of(user)


def tables_managed_by(user) -> list[str]:
    return [table for table in TABLES.codes if can_manage_table(user, table)]


def _check(user, table: str) -> None:
    if table not in TABLES:
        raise WorkflowError(f"unknown table {table!r}", field="table")
    if not can_manage_table(user, table):
        raise NotAllowed(
            gettext("Only the secretariat of %(table)s and administrators manage its members.") % {"table": table_name(table)}
        )


def _log(instance, user, table: str, change: str) -> None:
    log(instance=instance, action=LOG_ACTION, user=user, data={"table": table, "change": change})


# --- Reading ----------------------------------------------------------------------------------


def organisations_in(table: str) -> list[Organisation]:
    """The organisations taking part in ``table``, by name."""
    return [organisation for organisation in Organisation.objects.order_by("name") if table in organisation.tables]


def organisations_not_in(table: str) -> list[Organisation]:
    return [organisation for organisation in Organisation.objects.order_by("name") if table not in organisation.tables]


def _people(group: str) -> QuerySet:
    return User.objects.filter(groups__name=group, is_active=True).distinct().order_by("first_name", "last_name", "username")


def people_of(table: str) -> dict:
    """``{"delegates", "secretariat", "members"}``: its delegates, its secretariat, and the
    members of the organisations taking part in it (each with ``table_organisations``)."""
    organisations = {organisation.pk: organisation for organisation in organisations_in(table)}
    members = list(_people(table_member_group(table)).prefetch_related("memberships"))
    for person in members:
        person.table_organisations = [
            organisations[m.organisation_id] for m in person.memberships.all() if m.organisation_id in organisations
        ]
    return {
        "delegates": list(_people(group_name("delegate", table))),
        "secretariat": list(_people(group_name("secretariat", table))),
        "members": members,
    }


def find_people(query: str, *, limit: int = 20) -> list:
    """Active people whose name (or user name) contains every word of ``query``."""
    words = query.split()[:5]
    if not words:
        return []
    people = User.objects.filter(is_active=True)
    for word in words:
        people = people.filter(Q(first_name__icontains=word) | Q(last_name__icontains=word) | Q(username__icontains=word))
    return list(people.order_by("first_name", "last_name", "username")[:limit])


# --- Changing ---------------------------------------------------------------------------------


@transaction.atomic
def table_add_organisation(*, table: str, organisation: Organisation, user) -> Organisation:
    """``organisation`` takes part in ``table``; its members become readers of the table."""
    _check(user, table)
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if table in organisation.tables:
        raise WorkflowError(gettext("This organisation already takes part in the table."), field="organisation")
    organisation.tables = [code for code in TABLES.codes if code in {*organisation.tables, table}]
    organisation.save(update_fields=["tables"])
    sync_organisation_members(organisation)
    _log(organisation, user, table, "organisation_added")
    return organisation


@transaction.atomic
def table_remove_organisation(*, table: str, organisation: Organisation, user) -> Organisation:
    """``organisation`` leaves ``table``; its members stop reading the table (unless another of
    their organisations takes part in it)."""
    _check(user, table)
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if table not in organisation.tables:
        raise WorkflowError(gettext("This organisation does not take part in the table."), field="organisation")
    organisation.tables = [code for code in organisation.tables if code != table]
    organisation.save(update_fields=["tables"])
    sync_organisation_members(organisation)
    _log(organisation, user, table, "organisation_removed")
    return organisation


@transaction.atomic
def table_add_delegate(*, table: str, person, user) -> None:
    """``person`` becomes a delegate of ``table`` (drafts and endorses there)."""
    _check(user, table)
    if not person.is_active:
        raise WorkflowError(gettext("This account is not active."), field="person")
    if ("delegate", table) in roles_of(person):
        raise WorkflowError(gettext("This person is already a delegate of the table."), field="person")
    grant_role(person, "delegate", table=table)
    _log(person, user, table, "delegate_added")


@transaction.atomic
def table_remove_delegate(*, table: str, person, user) -> None:
    """``person`` is no longer a delegate of ``table``."""
    _check(user, table)
    if ("delegate", table) not in roles_of(person):
        raise WorkflowError(gettext("This person is not a delegate of the table."), field="person")
    revoke_role(person, "delegate", table=table)
    _log(person, user, table, "delegate_removed")
