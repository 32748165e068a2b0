from __future__ import annotations

from django.contrib.auth import get_user_model
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from rest_framework import serializers

from cms.api.serializers import FACET_NAMES, FacetsSerializer, HitSerializer, SearchResponseSerializer, codes_field
from cms.models import Contribution, ContributionComment, RecommendationPage
from cms.progress import follow_up_of
from cms.taxonomies import (
    ADDRESSEES,
    COUNTRIES,
    FOLLOW_UP_STATUSES,
    OBJECTIVES,
    REVIEW_ACTIONS,
    REVIEW_STAGES,
    REVIEW_STATUSES,
    TABLES,
)

from .. import drafting, recommendations, versions
from ..contributions import consolidated_in
from ..followups import is_following
from ..selectors import follows

User = get_user_model()
STATUS_CHOICES = list(REVIEW_STATUSES.codes)
STAGE_CHOICES = list(REVIEW_STAGES.codes)


class HistoryEntrySerializer(serializers.Serializer):
    stage = serializers.ChoiceField(choices=STAGE_CHOICES + ["curation"], allow_null=True)
    action = serializers.ChoiceField(choices=list(REVIEW_ACTIONS.codes))
    actor = serializers.CharField(allow_null=True)
    comment = serializers.CharField(allow_blank=True)
    at = serializers.DateTimeField()


class VersionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    at = serializers.DateTimeField()
    stage = serializers.ChoiceField(
        choices=STAGE_CHOICES, allow_null=True, help_text="The stage that approved it, or that it was submitted to."
    )
    label = serializers.CharField(help_text="What the workflow did with this version, in the caller's language.")


class DiffSegmentSerializer(serializers.Serializer):
    op = serializers.ChoiceField(choices=["equal", "insert", "delete"])
    text = serializers.CharField()


# ``from`` and ``to`` (version ids) and, for title, text and rationale, the segments that turn
# one into the other word by word. (Built with type(): "from" is a Python keyword.)
DiffSerializer = type(
    "DiffSerializer",
    (serializers.Serializer,),
    {
        "from": serializers.IntegerField(),
        "to": serializers.IntegerField(),
        **{name: DiffSegmentSerializer(many=True) for name in ("title", "text", "rationale")},
    },
)


class ApprovalSerializer(serializers.Serializer):
    user = serializers.CharField()
    at = serializers.DateTimeField()


class FollowUpStatusSerializer(serializers.Serializer):
    country = serializers.CharField(help_text="ISO 3166 code, or 419: the region.")
    status = serializers.ChoiceField(choices=list(FOLLOW_UP_STATUSES.codes))
    date = serializers.DateField(help_text="Date of the fact that decides the current status.")
    updated_at = serializers.DateTimeField(help_text="When that report was published.")


class RecommendationHitSerializer(HitSerializer):
    follow_up = FollowUpStatusSerializer(many=True, help_text="Current status per country, from reviewed reports.")


RECOMMENDATION_FACET_NAMES = (*FACET_NAMES, "follow_up_status", "follow_up_country")


class RecommendationFacetsSerializer(FacetsSerializer):
    names = RECOMMENDATION_FACET_NAMES


class RecommendationSearchResponseSerializer(SearchResponseSerializer):
    results = RecommendationHitSerializer(many=True)
    facets = RecommendationFacetsSerializer()


