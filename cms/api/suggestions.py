"""``GET /api/v1/suggestions/?q=``: the site's type-ahead for other programs (issue 21). The same
service call as the search boxes' ``/sugerencias/`` (``search.service.suggest``: published titles
only, from either backend), with the titles and addresses in the requested language."""

from __future__ import annotations

from django.utils import translation
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import permissions, serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from enlace.api import ParameterError, int_param, request_language
from search import cache as response_cache
from search.service import MAX_SUGGESTIONS, suggest

TYPES = ("practice", "recommendation")
MAX_PREFIX = 100


class SuggestionView(APIView):
    permission_classes = [permissions.AllowAny]

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "q",
                str,
                required=True,
                description="What was typed so far (2 to 100 characters; fewer than 2 give no suggestion).",
            ),
            OpenApiParameter("type", str, many=True, enum=list(TYPES), description="Default: both."),
            OpenApiParameter("limit", int, description=f"1 to {MAX_SUGGESTIONS} (default 8)."),
            OpenApiParameter("lang", str, enum=["es", "en", "pt", "fr"]),
        ],
        responses=inline_serializer(
            "Suggestions",
            {
                "suggestions": inline_serializer(
                    "Suggestion",
                    {
                        "id": serializers.IntegerField(),
                        "type": serializers.CharField(),
                        "title": serializers.CharField(),
                        "url": serializers.URLField(),
                        "lang": serializers.CharField(),
                    },
                    many=True,
                )
            },
        ),
    )
    def get(self, request):
        from frontend.search import in_reader_language

        if "q" not in request.query_params:
            raise ParameterError("q", "This parameter is required.")
        text = request.query_params["q"]
        if len(text) > MAX_PREFIX:
            raise ParameterError("q", f"At most {MAX_PREFIX} characters.")
        types = request.query_params.getlist("type") or list(TYPES)
        if unknown := [t for t in types if t not in TYPES]:
            raise ParameterError("type", "Unknown type " + ", ".join(unknown[:5]) + "; one of " + ", ".join(TYPES) + ".")
        limit = int_param(request, "limit", 8, minimum=1, maximum=MAX_SUGGESTIONS)
        language = request_language(request)
        anonymous = not request.user.is_authenticated  # anonymous: from the search response cache
        etag = response_cache.validator(request, (text, tuple(types), limit, language))
        if unchanged := response_cache.not_modified(request, etag):
            return unchanged
        found = suggest(text, types=tuple(types), limit=limit, cache=anonymous) if len(text.strip()) >= 2 else []
        with translation.override(language):
            in_reader_language(request, found)
        rows = [
            {
                "id": item["id"],
                "type": item["type"],
                "title": item["title"],
                "url": request.build_absolute_uri(item["url"]),
                "lang": item["lang"],
            }
            for item in found
        ]
        return response_cache.headers(Response({"suggestions": rows}), etag, private=not anonymous)
