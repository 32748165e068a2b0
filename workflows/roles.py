"""The roles of SPEC §1 as Django groups, model permissions, Wagtail page permissions and
guardian object permissions.

A role is granted by putting the user in the role's group (per table for delegates and
secretariats); what a group may do is declared here once and applied by
:func:`sync_role_groups`, which is idempotent and runs from ``grant_role`` and ``seed_demo``.
Object permissions (an organisation's profile) are granted and revoked together with the
membership that justifies them, never by hand.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from guardian.shortcuts import assign_perm, remove_perm
from wagtail.models import GroupPagePermission, Page

from cms.models import HomePage, Organisation, OrganisationMembership, PracticeIndexPage, TableSpacePage
from cms.taxonomies import ROLES, TABLES

User = get_user_model()

TABLE_ROLES = ("delegate", "secretariat")
# Members of organisations taking part in table N: derived from their organisations, kept in
# step by sync_table_memberships (never assigned by hand).
TABLE_MEMBER_GROUP = "member-table-{table}"
ADMIN_ACCESS = "wagtailadmin.access_admin"


class RoleError(ValueError):
    """A role cannot be granted as asked (unknown role, missing or stray table/organisation)."""


@dataclass(frozen=True)
class RoleRights:
    model_permissions: tuple[str, ...] = ()
    repository_page_permissions: tuple[str, ...] = ()  # on the repository of practices
    table_page_permissions: tuple[str, ...] = ()  # on the role's own table space
    # On the home page of every other language's tree (cms/i18n.py): translating the site.
    translation_page_permissions: tuple[str, ...] = ()


RIGHTS: dict[str, RoleRights] = {
    # Members edit their organisation's profile through an object permission, not a group one.
    "member": RoleRights(),
    # Contributions are per table: who may read or write one is the table predicates below
    # (asked by the admin through workflows.policies), never a model-wide permission, which
    # Wagtail would read as "every contribution" (listings, site history).
    "delegate": RoleRights(
        model_permissions=(ADMIN_ACCESS,),
        table_page_permissions=("add_page", "change_page"),
    ),
    "secretariat": RoleRights(
        model_permissions=(ADMIN_ACCESS,),
        table_page_permissions=("add_page", "change_page", "lock_page", "unlock_page"),
    ),
    # Liaison and network members reach items through their workflow tasks.
    "liaison": RoleRights(model_permissions=(ADMIN_ACCESS,)),
    "network": RoleRights(
        model_permissions=(ADMIN_ACCESS, "cms.view_followupreport"),
        repository_page_permissions=("add_page", "change_page", "publish_page"),
    ),
    "curator": RoleRights(
        model_permissions=(
            ADMIN_ACCESS,
            "cms.add_organisation",
            "cms.change_organisation",
            "cms.view_organisation",
            "cms.view_followupreport",  # review in the admin (workflows.followups decides)
            "simple_translation.submit_translation",  # curators are the site's translators
        ),
        repository_page_permissions=("add_page", "change_page", "publish_page"),
        translation_page_permissions=("change_page", "publish_page"),
    ),
    "admin": RoleRights(),  # superuser
}
assert set(RIGHTS) == set(ROLES.codes), "every role of the taxonomy has its rights here"


def group_name(role: str, table: str | None = None) -> str:
    """The stable name of a role's group: ``delegates-table-1``, ``liaison``..."""
    if role in TABLE_ROLES:
        return f"{role}-table-{table}"
    return role


def role_groups() -> list[tuple[str, str | None]]:
    """Every (role, table) that has a group."""
    groups: list[tuple[str, str | None]] = []
    for role in ROLES.codes:
        if role == "admin":
            continue
        if role in TABLE_ROLES:
            groups.extend((role, table) for table in TABLES.codes)
        else:
            groups.append((role, None))
    return groups


def _permission(dotted: str) -> Permission:
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _page_permission(codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)


def _grant_page_permissions(group: Group, page: Page | None, codenames: tuple[str, ...]) -> None:
    if page is None:
        return
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=_page_permission(codename))


def table_member_group(table: str) -> str:
    return TABLE_MEMBER_GROUP.format(table=table)


def forget_groups(user) -> None:
    """Drop the group names and permissions cached on ``user`` after its groups changed."""
    for cached in ("_enlace_group_names", "_perm_cache", "_user_perm_cache", "_group_perm_cache"):
        user.__dict__.pop(cached, None)


def sync_table_memberships(user) -> None:
    """Put ``user`` in the member groups of exactly the tables of their organisations."""
    tables = {t for org in Organisation.objects.filter(memberships__user=user) for t in org.tables}
    for table in TABLES.codes:
        group, _ = Group.objects.get_or_create(name=table_member_group(table))
        if table in tables:
            user.groups.add(group)
        else:
            user.groups.remove(group)
    forget_groups(user)


def sync_organisation_members(organisation: Organisation) -> None:
    """After an organisation's tables change, its members follow."""
    for user in User.objects.filter(memberships__organisation=organisation):
        sync_table_memberships(user)


@transaction.atomic
def sync_role_groups() -> None:
    """Create the role groups and give them exactly their declared rights (idempotent).

    Page permissions attach to pages that exist; run again after creating table spaces.
    """
    repository = PracticeIndexPage.objects.originals().first()
    spaces = {space.table: space for space in TableSpacePage.objects.originals()}
    translated_homes = HomePage.objects.exclude(locale__language_code=settings.LANGUAGE_CODE)
    for role, table in role_groups():
        rights = RIGHTS[role]
        group, _ = Group.objects.get_or_create(name=group_name(role, table))
        group.permissions.set([_permission(p) for p in rights.model_permissions])
        _grant_page_permissions(group, repository, rights.repository_page_permissions)
        for home in translated_homes:
            _grant_page_permissions(group, home, rights.translation_page_permissions)
        if table is not None:
            _grant_page_permissions(group, spaces.get(table), rights.table_page_permissions)


