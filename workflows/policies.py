"""Wagtail permission policies for Enlace's snippets, answered by the services' own rules.

Wagtail asks a model's registered policy (``wagtail.permissions.policy_registry``) whether a
user may list, add, change, delete or view its instances: its menus, listings, choosers, bulk
actions, and (through ``workflows.admin``) every view of one instance. Each policy below
answers from the same functions the REST API and the site call (``workflows.contributions``,
``workflows.followups``, ``workflows.roles``), so a rule is written once and every door asks it
the same way. Registered in ``WorkflowsConfig.ready`` (before Wagtail creates a fallback).

Actions: ``view`` (read one instance), ``add``, ``change``, ``delete``; model-level answers say
whether the user may do that to *some* instance (menus and listings), instance-level answers
decide for one.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from guardian.shortcuts import get_objects_for_user
from wagtail.permission_policies import BasePermissionPolicy

from cms.models import Contribution, FollowUpReport, Organisation
from cms.taxonomies import TABLES

from . import contributions, followups
from .roles import table_drafter_groups, table_reader_groups, tables_drafted_by, tables_read_by

User = get_user_model()


def _active(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


class EnlacePolicy(BasePermissionPolicy):
    """Instance answers from ``instances_user_has_any_permission_for`` (one rule per action, as
    a queryset), model answers from ``user_has_permission``."""

    def instances_for(self, user, action) -> QuerySet:
        raise NotImplementedError

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        queryset = self.model._default_manager.none()
        if not _active(user):
            return queryset
        for action in set(actions):
            queryset = queryset | self.instances_for(user, action)
        return queryset.distinct()

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_any_permission_for_instance(user, [action], instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.instances_user_has_any_permission_for(user, actions).filter(pk=instance.pk).exists()

    def users_with_any_permission_for_instance(self, actions, instance):
        return User.objects.filter(
            pk__in=[
                u.pk
                for u in self.users_with_any_permission(actions)
                if self.user_has_any_permission_for_instance(u, actions, instance)
            ]
        )


class ContributionPermissionPolicy(EnlacePolicy):
    """A table's contributions are read by its readers and edited by their author only;
    created by the table's drafters; deleted by administrators."""

    def user_has_permission(self, user, action):
        if not _active(user):
            return False
        if user.is_superuser:
            return True
        if action == "view":
            return bool(tables_read_by(user))
        if action in ("add", "change"):
            return bool(tables_drafted_by(user))
        return False

    def instances_for(self, user, action):
        if action == "view":
            return contributions.contributions_visible_to(user)
        if action == "change":
            return contributions.contributions_editable_by(user)
        if action == "delete" and user.is_superuser:
            return Contribution.objects.all()
        return Contribution.objects.none()

    def users_with_any_permission(self, actions):
        groups = set()
        for table in TABLES.codes:
            groups.update(table_reader_groups(table) if "view" in actions else ())
            groups.update(table_drafter_groups(table) if {"add", "change"} & set(actions) else ())
        return User.objects.filter(Q(is_superuser=True) | Q(groups__name__in=groups), is_active=True).distinct()


class FollowUpReportPermissionPolicy(EnlacePolicy):
    """Curators and the Red Regional review follow-up reports (view; publish or send back in
    the inspect view, through ``workflows.followups``). Nobody writes them in the admin but
    administrators: reporters use the site and the API."""

    def user_has_permission(self, user, action):
        if not _active(user):
            return False
        if user.is_superuser:
            return True
        return action == "view" and followups.is_reviewer(user)

    def instances_for(self, user, action):
        if action == "view" and followups.is_reviewer(user):
            return followups.reports_visible_to(user)
        if user.is_superuser:
            return FollowUpReport.objects.all()
        return FollowUpReport.objects.none()

    def users_with_any_permission(self, actions):
        rule = Q(is_superuser=True)
        if "view" in actions:
            rule |= Q(groups__name__in=followups.REVIEWER_GROUPS)
        return User.objects.filter(rule, is_active=True).distinct()


class OrganisationPermissionPolicy(EnlacePolicy):
    """The directory is public; curators keep it (Django model permissions), and the members
    of an organisation edit its profile (a guardian object permission)."""

    def user_has_permission(self, user, action):
        return _active(user) and user.has_perm(f"cms.{action}_organisation")

    def instances_for(self, user, action):
        if action == "view" or user.has_perm(f"cms.{action}_organisation"):
            return Organisation.objects.all()
        if action == "change":
            return get_objects_for_user(user, "cms.change_organisation", klass=Organisation, accept_global_perms=False)
        return Organisation.objects.none()

    def users_with_any_permission(self, actions):
        names = [f"{action}_organisation" for action in actions]
        rule = Q(is_superuser=True) | Q(
            groups__permissions__codename__in=names, groups__permissions__content_type__app_label="cms"
        )
        return User.objects.filter(rule, is_active=True).distinct()


def register() -> None:
    from wagtail.permissions import register_permission_policy

    register_permission_policy(Contribution, ContributionPermissionPolicy(Contribution))
    register_permission_policy(FollowUpReport, FollowUpReportPermissionPolicy(FollowUpReport))
    register_permission_policy(Organisation, OrganisationPermissionPolicy(Organisation))
