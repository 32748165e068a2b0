"""Recommendations (public search, members' lists, drafting and the approval actions), the
caller's tasks, and contributions with their comments (SPEC §5). Every rule is the service
layer's; these views translate HTTP to service calls."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from cms.api.views import LIST_PARAMS, _pk, csv_response, search_query_from, search_response
from cms.models import Contribution, RecommendationPage
from cms.progress import follow_ups_of
from cms.taxonomies import FOLLOW_UP_STATUSES, REVIEW_STATUSES, TABLES
from enlace.api import SEARCH_RENDERERS, ParameterError

from .. import contributions as contribution_services
from .. import services
from ..selectors import recommendations_visible_to
from . import serializers as s
from .followups import RecommendationFollowUpMixin

RECOMMENDATION_FACET_PARAMS = ("objective", "country", "table", "event", "follow_up_status", "follow_up_country")
RECOMMENDATION_SORTS = ("relevance", "title", "-published")
RECOMMENDATION_HIT_FIELDS = ("id", "slug", "title", "summary", "countries", "objectives", "table", "url")


def add_follow_up(rows: list[dict]) -> None:
    """Each hit's ``follow_up`` (current status per country), in one query for the page."""
    follow_ups = follow_ups_of(row["id"] for row in rows)
    for row in rows:
        row["follow_up"] = follow_ups.get(row["id"], [])


