"""Practice moderation in the API (issue #21): the practices waiting for review, and publishing
or sending one back, through the same services the admin's workflow actions call
(``CuratorReviewTask.act`` → ``practices.practice_publish`` / ``practice_send_back``), so the
rules are theirs: curators and the Red Regional decide, never on their own submission; a
comment is required to send back; a practice not waiting for review is a 409.

A practice in moderation is visible to its reviewers only: for everyone else it is a 404,
like an id that does not exist (``selectors.practices_visible_to``)."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import permissions, serializers
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from cms.models import PracticePage
from enlace.api import filter_text, path_pk, q_parameter, request_language

from .. import practices as practice_services
from ..recommendations import current_task
from ..selectors import practices_in_review, practices_visible_to, reviews_practices
from .serializers import CommentSerializer, RequiredCommentSerializer


class PracticeInReviewSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    summary = serializers.CharField()
    countries = serializers.ListField(child=serializers.CharField())
    objectives = serializers.ListField(child=serializers.CharField())
    submitted_at = serializers.DateTimeField(allow_null=True)
    submitted_by = serializers.CharField(allow_null=True, help_text="The member who proposed it; null for the public.")
    status = serializers.ChoiceField(["in_review", "published", "sent_back"])
    actions = serializers.ListField(child=serializers.CharField(), help_text="What the caller may do now: publish, send_back.")
    practice = serializers.DictField(help_text="The practice as submitted (the fields of practices/{id}/).")


def practice_actions(user, practice: PracticePage) -> list[str]:
    task_state, task = current_task(practice)
    if task_state is None or not task.is_approver(practice, user):
        return []
    return ["publish", "send_back"]


def in_review_row(request, practice: PracticePage) -> dict:
    from cms.api.serializers import PracticeDetailSerializer

    revision = practice.latest_revision
    owner = practice.owner
    if practice.live:
        state = "published"
    else:
        state = "in_review" if current_task(practice)[0] is not None else "sent_back"
    return {
        "id": practice.pk,
        "title": practice.title,
        "summary": practice.summary,
        "countries": list(practice.countries),
        "objectives": list(practice.objectives),
        "submitted_at": revision.created_at if revision else None,
        "submitted_by": owner.get_username() if owner else None,
        "status": state,
        "actions": practice_actions(request.user, practice),
        "practice": PracticeDetailSerializer(practice, context={"language": request_language(request)}).data,
    }


class PracticeModerationMixin:
    """``GET practices/submitted/``, ``POST practices/{id}/publish/`` and ``send-back/``."""

    def moderated_practice(self) -> PracticePage:
        practice = get_object_or_404(practices_visible_to(self.request.user), pk=path_pk(self.kwargs["pk"]))
        if not reviews_practices(self.request.user):  # a published practice: seen, not decided on
            raise PermissionDenied("Only curators and the Red Regional moderate practices.")
        return practice

    @extend_schema(
        parameters=[q_parameter("title and summary")],
        responses=PracticeInReviewSerializer(many=True),
        description="Reviewers (curators, the Red Regional): the practices waiting for moderation, oldest first.",
    )
    @action(detail=False, methods=["get"], permission_classes=[permissions.IsAuthenticated])
    def submitted(self, request):
        if not reviews_practices(request.user):
            raise PermissionDenied("Only curators and the Red Regional moderate practices.")
        practices = filter_text(request, practices_in_review(), ["title", "summary"]).select_related("owner")
        page = self.paginate_queryset(practices)
        return self.get_paginated_response([in_review_row(request, practice) for practice in page])

    @extend_schema(request=CommentSerializer, responses=PracticeInReviewSerializer)
    @action(detail=True, methods=["post"], permission_classes=[permissions.IsAuthenticated])
    def publish(self, request, pk=None):
        practice = self.moderated_practice()
        body = CommentSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        practice = practice_services.practice_publish(
            item=practice, user=request.user, comment=body.validated_data.get("comment", "")
        )
        return Response(in_review_row(request, PracticePage.objects.get(pk=practice.pk)))

    @extend_schema(request=RequiredCommentSerializer, responses=PracticeInReviewSerializer)
    @action(detail=True, methods=["post"], url_path="send-back", permission_classes=[permissions.IsAuthenticated])
    def send_back(self, request, pk=None):
        practice = self.moderated_practice()
        body = RequiredCommentSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        practice = practice_services.practice_send_back(item=practice, user=request.user, comment=body.validated_data["comment"])
        return Response(in_review_row(request, PracticePage.objects.get(pk=practice.pk)))
