"""Recommendations (public search, members' lists, drafting and the approval actions), the
caller's tasks, and contributions with their comments (SPEC §5). Every rule is the service
layer's; these views translate HTTP to service calls."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.views import APIView

from cms.api.views import LIST_PARAMS, csv_response, search_query_from, search_response
from cms.models import Contribution, RecommendationPage
from cms.progress import follow_ups_of
from cms.taxonomies import FOLLOW_UP_STATUSES, REVIEW_STATUSES, TABLES
from enlace.api import (
    Q_NOT_SEARCHED,
    SEARCH_RENDERERS,
    ParameterError,
    StrictPagination,
    filter_text,
    int_param,
    path_pk,
    q_parameter,
    reject_text_query,
)

from .. import contributions as contribution_services
from .. import notifications as notification_services
from .. import recommendations, versions
from ..roles import roles_of, tables_drafted_by, tables_read_by
from ..selectors import awaiting_review, follows, recommendations_visible_to
from . import serializers as s
from .drafting import DraftingMixin
from .followups import RecommendationFollowUpMixin

RECOMMENDATION_FACET_PARAMS = ("objective", "country", "table", "event", "follow_up_status", "follow_up_country")
RECOMMENDATION_SORTS = ("relevance", "title", "-published")
RECOMMENDATION_HIT_FIELDS = ("id", "slug", "title", "summary", "countries", "objectives", "table", "url")


def add_follow_up(rows: list[dict]) -> None:
    """Each hit's ``follow_up`` (current status per country), in one query for the page."""
    follow_ups = follow_ups_of(row["id"] for row in rows)
    for row in rows:
        row["follow_up"] = follow_ups.get(row["id"], [])


