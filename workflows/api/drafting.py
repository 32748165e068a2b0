"""The API of drafting together (issue #17; docs/api.md): amendments, co-authors by invitation and
comments on drafts. Every rule is ``workflows.drafting``'s; these views translate HTTP."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import permissions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from enlace.api import Q_NOT_SEARCHED, path_pk, reject_text_query

from .. import drafting
from ..models import Amendment, CoAuthorInvitation, DraftComment
from ..selectors import follows, recommendations_visible_to
from .serializers import DiffSegmentSerializer


def username(user) -> str | None:
    return user.get_username() if user else None


class AmendmentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    proposer = serializers.CharField()
    state = serializers.ChoiceField(choices=["pending", "accepted", "rejected", "outdated"])
    base_version = serializers.IntegerField(help_text="The version it amends (see the recommendation's versions).")
    created_at = serializers.DateTimeField()
    justification = serializers.CharField()
    title = serializers.CharField(allow_null=True, help_text="Proposed title; null: unchanged.")
    text = serializers.CharField(allow_null=True, help_text="Proposed text; null: unchanged.")
    rationale = serializers.CharField(allow_null=True, help_text="Proposed rationale; null: unchanged.")
    diff = serializers.DictField(
        child=DiffSegmentSerializer(many=True), help_text="Each changed field, word by word against the base."
    )
    decided_by = serializers.CharField(allow_null=True)
    decided_at = serializers.DateTimeField(allow_null=True)
    reason = serializers.CharField(allow_blank=True)

    def to_representation(self, amendment: Amendment):
        return {
            "id": amendment.pk,
            "proposer": username(amendment.proposer),
            "state": amendment.public_state,
            "base_version": amendment.base_revision_id,
            "created_at": amendment.created_at,
            "justification": amendment.justification,
            **amendment.wording(),
            "diff": drafting.amendment_diff(amendment),
            "decided_by": username(amendment.decided_by),
            "decided_at": amendment.decided_at,
            "reason": amendment.reason,
        }


class AmendmentProposalSerializer(serializers.Serializer):
    title = serializers.CharField(required=False, allow_blank=True, max_length=255)
    text = serializers.CharField(required=False, allow_blank=True, max_length=10000)
    rationale = serializers.CharField(required=False, allow_blank=True, max_length=10000)
    justification = serializers.CharField(max_length=5000)


class AmendmentCreatedSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    state = serializers.CharField()


class ReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, max_length=5000)


class InvitationSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    recommendation = serializers.IntegerField(source="recommendation_id")
    invitee = serializers.CharField(source="invitee.username")
    invited_by = serializers.CharField(source="invited_by.username")
    state = serializers.CharField()
    created_at = serializers.DateTimeField()


class InviteSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=150)


class DraftCommentSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    author = serializers.CharField(source="author.username")
    body = serializers.CharField()
    parent = serializers.IntegerField(source="parent_id", allow_null=True)
    created_at = serializers.DateTimeField()
    hidden = serializers.BooleanField(help_text="Hidden by an author or the secretariat (shown to few, marked).")


class NewCommentSerializer(serializers.Serializer):
    body = serializers.CharField(max_length=5000)
    parent = serializers.IntegerField(required=False, allow_null=True)


def flat(thread) -> list:
    """A comment thread (roots with ``thread``) in reading order."""
    out = []
    for comment in thread:
        out.append(comment)
        out.extend(flat(comment.thread))
    return out


class DraftingMixin:
    """Mixed into the recommendations viewset: /recommendations/{id}/amendments/, invitations/,
    comments/. The item is looked up like every other of its actions (404 if not visible)."""

    def working_item(self):
        item = self.get_object()
        if not follows(self.request.user, item):
            raise Http404  # the public sees the published text, never its working material
        return item

    @extend_schema(methods=["GET"], parameters=[Q_NOT_SEARCHED], responses=AmendmentSerializer(many=True))
    @extend_schema(methods=["POST"], request=AmendmentProposalSerializer, responses={201: AmendmentCreatedSerializer})
    @action(detail=True, methods=["get", "post"], serializer_class=AmendmentSerializer)
    def amendments(self, request, pk=None):
        item = self.working_item()
        if request.method == "POST":
            body = AmendmentProposalSerializer(data=request.data)
            body.is_valid(raise_exception=True)
            amendment = drafting.amendment_propose(item=item, user=request.user, **body.validated_data)
            return Response({"id": amendment.pk, "state": amendment.public_state}, status=status.HTTP_201_CREATED)
        reject_text_query(request)
        page = self.paginate_queryset(drafting.amendments_visible_to(request.user, item))
        return self.get_paginated_response(AmendmentSerializer(page, many=True).data)

    @extend_schema(methods=["GET"], parameters=[Q_NOT_SEARCHED], responses=InvitationSerializer(many=True))
    @extend_schema(methods=["POST"], request=InviteSerializer, responses={201: InvitationSerializer})
    @action(detail=True, methods=["get", "post"], serializer_class=InvitationSerializer)
    def invitations(self, request, pk=None):
        item = self.working_item()
        if request.method == "POST":
            body = InviteSerializer(data=request.data)
            body.is_valid(raise_exception=True)
            invitation = drafting.invite(item=item, user=request.user, username=body.validated_data["username"])
            return Response(InvitationSerializer(invitation).data, status=status.HTTP_201_CREATED)
        reject_text_query(request)
        page = self.paginate_queryset(drafting.invitations_visible_to(request.user, item))
        return self.get_paginated_response(InvitationSerializer(page, many=True).data)

    @extend_schema(methods=["GET"], parameters=[Q_NOT_SEARCHED], responses=DraftCommentSerializer(many=True))
    @extend_schema(methods=["POST"], request=NewCommentSerializer, responses={201: DraftCommentSerializer})
    @action(detail=True, methods=["get", "post"], url_path="comments", serializer_class=DraftCommentSerializer)
    def draft_comments(self, request, pk=None):
        item = self.working_item()
        if request.method == "POST":
            body = NewCommentSerializer(data=request.data)
            body.is_valid(raise_exception=True)
            comment = drafting.comment_post(item=item, user=request.user, **body.validated_data)
            return Response(DraftCommentSerializer(comment).data, status=status.HTTP_201_CREATED)
        reject_text_query(request)
        page = self.paginate_queryset(flat(drafting.comments_visible_to(request.user, item)))
        return self.get_paginated_response(DraftCommentSerializer(page, many=True).data)


class WorkingObjectViewSet(viewsets.GenericViewSet):
    """An object of a recommendation's working material: 404 unless the caller sees it."""

    permission_classes = [permissions.IsAuthenticated]
    model = None

    def get_queryset(self):  # for the schema's path parameter; objects are looked up in get_object
        return self.model.objects.none()

    def get_object(self):
        obj = get_object_or_404(self.model.objects.select_related("recommendation"), pk=path_pk(self.kwargs["pk"]))
        visible = recommendations_visible_to(self.request.user).filter(pk=obj.recommendation_id).first()
        if visible is None or not self.may_see(obj, visible):
            raise Http404
        return obj

    def may_see(self, obj, item) -> bool:
        return follows(self.request.user, item)