class RecommendationSerializer(serializers.Serializer):
    """A recommendation as the caller may see it: its latest text for those who work on it,
    the published text for everyone else."""

    id = serializers.IntegerField()
    slug = serializers.CharField()
    title = serializers.CharField()
    text = serializers.CharField()
    rationale = serializers.CharField()
    table = serializers.CharField()
    objectives = serializers.ListField(child=serializers.CharField())
    countries = serializers.ListField(child=serializers.CharField())
    addressed_to = serializers.ListField(child=serializers.CharField())
    event = serializers.CharField(allow_null=True, help_text="Slug of the source event.")
    theme = serializers.CharField(allow_null=True, help_text="Key of the theme within the event.")
    author = serializers.CharField(allow_null=True, help_text="Shown to those who see the item's history; null otherwise.")
    co_authors = serializers.ListField(child=serializers.CharField(), help_text="Shown to those who see the item's history.")
    url = serializers.CharField(allow_null=True)
    status = serializers.ChoiceField(choices=STATUS_CHOICES)
    stage = serializers.ChoiceField(choices=STAGE_CHOICES, allow_null=True)
    approvals = ApprovalSerializer(many=True)
    history = HistoryEntrySerializer(many=True)
    actions = serializers.ListField(child=serializers.CharField(), help_text="What the caller may do now.")
    follow_up = FollowUpStatusSerializer(many=True, help_text="Current status per country, from reviewed reports.")
    following = serializers.BooleanField(help_text="Whether the caller follows the recommendation's follow-up.")
    versions = VersionSerializer(many=True, help_text="Its versions, oldest first (those who see its history).")
    invitations = serializers.ListField(
        child=serializers.DictField(),
        help_text="Pending invitations to co-author (those who see its history): {id, invitee, invited_by, created_at}.",
    )
    contributions = serializers.ListField(
        child=serializers.IntegerField(),
        help_text="Ids of the contributions it consolidates that the caller may read (those of its table's "
        "readers); empty for everyone else.",
    )

    def to_representation(self, item: RecommendationPage):
        user = self.context["request"].user
        participant = follows(user, item)
        shown = item.get_latest_revision_as_object() if participant or not item.live else item
        return {
            "id": item.pk,
            "slug": shown.slug,
            "title": shown.title,
            "text": shown.text,
            "rationale": shown.rationale,
            "table": item.table,
            "objectives": shown.objectives,
            "countries": shown.countries,
            "addressed_to": shown.addressed_to,
            "event": shown.event.slug if shown.event_id else None,
            "theme": shown.theme.key if shown.theme_id else None,
            # Outputs of the Mechanism are not attributed to persons in public: who wrote an item
            # is shown to those who see its history (its table, authors and approvers) only.
            "author": item.owner.get_username() if participant and item.owner_id else None,
            "co_authors": [u.get_username() for u in shown.co_authors.all()] if participant else [],
            "url": item.full_url if item.live else None,
            "status": item.status,
            "stage": item.stage or None,
            "approvals": recommendations.approvals_at_current_stage(item) if participant else [],
            "history": recommendations.history_of(item) if participant else [],
            "actions": recommendations.allowed_actions(user, item),
            "follow_up": follow_up_of(item.pk) if item.live else [],
            "following": is_following(user, item),
            "invitations": [
                {
                    "id": i.pk,
                    "invitee": i.invitee.get_username(),
                    "invited_by": i.invited_by.get_username(),
                    "created_at": i.created_at,
                }
                for i in drafting.invitations_visible_to(user, item)
            ]
            if participant
            else [],
            "versions": [{"id": v.id, "at": v.at, "stage": v.stage, "label": v.label} for v in versions.versions_of(item)]
            if participant
            else [],
            "contributions": list(consolidated_in(user, item).order_by("pk").values_list("pk", flat=True)),
        }


class RecommendationWriteSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=255)
    text = serializers.CharField(max_length=10000)
    rationale = serializers.CharField(max_length=10000, required=False, allow_blank=True)
    table = serializers.ChoiceField(choices=TABLES.codes)
    objectives = codes_field(OBJECTIVES)
    countries = codes_field(COUNTRIES, max_length=40)
    addressed_to = codes_field(ADDRESSEES)
    co_authors = serializers.JSONField(
        required=False,
        help_text="Not writable: co-authors are invited (POST recommendations/{id}/invitations/) and join when they accept.",
    )

    def validate_co_authors(self, value):
        raise serializers.ValidationError(
            "Co-authors are invited (POST /api/v1/recommendations/{id}/invitations/) and join when they accept."
        )


class RecommendationUpdateSerializer(RecommendationWriteSerializer):
    table = None  # an item's table is where it lives; it does not move by an edit


class CommentSerializer(serializers.Serializer):
    comment = serializers.CharField(max_length=5000, required=False, allow_blank=True)


class RequiredCommentSerializer(serializers.Serializer):
    comment = serializers.CharField(max_length=5000)


class WithdrawSerializer(serializers.Serializer):
    reason = serializers.CharField(
        max_length=5000,
        required=False,
        allow_blank=True,
        help_text="Recorded in the history and sent to the other authors and the reviewers.",
    )


class TaskSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    type = serializers.SerializerMethodField()
    title = serializers.CharField(source="draft_title")
    status = serializers.SerializerMethodField()
    stage = serializers.SerializerMethodField()
    admin_url = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField(help_text="The item in the workspace (/espacio/).")

    def get_type(self, item) -> str:
        return "recommendation" if isinstance(item, RecommendationPage) else "practice"

    def get_status(self, item) -> str:
        return item.status if isinstance(item, RecommendationPage) else "in_review"

    def get_stage(self, item) -> str:
        task = recommendations.current_task(item)[1]
        return task.stage if task else ""

    def get_admin_url(self, item) -> str:
        return f"/admin/pages/{item.pk}/edit/"

    def get_url(self, item) -> str:
        from django.urls import reverse

        return reverse("workspace:recommendation", args=[item.pk]) if isinstance(item, RecommendationPage) else ""


class AttachmentField(serializers.FileField):
    """Written as a file (multipart upload; ``null`` removes the attachment), read as
    ``{"title", "url"}`` (the document's address, served to the table's readers only) or null."""

    def to_representation(self, document):
        if not document:
            return None
        request = self.context.get("request")
        url = document.url
        return {"title": document.title, "url": request.build_absolute_uri(url) if request else url}


