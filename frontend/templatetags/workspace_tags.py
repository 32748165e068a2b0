"""Labels for the workspace's templates: statuses, stages and actions in the reader's language,
and people by their name."""

from django import template

from cms.taxonomies import COUNTRIES, OBJECTIVES, REVIEW_ACTIONS, REVIEW_STAGES, REVIEW_STATUSES, TABLES, table_name
from workflows.roles import roles_of, tables_read_by

register = template.Library()


@register.filter
def review_status(code: str) -> str:
    return REVIEW_STATUSES.label(code) if code in REVIEW_STATUSES else ""


@register.filter
def review_stage(code: str) -> str:
    return REVIEW_STAGES.label(code) if code in REVIEW_STAGES else ""


@register.filter
def review_action(code: str) -> str:
    return REVIEW_ACTIONS.label(code) if code in REVIEW_ACTIONS else code


@register.filter
def table_label(code: str) -> str:
    return table_name(code) if code in TABLES else ""


@register.filter
def person(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


@register.simple_tag
def workspace_sections(user) -> dict:
    """Which parts of the workspace the user has (for its menu)."""
    roles = {role for role, _table in roles_of(user)}
    return {
        "drafts": bool(roles & {"delegate", "secretariat", "admin"}),
        "organisation": user.organisations.exists() if user.is_authenticated else False,
        "table": bool(roles & {"secretariat", "admin"}),
        "contributions": bool(tables_read_by(user)),
    }


@register.filter
def country_label(code: str) -> str:
    return COUNTRIES.label(code) if code else ""


@register.filter
def objective_label(code: str) -> str:
    return OBJECTIVES.label(code) if code else ""


@register.filter
def uses_admin(user) -> bool:
    """The Wagtail admin is the editors' tool: curators, the network and administrators."""
    return bool(
        user.is_authenticated
        and user.is_active
        and (user.is_superuser or {role for role, _t in roles_of(user)} & {"curator", "network"})
    )


@register.filter
def amendment_state(code: str) -> str:
    from django.utils.translation import gettext

    labels = {
        "pending": gettext("Pending"),
        "accepted": gettext("Accepted"),
        "rejected": gettext("Rejected"),
        "outdated": gettext("Outdated"),
    }
    return labels.get(code, code)


@register.filter
def notification_category(code: str) -> str:
    from workflows.models import NotificationCategory

    return NotificationCategory(code).label if code in NotificationCategory.values else code


@register.simple_tag
def unread_notifications(user) -> int:
    from workflows.notifications import unread_count

    return unread_count(user)
