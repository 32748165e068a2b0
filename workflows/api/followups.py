"""Follow-up of recommendations over HTTP: reports (list, detail, correction, review), the
reports of one recommendation, following a recommendation, and the progress board's numbers.
Every rule is ``workflows.followups``'s; every public number is ``cms.progress``'s."""

from __future__ import annotations

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import permissions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from cms.models import EventPage, FollowUpEvidence, FollowUpReport, RecommendationPage
from cms.progress import BOARD_FILTERS, GROUP_BY, BoardError, board_query
from cms.selectors import published_practices, published_recommendations, recommendations_of_table
from cms.taxonomies import FOLLOW_UP_REVIEW_STATUSES, FOLLOW_UP_SCOPES, FOLLOW_UP_STATUSES, OBJECTIVES, TABLES
from enlace import tabular
from enlace.api import SEARCH_RENDERERS, ParameterError, filter_text, path_pk, q_parameter, request_language
from search import cache as response_cache

from .. import followups


class AnonymousSubmissionThrottle(ScopedRateThrottle):
    """The public's reports are throttled like practice submissions; members' are not."""

    scope_attr = "throttle_scope"

    def allow_request(self, request, view):
        if request.user and request.user.is_authenticated:
            return True
        return super().allow_request(request, view)


# --- Serializers ----------------------------------------------------------------------------


class EvidenceSerializer(serializers.Serializer):
    title = serializers.CharField()
    url = serializers.CharField()


class LinkedPracticeSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.CharField()


class FollowUpReportSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    recommendation = serializers.IntegerField()
    recommendation_title = serializers.CharField()
    country = serializers.ChoiceField(choices=FOLLOW_UP_SCOPES.codes, help_text="ISO 3166 code, or 419: the region.")
    country_label = serializers.CharField()
    status = serializers.ChoiceField(choices=FOLLOW_UP_STATUSES.codes)
    status_label = serializers.CharField()
    actor = serializers.CharField()
    organisation = serializers.CharField(allow_null=True, help_text="Slug of the actor in the directory.")
    date = serializers.DateField()
    description = serializers.CharField()
    evidence = EvidenceSerializer(many=True)
    practices = LinkedPracticeSerializer(many=True)
    review_status = serializers.ChoiceField(choices=FOLLOW_UP_REVIEW_STATUSES.codes)
    review_comment = serializers.CharField(help_text="The reviewer's comment (to the reporter and reviewers only).")
    published_at = serializers.DateTimeField(allow_null=True)
    actions = serializers.ListField(child=serializers.CharField(), help_text="What the caller may do now.")

    def to_representation(self, report: FollowUpReport):
        request = self.context["request"]
        language = request_language(request)
        user = request.user
        insider = followups.is_reviewer(user) or (user.is_authenticated and report.reporter_id == user.pk)
        return {
            "id": report.pk,
            "recommendation": report.recommendation_id,
            "recommendation_title": report.recommendation.title,
            "country": report.country,
            "country_label": FOLLOW_UP_SCOPES.label(report.country, language),
            "status": report.status,
            "status_label": FOLLOW_UP_STATUSES.label(report.status, language),
            "actor": report.actor,
            "organisation": report.organisation.slug if report.organisation_id else None,
            "date": report.date.isoformat(),
            "description": report.description,
            "evidence": [{"title": e.label, "url": request.build_absolute_uri(e.href)} for e in report.evidence.all()],
            "practices": [
                {"id": p.pk, "title": p.title, "url": p.full_url or ""}
                for p in report.practices.all()
                if p.live  # published practices only
            ],
            "review_status": report.review_status,
            "review_comment": report.review_comment if insider else "",
            "published_at": report.published_at,
            "actions": followups.allowed_actions(user, report),
        }


class FollowUpWriteSerializer(serializers.Serializer):
    country = serializers.CharField(max_length=8, help_text="ISO 3166 code, or 419: the region as a whole.")
    status = serializers.CharField(max_length=64, help_text="One of " + ", ".join(FOLLOW_UP_STATUSES.codes) + ".")
    actor = serializers.CharField(max_length=255)
    organisation = serializers.SlugField(required=False, allow_null=True, allow_blank=True)
    date = serializers.DateField(help_text="When what is reported happened (YYYY-MM-DD).")
    description = serializers.CharField(max_length=5000)
    evidence_urls = serializers.ListField(child=serializers.CharField(max_length=500), required=False, max_length=20)
    practices = serializers.ListField(child=serializers.IntegerField(min_value=1), required=False, max_length=20)
    reporter_email = serializers.EmailField(required=False, help_text="Required when not logged in.")


class FollowUpUpdateSerializer(FollowUpWriteSerializer):
    reporter_email = None

    def __init__(self, *args, **kwargs):
        kwargs["partial"] = True
        super().__init__(*args, **kwargs)


class FollowUpCreatedSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    review_status = serializers.CharField()


class FollowingSerializer(serializers.Serializer):
    following = serializers.BooleanField()


# --- Views ----------------------------------------------------------------------------------