class AttachmentFieldExtension(OpenApiSerializerFieldExtension):
    target_class = AttachmentField

    def map_serializer_field(self, auto_schema, direction):
        if direction == "request":
            return {
                "type": "string",
                "format": "binary",
                "nullable": True,
                "description": "The attachment, uploaded as multipart/form-data (types of WAGTAILDOCS_EXTENSIONS, "
                "at most CONTRIBUTION_ATTACHMENT_MAX_MB); null removes it.",
            }
        return {
            "type": "object",
            "nullable": True,
            "readOnly": True,
            "properties": {"title": {"type": "string"}, "url": {"type": "string", "format": "uri"}},
            "required": ["title", "url"],
        }


class ContributionSerializer(serializers.ModelSerializer):
    author = serializers.CharField(source="author.username", read_only=True)
    objectives = codes_field(OBJECTIVES)
    countries = codes_field(COUNTRIES, max_length=40)
    table = serializers.ChoiceField(choices=TABLES.codes)
    title = serializers.CharField(max_length=255)
    text = serializers.CharField(max_length=20000)
    comments_count = serializers.IntegerField(source="comments.count", read_only=True)
    attachment = AttachmentField(required=False, allow_null=True, allow_empty_file=False, max_length=255)
    consolidated_into = serializers.IntegerField(
        source="consolidated_into_id",
        read_only=True,
        allow_null=True,
        help_text="Id of the recommendation that consolidates this contribution (chosen by its table's drafters), or null.",
    )

    class Meta:
        model = Contribution
        fields = [
            "id",
            "title",
            "table",
            "text",
            "objectives",
            "countries",
            "author",
            "created_at",
            "updated_at",
            "comments_count",
            "attachment",
            "consolidated_into",
        ]
        read_only_fields = ["created_at", "updated_at"]

    def service_data(self) -> dict:
        """The validated input as ``workflows.contributions`` takes it: a file as ``upload``,
        ``attachment=None`` to remove the attachment."""
        data = dict(self.validated_data)
        if "attachment" in data:
            upload = data.pop("attachment")
            if upload is None:
                data["attachment"] = None
            else:
                data["upload"] = upload
        return data


class ContributionCommentSerializer(serializers.ModelSerializer):
    author = serializers.CharField(source="author.username", read_only=True)
    text = serializers.CharField(max_length=5000)

    class Meta:
        model = ContributionComment
        fields = ["id", "author", "text", "created_at"]
        read_only_fields = ["created_at"]


class RoleSerializer(serializers.Serializer):
    role = serializers.CharField()
    table = serializers.CharField(allow_null=True)


class MeTablesSerializer(serializers.Serializer):
    reads = serializers.ListField(child=serializers.CharField(), help_text="Tables whose working material the caller reads.")
    drafts = serializers.ListField(child=serializers.CharField(), help_text="Tables where the caller drafts.")


class MeOrganisationSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.CharField()
    name = serializers.CharField()


class MeSerializer(serializers.Serializer):
    username = serializers.CharField()
    name = serializers.CharField()
    roles = RoleSerializer(many=True)
    tables = MeTablesSerializer()
    organisation = MeOrganisationSerializer(allow_null=True, help_text="The caller's (first) organisation.")
    organisations = MeOrganisationSerializer(many=True)
    waiting = serializers.IntegerField(help_text="Items waiting for the caller's decision.")


class NotificationSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    category = serializers.ChoiceField(choices=["workflow", "table_activity", "moderation", "follow_up"])
    event = serializers.CharField()
    summary = serializers.CharField(help_text="What happened, in the caller's language.")
    comment = serializers.CharField(allow_blank=True)
    link = serializers.CharField(allow_blank=True)
    table = serializers.CharField(allow_blank=True)
    created_at = serializers.DateTimeField()
    read = serializers.BooleanField()

    def to_representation(self, row):
        notification = row["notification"]
        return {
            "id": notification.pk,
            "category": notification.category,
            "event": notification.event,
            "summary": row["summary"],
            "comment": row["comment"],
            "link": row["link"],
            "table": notification.table,
            "created_at": notification.created_at,
            "read": row["read"],
        }


class MarkReadSerializer(serializers.Serializer):
    ids = serializers.ListField(child=serializers.IntegerField(min_value=1), required=False, max_length=1000)
    all = serializers.BooleanField(required=False, default=False)

    def validate(self, data):
        if not data.get("ids") and not data.get("all"):
            raise serializers.ValidationError({"ids": ["Give the ids to mark read, or all: true."]})
        return data


class MarkedReadSerializer(serializers.Serializer):
    read = serializers.IntegerField(help_text="How many were marked read.")


FREQUENCY_CHOICES = FREQUENCY_CODES = ["immediate", "daily", "weekly", "off"]


class NotificationSettingsSerializer(serializers.Serializer):
    workflow = serializers.ChoiceField(choices=FREQUENCY_CHOICES, required=False)
    table_activity = serializers.ChoiceField(choices=FREQUENCY_CHOICES, required=False)
    moderation = serializers.ChoiceField(choices=FREQUENCY_CHOICES, required=False)
    follow_up = serializers.ChoiceField(choices=FREQUENCY_CHOICES, required=False)
