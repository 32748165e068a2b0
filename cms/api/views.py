"""Public API of the content: taxonomies, practices (search, detail, submission), organisations,
working tables and events (SPEC §5)."""

from __future__ import annotations

from collections.abc import Iterator

from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from enlace import tabular
from enlace.api import (
    Q_NOT_SEARCHED,
    SEARCH_RENDERERS,
    ParameterError,
    filter_text,
    page_links,
    path_pk,
    q_parameter,
    reject_text_query,
    request_language,
)
from search import cache as response_cache
from search.params import query_from_params
from search.service import SearchQuery, iter_hits, search
from workflows.api.practices import PracticeModerationMixin
from workflows.api.serializers import CommentSerializer, RequiredCommentSerializer
from workflows.organisations import can_edit_organisation, organisation_update

from ..models import Organisation, TableSpacePage
from ..selectors import published_events, published_practices
from ..taxonomies import COUNTRIES, ORGANISATION_KINDS, PUBLIC_TAXONOMIES, TABLES, table_name
from . import serializers as s

PRACTICE_FACET_PARAMS = ("country", "objective", "principle", "table", "stakeholder_group", "level", "population", "language")
SORTS = ("relevance", "-start_year", "title")


def search_query_from(request, *, types, facet_params, sorts=SORTS) -> SearchQuery:
    return query_from_params(
        request.query_params, types=types, facets=facet_params, sorts=sorts, language=request_language(request)
    )


def search_response(request, query: SearchQuery, hit_fields, decorate=None, facet_names=s.FACET_NAMES) -> Response:
    """One page of hits with the endpoint's facets; ``decorate(rows)`` may add fields from the
    database. Anonymous reads go through the search response cache (``search.cache``) and carry
    an ``ETag`` of the index generation and the URL: a matching ``If-None-Match`` gets a 304."""
    anonymous = not request.user.is_authenticated
    etag = response_cache.validator(request, query)
    if unchanged := response_cache.not_modified(request, etag):
        return unchanged
    results = search(query, cache=anonymous)
    next_url, previous_url = page_links(request, query.page, query.page_size, results.total)
    rows = []
    for hit in results.hits:
        row = {name: getattr(hit, name) for name in hit_fields}
        if query.text.strip():
            row["highlight"] = hit.highlight
        rows.append(row)
    if decorate is not None:
        decorate(rows)
    facets = {
        name: [{"code": v.code, "label": v.label, "count": v.count, "selected": v.selected} for v in values]
        for name, values in results.facets.items()
        if name in facet_names
    }
    response = Response(
        {
            "count": results.total,
            "next": next_url,
            "previous": previous_url,
            "results": rows,
            "facets": facets,
            "backend": results.backend,
            "degraded": results.degraded,
        }
    )
    return response_cache.headers(response, None if results.degraded else etag, private=not anonymous)


def csv_response(query: SearchQuery, columns, filename: str, *, cache: bool = False) -> StreamingHttpResponse:
    """The whole filtered result set (not one page), streamed row by row; ``cache=True``
    (anonymous readers) from the search response cache when the file is small enough to keep."""

    def rows() -> Iterator[list]:
        yield columns
        for hit in iter_hits(query):
            yield [getattr(hit, column) for column in columns]

    body = response_cache.streamed("csv", (query, tuple(columns)), lambda: tabular.lines(rows()), use=cache)
    return tabular.attachment(body, filename)


LIST_PARAMS = [
    OpenApiParameter("q", str, description="Full-text query (accent- and case-insensitive)."),
    OpenApiParameter("sort", str, enum=list(SORTS)),
    OpenApiParameter("page", int),
    OpenApiParameter("page_size", int, description="1 to 100."),
    OpenApiParameter("lang", str, enum=["es", "en", "pt", "fr"], description="Language of the labels."),
    OpenApiParameter("format", str, enum=["json", "csv"], description="csv: the whole result set."),
]


class TaxonomyView(APIView):
    permission_classes = [permissions.AllowAny]

    @extend_schema(
        parameters=[OpenApiParameter("lang", str, enum=["es", "en", "pt", "fr"])],
        responses=inline_serializer(
            "Taxonomies",
            {name: s.TermSerializer(many=True) for name in PUBLIC_TAXONOMIES},
        ),
    )
    def get(self, request):
        language = request_language(request)
        return Response({name: vocabulary.as_list(language) for name, vocabulary in PUBLIC_TAXONOMIES.items()})