def reports_with_relations(queryset):
    return queryset.select_related("recommendation", "organisation").prefetch_related(
        Prefetch("evidence", queryset=FollowUpEvidence.objects.select_related("document")),
        Prefetch("practices", queryset=published_practices()),
    )


def report_response(request, report, code=status.HTTP_200_OK) -> Response:
    report = reports_with_relations(FollowUpReport.objects.filter(pk=report.pk)).get()
    return Response(FollowUpReportSerializer(report, context={"request": request}).data, status=code)


REPORT_FILTERS = [
    OpenApiParameter("recommendation", int, many=True),
    OpenApiParameter("country", str, many=True, description="ISO 3166 code, or 419 (regional)."),
    OpenApiParameter("status", str, many=True, enum=list(FOLLOW_UP_STATUSES.codes)),
    OpenApiParameter("event", str, many=True, description="Slug of the source event."),
    OpenApiParameter("objective", str, many=True, enum=list(OBJECTIVES.codes)),
    OpenApiParameter("table", str, many=True, enum=list(TABLES.codes)),
    OpenApiParameter(
        "review_status",
        str,
        enum=list(FOLLOW_UP_REVIEW_STATUSES.codes),
        description="Reviewers and reporters: reports in this review status (default: published).",
    ),
    OpenApiParameter("format", str, enum=["json", "csv"]),
    q_parameter("who acted, what was done, the organisation and the recommendation's title"),
]


def _codes(request, name: str, allowed) -> list[str]:
    values = [value for value in request.query_params.getlist(name) if value != ""]
    bad = [value for value in values if value not in allowed]
    if bad:
        raise ParameterError(name, "Unknown value(s): " + ", ".join(bad[:10]) + ".")
    return values


def filter_reports(request, reports):
    ids = []
    for raw in request.query_params.getlist("recommendation"):
        if not raw.isdigit() or len(raw) > 12:
            raise ParameterError("recommendation", "Recommendation ids are whole numbers.")
        ids.append(int(raw))
    if ids:
        reports = reports.filter(recommendation_id__in=ids)
    if countries := _codes(request, "country", FOLLOW_UP_SCOPES):
        reports = reports.filter(country__in=countries)
    if statuses := _codes(request, "status", FOLLOW_UP_STATUSES):
        reports = reports.filter(status__in=statuses)
    if events := _codes(request, "event", set(EventPage.objects.originals().values_list("slug", flat=True))):
        reports = reports.filter(recommendation__event__slug__in=events)
    if objectives := _codes(request, "objective", OBJECTIVES):
        pks = [
            r.pk for r in RecommendationPage.objects.originals().only("pk", "objectives") if set(r.objectives) & set(objectives)
        ]
        reports = reports.filter(recommendation_id__in=pks)
    if tables := _codes(request, "table", TABLES):
        pks = set()
        for table in tables:
            pks |= set(recommendations_of_table(RecommendationPage.objects.originals(), table).values_list("pk", flat=True))
        reports = reports.filter(recommendation_id__in=pks)
    review_status = request.query_params.get("review_status", "published")
    if review_status not in FOLLOW_UP_REVIEW_STATUSES:
        raise ParameterError("review_status", "One of " + ", ".join(FOLLOW_UP_REVIEW_STATUSES.codes) + ".")
    reports = reports.filter(review_status=review_status)
    return filter_text(request, reports, ["actor", "description", "organisation__name", "recommendation__title"])


CSV_COLUMNS = [
    "id",
    "recommendation",
    "recommendation_title",
    "country",
    "country_label",
    "status",
    "status_label",
    "actor",
    "organisation",
    "date",
    "description",
    "evidence",
    "practices",
    "review_status",
    "published_at",
]


class FollowUpViewSet(viewsets.GenericViewSet):
    """Follow-up reports: published ones for everyone; reviewers and reporters see more."""

    renderer_classes = SEARCH_RENDERERS
    serializer_class = FollowUpReportSerializer
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self):
        return reports_with_relations(followups.reports_visible_to(self.request.user))

    def get_object(self) -> FollowUpReport:
        return get_object_or_404(self.get_queryset(), pk=path_pk(self.kwargs["pk"]))

    @extend_schema(parameters=REPORT_FILTERS, responses=FollowUpReportSerializer(many=True))
    def list(self, request):
        reports = filter_reports(request, self.get_queryset()).order_by("recommendation_id", "country", "date", "pk")
        if request.query_params.get("format") == "csv":
            data = FollowUpReportSerializer(reports, many=True, context={"request": request}).data
            rows = [CSV_COLUMNS] + [
                [
                    *(row[name] for name in CSV_COLUMNS[:11]),
                    " ".join(e["url"] for e in row["evidence"]),
                    " ".join(p["url"] for p in row["practices"]),
                    row["review_status"],
                    row["published_at"] or "",
                ]
                for row in data
            ]
            return tabular.response(rows, "follow-ups.csv")
        page = self.paginate_queryset(reports)
        return self.get_paginated_response(FollowUpReportSerializer(page, many=True, context={"request": request}).data)

    def retrieve(self, request, pk=None):
        return report_response(request, self.get_object())

    @extend_schema(request=FollowUpUpdateSerializer, responses=FollowUpReportSerializer)
    def partial_update(self, request, pk=None):
        report = self.get_object()
        body = FollowUpUpdateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        if not body.validated_data:
            raise ParameterError("non_field_errors", "Nothing to change.")
        report = followups.update(report=report, user=request.user, data=dict(body.validated_data))
        return report_response(request, report)

    @extend_schema(request=None, responses=FollowUpReportSerializer)
    @action(detail=True, methods=["post"])
    def publish(self, request, pk=None):
        from .serializers import CommentSerializer

        body = CommentSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        report = followups.publish(report=self.get_object(), user=request.user, comment=body.validated_data.get("comment", ""))
        return report_response(request, report)

    @extend_schema(responses=FollowUpReportSerializer)
    @action(detail=True, methods=["post"], url_path="send-back")
    def send_back(self, request, pk=None):
        from .serializers import RequiredCommentSerializer

        report = self.get_object()
        body = RequiredCommentSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        report = followups.send_back(report=report, user=request.user, comment=body.validated_data["comment"])
        return report_response(request, report)

    def get_serializer_class(self):  # for the schema of the review actions
        from .serializers import CommentSerializer, RequiredCommentSerializer

        return {"publish": CommentSerializer, "send_back": RequiredCommentSerializer}.get(
            getattr(self, "action", None), FollowUpReportSerializer
        )