class RecommendationViewSet(RecommendationFollowUpMixin, DraftingMixin, viewsets.GenericViewSet):
    renderer_classes = SEARCH_RENDERERS
    serializer_class = s.RecommendationSerializer
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]  # delete: unfollow only

    def get_queryset(self):
        return recommendations_visible_to(self.request.user).select_related("owner", "event", "theme")

    def get_object(self) -> RecommendationPage:
        # 404 for what the caller may not see, whether it exists or not.
        return get_object_or_404(self.get_queryset(), pk=path_pk(self.kwargs["pk"]))

    def item_response(self, item, code=status.HTTP_200_OK):
        item.refresh_from_db()
        return Response(s.RecommendationSerializer(item, context={"request": self.request}).data, status=code)

    @extend_schema(
        parameters=LIST_PARAMS
        + [
            OpenApiParameter(
                "status",
                str,
                enum=list(REVIEW_STATUSES.codes),
                description="Members: list the items you may see in this status (no facets).",
            ),
            OpenApiParameter("objective", str, many=True),
            OpenApiParameter("country", str, many=True),
            OpenApiParameter("table", str, many=True),
            OpenApiParameter("event", str, many=True),
            OpenApiParameter(
                "follow_up_status",
                str,
                many=True,
                enum=list(FOLLOW_UP_STATUSES.codes),
                description="Recommendations with this current follow-up status in some country.",
            ),
            OpenApiParameter(
                "follow_up_country",
                str,
                many=True,
                description="Recommendations with published follow-up in this country (419: regional).",
            ),
        ],
        responses=s.RecommendationSearchResponseSerializer,
    )
    def list(self, request):
        wanted = request.query_params.get("status")
        if wanted is None:
            query = search_query_from(
                request, types=("recommendation",), facet_params=RECOMMENDATION_FACET_PARAMS, sorts=RECOMMENDATION_SORTS
            )
            if request.query_params.get("format") == "csv":
                return csv_response(
                    query, RECOMMENDATION_HIT_FIELDS, "recommendations.csv", cache=not request.user.is_authenticated
                )
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
        item = recommendations.recommendation_create(user=request.user, **serializer.validated_data)
        return self.item_response(item, status.HTTP_201_CREATED)

    @extend_schema(request=s.RecommendationUpdateSerializer, responses=s.RecommendationSerializer)
    def partial_update(self, request, pk=None):
        item = self.get_object()
        serializer = s.RecommendationUpdateSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        if not serializer.validated_data:
            raise ParameterError("non_field_errors", "Nothing to change.")
        item = recommendations.recommendation_update(item=item, user=request.user, **serializer.validated_data)
        return self.item_response(item)

    @extend_schema(request=None, responses=s.RecommendationSerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        return self.item_response(recommendations.recommendation_submit(item=self.get_object(), user=request.user))

    @extend_schema(request=s.CommentSerializer, responses=s.RecommendationSerializer)
    @action(detail=True, methods=["post"])
    def approve(self, request, pk=None):
        item = self.get_object()
        body = s.CommentSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        item = recommendations.recommendation_approve(
            item=item, user=request.user, comment=body.validated_data.get("comment", "")
        )
        return self.item_response(item)

    @extend_schema(request=s.RequiredCommentSerializer, responses=s.RecommendationSerializer)
    @action(detail=True, methods=["post"], url_path="request-changes")
    def request_changes(self, request, pk=None):
        item = self.get_object()
        body = s.RequiredCommentSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        item = recommendations.recommendation_request_changes(
            item=item, user=request.user, comment=body.validated_data["comment"]
        )
        return self.item_response(item)

    @extend_schema(request=s.WithdrawSerializer, responses=s.RecommendationSerializer)
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        item = self.get_object()
        body = s.WithdrawSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        return self.item_response(
            recommendations.recommendation_withdraw(item=item, user=request.user, reason=body.validated_data.get("reason", ""))
        )

    @extend_schema(
        parameters=[
            OpenApiParameter("from", int, description="A version id (default: the one the previous stage approved)."),
            OpenApiParameter("to", int, description="A version id (default: the latest)."),
        ],
        responses=s.DiffSerializer,
    )
    @action(detail=True, methods=["get"])
    def diff(self, request, pk=None):
        """Word-level changes of title, text and rationale between two versions (the item's
        participants only: 404 for anyone else, as for its history)."""
        item = self.get_object()
        if not follows(request.user, item):
            raise Http404
        default_from, default_to = versions.default_comparison(item)
        chosen = {
            "from": int_param(request, "from", default_from, minimum=1),
            "to": int_param(request, "to", default_to, minimum=1),
        }
        if chosen["from"] is None:
            raise ParameterError("from", "This recommendation has no versions.")
        try:
            fields = versions.diff(item, chosen["from"], chosen["to"])
        except versions.UnknownVersion as error:
            name = "from" if error.args[0] == chosen["from"] else "to"
            raise ParameterError(name, "Not a version of this recommendation (see its 'versions').") from None
        return Response({**chosen, **fields})


class TaskViewSet(viewsets.GenericViewSet):
    """Items awaiting the caller's decision, oldest first."""

    permission_classes = [permissions.IsAuthenticated]
    serializer_class = s.TaskSerializer

    @extend_schema(parameters=[Q_NOT_SEARCHED])
    def list(self, request):
        reject_text_query(request)
        items = recommendations.tasks_for(request.user)
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
        return get_object_or_404(self.get_queryset(), pk=path_pk(self.kwargs["pk"]))

    def shown(self, contribution_or_page, **kwargs):
        return s.ContributionSerializer(contribution_or_page, context={"request": self.request}, **kwargs).data

    @extend_schema(parameters=[q_parameter("title, text and author")])
    def list(self, request):
        contributions = filter_text(
            request, self.get_queryset(), ["title", "text", "author__username", "author__first_name", "author__last_name"]
        )
        page = self.paginate_queryset(contributions.select_related("attachment"))
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

    @extend_schema(methods=["GET"], parameters=[Q_NOT_SEARCHED], responses=s.ContributionCommentSerializer(many=True))
    @extend_schema(methods=["POST"], request=s.ContributionCommentSerializer, responses=s.ContributionCommentSerializer)
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
        reject_text_query(request)
        page = self.paginate_queryset(contribution_services.comments_visible_to(request.user, contribution))
        return self.get_paginated_response(s.ContributionCommentSerializer(page, many=True).data)


class MeView(APIView):
    """The caller: their roles, the tables they read and draft in, their organisation and how
    many items wait for their decision (what the workspace's header shows)."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(responses=s.MeSerializer)
    def get(self, request):
        user = request.user
        organisations = [{"id": o.pk, "slug": o.slug, "name": o.name} for o in user.organisations.order_by("name")]
        return Response(
            {
                "username": user.get_username(),
                "name": user.get_full_name(),
                "roles": [{"role": role, "table": table} for role, table in roles_of(user)],
                "tables": {"reads": sorted(tables_read_by(user)), "drafts": sorted(tables_drafted_by(user))},
                "organisation": organisations[0] if organisations else None,
                "organisations": organisations,
                "waiting": len(awaiting_review(user)),
            }
        )


class MyNotificationsView(APIView):
    """The caller's notifications, newest first (``?unread=true`` for the unread ones only)."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(parameters=[OpenApiParameter("unread", bool), Q_NOT_SEARCHED], responses=s.NotificationSerializer(many=True))
    def get(self, request):
        reject_text_query(request)
        raw = request.query_params.get("unread", "")
        if raw not in ("", "true", "false", "1", "0"):
            raise ParameterError("unread", "true or false.")
        items = notification_services.for_user(request.user, unread=raw in ("true", "1"))
        paginator = StrictPagination()
        page = paginator.paginate_queryset(items, request, view=self)
        rows = notification_services.describe(page, request.user)
        return paginator.get_paginated_response(s.NotificationSerializer(rows, many=True).data)


class MyNotificationsReadView(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=s.MarkReadSerializer, responses=s.MarkedReadSerializer)
    def post(self, request):
        body = s.MarkReadSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        read = notification_services.mark_read(
            user=request.user, ids=body.validated_data.get("ids", []), everything=body.validated_data.get("all", False)
        )
        return Response({"read": read})


class MyNotificationSettingsView(APIView):
    """How often each category is e-mailed: ``immediate``, ``daily``, ``weekly`` or ``off``."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(responses=s.NotificationSettingsSerializer)
    def get(self, request):
        return Response(notification_services.choices_of(request.user))

    @extend_schema(request=s.NotificationSettingsSerializer, responses=s.NotificationSettingsSerializer)
    def patch(self, request):
        if not isinstance(request.data, dict) or not request.data:
            raise ParameterError("non_field_errors", "Give at least one category and its frequency.")
        notification_services.update_settings(user=request.user, **dict(request.data.items()))
        return Response(notification_services.choices_of(request.user))