class PracticeViewSet(PracticeModerationMixin, viewsets.GenericViewSet):
    """The repository of practices: faceted search and published practices; their moderation
    (``workflows.api.practices``)."""

    permission_classes = [permissions.AllowAny]
    renderer_classes = SEARCH_RENDERERS
    serializer_class = s.PracticeDetailSerializer
    throttle_scope = "submissions"  # used by the submissions action's ScopedRateThrottle only

    def get_queryset(self):
        return published_practices().prefetch_related("organisations", "sources")

    # What each POST takes; OPTIONS (DRF's metadata, action "metadata" on every route) describes it.
    POST_SERIALIZERS = {
        "submissions": s.PracticeSubmissionSerializer,
        "publish": CommentSerializer,
        "send-back": RequiredCommentSerializer,
    }

    def get_serializer_class(self):
        route = self.request.resolver_match.url_name if self.request and self.request.resolver_match else ""
        name = route.removeprefix("practice-") if self.action == "metadata" else (self.action or "").replace("_", "-")
        return self.POST_SERIALIZERS.get(name, s.PracticeDetailSerializer)

    @extend_schema(
        parameters=LIST_PARAMS
        + [OpenApiParameter(name, str, many=True) for name in PRACTICE_FACET_PARAMS]
        + [OpenApiParameter("year_from", int), OpenApiParameter("year_to", int)],
        responses=s.PracticeSearchResponseSerializer,
    )
    def list(self, request):
        query = search_query_from(request, types=("practice",), facet_params=PRACTICE_FACET_PARAMS)
        if request.query_params.get("format") == "csv":
            return csv_response(query, s.PRACTICE_CSV_COLUMNS, "practices.csv", cache=not request.user.is_authenticated)
        return search_response(request, query, s.PRACTICE_HIT_FIELDS)

    @extend_schema(parameters=[OpenApiParameter("lang", str, enum=["es", "en", "pt", "fr"])])
    def retrieve(self, request, pk=None):
        practice = get_object_or_404(self.get_queryset(), pk=path_pk(pk))
        return Response(s.PracticeDetailSerializer(practice, context={"language": request_language(request)}).data)

    @extend_schema(request=s.PracticeSubmissionSerializer, responses={201: s.SubmissionCreatedSerializer})
    @action(detail=False, methods=["post"], url_path="submissions", throttle_classes=[ScopedRateThrottle])
    def submissions(self, request):
        serializer = s.PracticeSubmissionSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        practice = serializer.save()
        return Response({"id": practice.pk, "status": "submitted"}, status=status.HTTP_201_CREATED)


class OrganisationViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """The directory; members of an organisation may edit its profile (object permission)."""

    serializer_class = s.OrganisationSerializer
    queryset = Organisation.objects.all()
    http_method_names = ["get", "patch", "head", "options"]

    def get_object(self):
        return get_object_or_404(Organisation, pk=path_pk(self.kwargs["pk"]))

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "language": request_language(self.request)}

    @extend_schema(
        parameters=[
            OpenApiParameter("country", str),
            OpenApiParameter("kind", str),
            q_parameter("name, acronym, description and website"),
        ]
    )
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    def get_queryset(self):
        queryset = Organisation.objects.all()
        if self.action == "list":
            for name in ("country", "kind"):
                value = self.request.query_params.get(name)
                if value:
                    vocabulary = COUNTRIES if name == "country" else ORGANISATION_KINDS
                    if value not in vocabulary:
                        raise ParameterError(name, f"Unknown {name} code.")
                    queryset = queryset.filter(**{name: value})
            queryset = filter_text(self.request, queryset, ["name", "acronym", "description", "website"])
        return queryset

    @extend_schema(request=s.OrganisationUpdateSerializer, responses=s.OrganisationSerializer)
    def partial_update(self, request, pk=None):
        organisation = self.get_object()
        if not can_edit_organisation(request.user, organisation):  # 403 before looking at the body
            raise PermissionDenied("Only members of this organisation may edit its profile.")
        serializer = s.OrganisationUpdateSerializer(organisation, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        organisation = organisation_update(organisation=organisation, user=request.user, **serializer.validated_data)
        return Response(s.OrganisationSerializer(organisation, context=self.get_serializer_context()).data)


class TableViewSet(viewsets.ViewSet):
    permission_classes = [permissions.AllowAny]
    pagination_class = None

    @extend_schema(
        responses=s.TableSerializer(many=True),
        parameters=[OpenApiParameter("lang", str, enum=["es", "en", "pt", "fr"]), Q_NOT_SEARCHED],
    )
    def list(self, request):
        reject_text_query(request)
        language = request_language(request)
        spaces = {space.table: space for space in TableSpacePage.objects.originals().live().public()}
        rows = [
            {
                "code": code,
                "label": TABLES.label(code, language),
                "name": table_name(code, language),
                "url": spaces[code].full_url if code in spaces else None,
            }
            for code in TABLES.codes
        ]
        return Response(rows)


class EventViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    permission_classes = [permissions.AllowAny]
    serializer_class = s.EventSerializer

    def get_queryset(self):
        return published_events().order_by("-date").prefetch_related("themes")

    @extend_schema(parameters=[q_parameter("title, summary, description, report title and themes")])
    def list(self, request, *args, **kwargs):
        events = filter_text(
            request, self.get_queryset(), ["title", "summary", "body", "report_title", "themes__title", "themes__summary"]
        )
        page = self.paginate_queryset(events)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def get_object(self):
        return get_object_or_404(self.get_queryset().select_related("report_document"), pk=path_pk(self.kwargs["pk"]))

    def get_serializer_class(self):
        return s.EventDetailSerializer if self.action == "retrieve" else s.EventSerializer

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "language": request_language(self.request)}