class RecommendationFollowUpMixin:
    """``/recommendations/{id}/follow-ups/`` and ``/recommendations/{id}/follow/``, mixed into
    the recommendations' viewset."""

    throttle_scope = "submissions"

    def _published(self) -> RecommendationPage:
        return get_object_or_404(published_recommendations(), pk=path_pk(self.kwargs["pk"]))

    def get_throttles(self):
        if getattr(self, "action", None) == "follow_ups" and self.request.method == "POST":
            return [*super().get_throttles(), AnonymousSubmissionThrottle()]
        return super().get_throttles()

    @extend_schema(
        methods=["GET"],
        parameters=[
            OpenApiParameter("review_status", str, enum=list(FOLLOW_UP_REVIEW_STATUSES.codes)),
            q_parameter("who acted, what was done and the organisation"),
        ],
        responses=FollowUpReportSerializer(many=True),
    )
    @extend_schema(methods=["POST"], request=FollowUpWriteSerializer, responses={201: FollowUpCreatedSerializer})
    @action(
        detail=True,
        methods=["get", "post"],
        url_path="follow-ups",
        serializer_class=FollowUpWriteSerializer,
        permission_classes=[permissions.AllowAny],
    )  # the public reports too (moderated, throttled)
    def follow_ups(self, request, pk=None):
        recommendation = self._published()
        if request.method == "POST":
            body = FollowUpWriteSerializer(data=request.data)
            body.is_valid(raise_exception=True)
            data = dict(body.validated_data)
            email = data.pop("reporter_email", "")
            report = followups.submit(recommendation=recommendation, user=request.user, reporter_email=email, data=data)
            return Response({"id": report.pk, "review_status": report.review_status}, status=status.HTTP_201_CREATED)
        reports = filter_reports(
            request, reports_with_relations(followups.reports_visible_to(request.user)).filter(recommendation=recommendation)
        ).order_by("country", "date", "pk")
        page = self.paginate_queryset(reports)
        return self.get_paginated_response(FollowUpReportSerializer(page, many=True, context={"request": request}).data)

    @extend_schema(request=None, responses=FollowingSerializer)
    @action(detail=True, methods=["post", "delete"], url_path="follow", serializer_class=FollowingSerializer)
    def follow(self, request, pk=None):
        recommendation = self._published()
        if request.method == "POST":
            followups.follow(recommendation=recommendation, user=request.user)
            return Response({"following": True})
        followups.unfollow(recommendation=recommendation, user=request.user)
        return Response({"following": False})


class ProgressView(APIView):
    """The progress board's numbers: (recommendation, scope) pairs by current status, by
    country and by the chosen grouping; the same function draws the public board."""

    renderer_classes = SEARCH_RENDERERS

    @extend_schema(
        parameters=[OpenApiParameter(name, str, many=True) for name in BOARD_FILTERS]
        + [OpenApiParameter("group_by", str, enum=list(GROUP_BY)), OpenApiParameter("format", str, enum=["json", "csv"])],
        responses={200: dict},
    )
    def get(self, request):
        language = request_language(request)
        try:
            query = board_query(request.query_params)
        except BoardError as error:
            raise serializers.ValidationError(error.errors) from None
        anonymous = not request.user.is_authenticated  # anonymous: from the search response cache
        if request.query_params.get("format") == "csv":
            return tabular.response(response_cache.board_csv_rows(query, language, use=anonymous), "progress.csv")
        etag = response_cache.validator(request, (query, language))
        if unchanged := response_cache.not_modified(request, etag):
            return unchanged
        answer = Response(response_cache.board(query, language, use=anonymous))
        return response_cache.headers(answer, etag, private=not anonymous)