def _check(role: str, table: str | None, organisation: Organisation | None) -> None:
    if role not in ROLES:
        raise RoleError(f"unknown role {role!r}; choose one of: {', '.join(ROLES.codes)}")
    if role in TABLE_ROLES and table is None:
        raise RoleError(f"the role {role!r} needs a table (one of {', '.join(TABLES.codes)})")
    if table is not None:
        if role not in TABLE_ROLES:
            raise RoleError(f"a table applies only to the roles {', '.join(TABLE_ROLES)}, not to {role!r}")
        if table not in TABLES:
            raise RoleError(f"unknown table {table!r}; choose one of: {', '.join(TABLES.codes)}")
    if role == "member" and organisation is None:
        raise RoleError("the role 'member' needs an organisation")
    if organisation is not None and role != "member":
        raise RoleError(f"an organisation applies only to the role 'member', not to {role!r}")


@transaction.atomic
def grant_role(user, role: str, *, table: str | None = None, organisation: Organisation | None = None) -> None:
    """Give ``user`` a role (idempotent). Raises :class:`RoleError` for impossible requests."""
    _check(role, table, organisation)
    if role == "admin":
        user.is_staff = user.is_superuser = True
        user.save(update_fields=["is_staff", "is_superuser"])
        return
    sync_role_groups()
    user.groups.add(Group.objects.get(name=group_name(role, table)))
    forget_groups(user)
    if role == "member":
        OrganisationMembership.objects.get_or_create(user=user, organisation=organisation)
        assign_perm("cms.change_organisation", user, organisation)
        sync_table_memberships(user)


@transaction.atomic
def revoke_role(user, role: str, *, table: str | None = None, organisation: Organisation | None = None) -> None:
    """Take a role away, with the object permissions that came with it."""
    _check(role, table, organisation)
    if role == "admin":
        user.is_superuser = False
        user.save(update_fields=["is_superuser"])
        return
    if role == "member":
        OrganisationMembership.objects.filter(user=user, organisation=organisation).delete()
        remove_perm("cms.change_organisation", user, organisation)
        sync_table_memberships(user)
        if OrganisationMembership.objects.filter(user=user).exists():
            return  # still a member through another organisation
    group = Group.objects.filter(name=group_name(role, table)).first()
    if group:
        user.groups.remove(group)
    forget_groups(user)


def set_default_admin_language(user) -> None:
    """New accounts see the admin in the platform's language (Spanish) until they choose."""
    from django.conf import settings
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    if not profile.preferred_language:
        profile.preferred_language = settings.LANGUAGE_CODE
        profile.save(update_fields=["preferred_language"])


def roles_of(user) -> list[tuple[str, str | None]]:
    """The (role, table) pairs a user holds, for display and checks."""
    names = group_names(user)
    held = [(role, table) for role, table in role_groups() if group_name(role, table) in names]
    if user.is_superuser:
        held.append(("admin", None))
    return held


def tables_of(user, roles: tuple[str, ...] = TABLE_ROLES) -> list[str]:
    """The tables where ``user`` is a delegate or secretariat."""
    return sorted({table for role, table in roles_of(user) if role in roles and table})


# --- The two questions every door asks about a table (SPEC §1) ------------------------------
#
# "A delegate of table 1 cannot read or change the drafts of table 2." Two predicates answer
# it everywhere (services, selectors, the API, the site, the admin's permission policies):
# who reads a table's working material (its drafts, recommendations in review, contributions,
# their comments and attachments), and who drafts in it (creates and edits that material).
# Their group form (``table_reader_groups``, ``table_drafter_groups``) is what guardian object
# permissions and workflow approvers are granted to, so the stored rights say the same.


def table_drafter_groups(table: str) -> list[str]:
    """Groups whose members draft in ``table``: its delegates and its secretariat."""
    return [group_name(role, table) for role in TABLE_ROLES]


def table_reader_groups(table: str) -> list[str]:
    """Groups whose members read ``table``'s working material: its drafters, and the members
    of the organisations taking part in it."""
    return [*table_drafter_groups(table), table_member_group(table)]


def group_names(user) -> set[str]:
    """The user's group names, read once per user object (requests ask several questions)."""
    cached = getattr(user, "_enlace_group_names", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True)) if user.pk else set()
        user._enlace_group_names = cached
    return cached


def _tables_where(user, groups_of_table) -> set[str]:
    if not (user and user.is_authenticated and user.is_active):
        return set()
    if user.is_superuser:
        return set(TABLES.codes)
    names = group_names(user)
    return {table for table in TABLES.codes if names.intersection(groups_of_table(table))}


def tables_read_by(user) -> set[str]:
    """The tables whose working material ``user`` may read."""
    return _tables_where(user, table_reader_groups)


def tables_drafted_by(user) -> set[str]:
    """The tables where ``user`` may draft."""
    return _tables_where(user, table_drafter_groups)


def reads_table(user, table: str | None) -> bool:
    """May ``user`` read ``table``'s working material?"""
    return bool(table) and table in tables_read_by(user)


def drafts_in_table(user, table: str | None) -> bool:
    """May ``user`` create and edit working material in ``table``?"""
    return bool(table) and table in tables_drafted_by(user)