class RecommendationViewSet(RecommendationFollowUpMixin, viewsets.GenericViewSet):
    renderer_classes = SEARCH_RENDERERS
    serializer_class = s.RecommendationSerializer
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]  # delete: unfollow only

    def get_queryset(self):
        return recommendations_visible_to(self.request.user).select_related("owner", "event", "theme")

    def get_object(self) -> RecommendationPage:
        # 404 for what the caller may not see, whether it exists or not.
        return get_object_or_404(self.get_queryset(), pk=_pk(self.kwargs["pk"]))

    def item_response(self, item, code=status.HTTP_200_OK):
        item.refresh_from_db()
        return Response(s.RecommendationSerializer(item, context={"request": self.request}).data, status=code)

    @extend_schema(
        parameters=LIST_PARAMS + [
            OpenApiParameter("status", str, enum=list(REVIEW_STATUSES.codes),
                             description="Members: list the items you may see in this status (no facets)."),
            OpenApiParameter("objective", str, many=True), OpenApiParameter("country", str, many=True),
            OpenApiParameter("table", str, many=True), OpenApiParameter("event", str, many=True),
            OpenApiParameter("follow_up_status", str, many=True, enum=list(FOLLOW_UP_STATUSES.codes),
                             description="Recommendations with this current follow-up status in some country."),
            OpenApiParameter("follow_up_country", str, many=True,
                             description="Recommendations with published follow-up in this country (419: regional)."),
        ],
        responses=s.RecommendationSearchResponseSerializer,
    )  # fmt: skip
    def list(self, request):
        wanted = request.query_params.get("status")
        if wanted is None:
            query = search_query_from(
                request, types=("recommendation",), facet_params=RECOMMENDATION_FACET_PARAMS, sorts=RECOMMENDATION_SORTS
            )
            if request.query_params.get("format") == "csv":
                return csv_response(query, RECOMMENDATION_HIT_FIELDS, "recommendations.csv")
            return search_response(
                request, query, RECOMMENDATION_HIT_FIELDS, decorate=add_follow_up, facet_names=s.RECOMMENDATION_FACET_NAMES
            )
        if wanted not in REVIEW_STATUSES:
            raise ParameterError("status", "One of " + ", ".join(REVIEW_STATUSES.codes) + ".")
        items = self.get_queryset().filter(status=wanted).order_by("-latest_revision_created_at", "pk")
        table = request.query_params.get("table")
        if table:
            from cms.selectors import recommendations_of_table

            items = recommendations_of_table(items, table) if table in TABLES else items.none()
        page = self.paginate_queryset(items)
        data = s.RecommendationSerializer(page, many=True, context={"request": request}).data
        return self.get_paginated_response(data)

    def retrieve(self, request, pk=None):
        return self.item_response(self.get_object())

    @extend_schema(request=s.RecommendationWriteSerializer, responses={201: s.RecommendationSerializer})
    def create(self, request):
        if not request.user.is_authenticated:
            self.permission_denied(request)
        serializer = s.RecommendationWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        item = services.recommendation_create(user=request.user, **serializer.validated_data)
        return self.item_response(item, status.HTTP_201_CREATED)

    @extend_schema(request=s.RecommendationUpdateSerializer, responses=s.RecommendationSerializer)
    def partial_update(self, request, pk=None):
        item = self.get_object()
        serializer = s.RecommendationUpdateSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        if not serializer.validated_data:
            raise ParameterError("non_field_errors", "Nothing to change.")
        item = services.recommendation_update(item=item, user=request.user, **serializer.validated_data)
        return self.item_response(item)

    @extend_schema(request=None, responses=s.RecommendationSerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        return self.item_response(services.recommendation_submit(item=self.get_object(), user=request.user))

    @extend_schema(request=s.CommentSerializer, responses=s.RecommendationSerializer)
    @action(detail=True, methods=["post"])
    def approve(self, request, pk=None):
        item = self.get_object()
        body = s.CommentSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        item = services.recommendation_approve(item=item, user=request.user, comment=body.validated_data.get("comment", ""))
        return self.item_response(item)

    @extend_schema(request=s.RequiredCommentSerializer, responses=s.RecommendationSerializer)
    @action(detail=True, methods=["post"], url_path="request-changes")
    def request_changes(self, request, pk=None):
        item = self.get_object()
        body = s.RequiredCommentSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        item = services.recommendation_request_changes(item=item, user=request.user, comment=body.validated_data["comment"])
        return self.item_response(item)

    @extend_schema(request=None, responses=s.RecommendationSerializer)
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        return self.item_response(services.recommendation_withdraw(item=self.get_object(), user=request.user))


class TaskViewSet(viewsets.GenericViewSet):
    """Items awaiting the caller's decision, oldest first."""

    permission_classes = [permissions.IsAuthenticated]
    serializer_class = s.TaskSerializer

    def list(self, request):
        items = services.tasks_for(request.user)
        page = self.paginate_queryset(items)
        return self.get_paginated_response(s.TaskSerializer(page, many=True).data)


class ContributionViewSet(viewsets.GenericViewSet):
    """Contributions of the caller's tables, with their comment threads."""

    permission_classes = [permissions.IsAuthenticated]
    serializer_class = s.ContributionSerializer
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self):
        return contribution_services.contributions_visible_to(self.request.user).select_related("author").order_by("-created_at")

    def get_object(self) -> Contribution:
        return get_object_or_404(self.get_queryset(), pk=_pk(self.kwargs["pk"]))

    def shown(self, contribution_or_page, **kwargs):
        return s.ContributionSerializer(contribution_or_page, context={"request": self.request}, **kwargs).data

    def list(self, request):
        page = self.paginate_queryset(self.get_queryset().select_related("attachment"))
        return self.get_paginated_response(self.shown(page, many=True))

    def retrieve(self, request, pk=None):
        return Response(self.shown(self.get_object()))

    def create(self, request):
        """A new contribution; ``attachment`` is a file uploaded with multipart/form-data."""
        serializer = s.ContributionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        contribution = contribution_services.contribution_create(user=request.user, **serializer.service_data())
        return Response(self.shown(contribution), status=status.HTTP_201_CREATED)

    def partial_update(self, request, pk=None):
        """Its author edits it; ``attachment`` (multipart) replaces the attachment, null removes it."""
        contribution = self.get_object()
        serializer = s.ContributionSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        contribution = contribution_services.contribution_update(
            contribution=contribution, user=request.user, **serializer.service_data()
        )
        return Response(self.shown(contribution))

    @extend_schema(request=s.ContributionCommentSerializer, responses=s.ContributionCommentSerializer(many=True))
    @action(detail=True, methods=["get", "post"], serializer_class=s.ContributionCommentSerializer)
    def comments(self, request, pk=None):
        contribution = self.get_object()
        if request.method == "POST":
            serializer = s.ContributionCommentSerializer(data=request.data)
            serializer.is_valid(raise_exception=True)
            comment = contribution_services.contribution_comment(
                contribution=contribution, user=request.user, text=serializer.validated_data["text"]
            )
            return Response(s.ContributionCommentSerializer(comment).data, status=status.HTTP_201_CREATED)
        page = self.paginate_queryset(contribution_services.comments_visible_to(request.user, contribution))
        return self.get_paginated_response(s.ContributionCommentSerializer(page, many=True).data)