class AmendmentViewSet(WorkingObjectViewSet):
    model = Amendment
    serializer_class = AmendmentSerializer

    def decide(self, request, decide):
        amendment = self.get_object()
        body = ReasonSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        amendment = decide(amendment=amendment, user=request.user, reason=body.validated_data.get("reason", ""))
        return Response(AmendmentSerializer(amendment).data)

    @extend_schema(request=ReasonSerializer, responses=AmendmentSerializer)
    @action(detail=True, methods=["post"])
    def accept(self, request, pk=None):
        return self.decide(request, drafting.amendment_accept)

    @extend_schema(request=ReasonSerializer, responses=AmendmentSerializer)
    @action(detail=True, methods=["post"])
    def reject(self, request, pk=None):
        return self.decide(request, drafting.amendment_reject)


class InvitationViewSet(WorkingObjectViewSet):
    """Invitations are answered by their invitee, who may not see the item yet."""

    model = CoAuthorInvitation
    serializer_class = InvitationSerializer

    def get_object(self):
        invitation = get_object_or_404(CoAuthorInvitation, pk=path_pk(self.kwargs["pk"]))
        if invitation.invitee_id == self.request.user.pk:
            return invitation
        return super().get_object()

    @extend_schema(request=None, responses=InvitationSerializer)
    @action(detail=True, methods=["post"])
    def accept(self, request, pk=None):
        return Response(InvitationSerializer(drafting.accept_invitation(invitation=self.get_object(), user=request.user)).data)

    @extend_schema(request=None, responses=InvitationSerializer)
    @action(detail=True, methods=["post"])
    def decline(self, request, pk=None):
        return Response(InvitationSerializer(drafting.decline_invitation(invitation=self.get_object(), user=request.user)).data)


class DraftCommentViewSet(WorkingObjectViewSet):
    model = DraftComment
    serializer_class = DraftCommentSerializer

    def may_see(self, comment, item) -> bool:
        return any(c.pk == comment.pk for c in flat(drafting.comments_visible_to(self.request.user, item)))

    @extend_schema(request=None, responses=DraftCommentSerializer)
    @action(detail=True, methods=["post"])
    def hide(self, request, pk=None):
        return Response(DraftCommentSerializer(drafting.comment_hide(comment=self.get_object(), user=request.user)).data)
