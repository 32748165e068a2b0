"""Who sees which recommendations: one rule, as a queryset (for API lists) and a check."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from guardian.shortcuts import get_objects_for_user
from wagtail.models import PageLogEntry

from cms.models import RecommendationPage, TableSpacePage

from .roles import group_name, tables_read_by

LOG_ACTION = "enlace.review"


def recommendations_visible_to(user, *, include_published: bool = True) -> QuerySet[RecommendationPage]:
    """Published items for everyone; drafts and reviews for the people of their table (who
    read its working material: ``roles.reads_table``), their authors and co-authors, the approvers of the stage they wait at, and
    whoever already acted on them. ``include_published=False`` leaves the public part out: the
    items the user follows as a participant (who may see their history)."""
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
    groups = set(user.groups.values_list("name", flat=True))
    for stage in ("liaison", "network"):
        if group_name(stage) in groups:
            rule |= Q(status="in_review", stage=stage)
    rule |= Q(pk__in=PageLogEntry.objects.filter(action=LOG_ACTION, user=user).values("page_id"))
    return items.filter(rule)


def can_view(user, item: RecommendationPage) -> bool:
    return recommendations_visible_to(user).filter(pk=item.pk).exists()


def follows(user, item: RecommendationPage) -> bool:
    """A participant of the item (its table, authors, approvers): sees its history."""
    return recommendations_visible_to(user, include_published=False).filter(pk=item.pk).exists()
