"""Plumbing shared by every API module: pagination with strict bounds, the language of labels,
query-parameter parsing, and turning domain errors into HTTP answers (400/403/404/409)."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils import translation
from drf_spectacular.utils import OpenApiParameter
from rest_framework import exceptions, status
from rest_framework.pagination import PageNumberPagination
from rest_framework.renderers import BaseRenderer, BrowsableAPIRenderer, JSONRenderer
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from search.service import SearchError
from workflows.errors import WorkflowError

MAX_PAGE_SIZE = 100


class ParameterError(exceptions.ValidationError):
    """A bad query parameter: 400 with ``{parameter: [message]}``."""

    def __init__(self, name: str, message: str):
        super().__init__({name: [message]})


def int_param(
    request, name: str, default: int | None = None, *, minimum: int | None = None, maximum: int | None = None
) -> int | None:
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ParameterError(name, "A whole number is required.") from None
    if minimum is not None and value < minimum or maximum is not None and value > maximum:
        bounds = f"between {minimum} and {maximum}" if maximum is not None else f"at least {minimum}"
        raise ParameterError(name, f"Must be {bounds}.")
    return value


def path_pk(value) -> int:
    """A primary key from the address (``/…/<pk>/``): anything but a positive integer that fits
    the column is a 404, never a 500."""
    try:
        pk = int(value)
    except (TypeError, ValueError):
        raise exceptions.NotFound() from None
    if pk < 1 or pk > 2**62:
        raise exceptions.NotFound()
    return pk


def page_params(request) -> tuple[int, int]:
    page = int_param(request, "page", 1, minimum=1)
    size = int_param(request, "page_size", 20, minimum=1, maximum=MAX_PAGE_SIZE)
    return page, size


def request_language(request) -> str:
    """``?lang=`` wins, then ``Accept-Language`` (already active through LocaleMiddleware)."""
    lang = request.query_params.get("lang")
    if lang is not None:
        if lang not in settings.LANGUAGE_CODES:
            raise ParameterError("lang", "One of " + ", ".join(settings.LANGUAGE_CODES) + ".")
        return lang
    return translation.get_language() or settings.LANGUAGE_CODE


# --- ``q`` on every list (SPEC §5: "every list endpoint that searches accepts q") -------------
# A list either searches (its schema declares ``q`` with ``x-searches: true`` and it filters by it)
# or does not (``q`` declared with ``x-searches: false``, and any ``q`` is a 400): never silently
# ignored. tests/api/test_text_query.py walks the schema so that a new list cannot forget it.

MAX_QUERY_LENGTH = 500


def q_parameter(over: str) -> OpenApiParameter:
    return OpenApiParameter(
        "q",
        str,
        description=f"Full text over {over}: every word must match, case and accents aside.",
        extensions={"x-searches": True},
    )


Q_NOT_SEARCHED = OpenApiParameter(
    "q", str, description="This list does not search: any `q` is answered 400.", extensions={"x-searches": False}
)


def text_query(request) -> list[str]:
    """The folded words of ``?q=`` (none when absent or blank); 400 when it is over-long."""
    from search.text import query_terms

    raw = request.query_params.get("q", "")
    if len(raw) > MAX_QUERY_LENGTH:
        raise ParameterError("q", f"At most {MAX_QUERY_LENGTH} characters.")
    return query_terms(raw)


def filter_text(request, queryset, fields: list[str]):
    """``queryset`` narrowed to the rows whose ``fields`` (paths, relations allowed; rich text is
    read without its tags) contain every word of ``?q=``, case- and accent-insensitively in every
    database (the same folding as the search service): ``search.service.filter_text``, which the
    site's search of events and organisations uses too."""
    from search.service import filter_text as matching

    return matching(queryset, fields, text_query(request))


def reject_text_query(request) -> None:
    """For the lists that do not search: ``q`` is a 400, never silently ignored."""
    if "q" in request.query_params:
        raise ParameterError("q", "This list does not search: leave out q.")


class CSVRenderer(BaseRenderer):
    """Lets ``?format=csv`` through content negotiation; the views stream the CSV themselves."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):  # errors only
        return "" if data is None else str(data)


SEARCH_RENDERERS = [JSONRenderer, BrowsableAPIRenderer, CSVRenderer]


class StrictPagination(PageNumberPagination):
    """SPEC §5 pagination; page 0, page 10000 beyond the end and page_size > 100 are 400s, not
    silently corrected (a 404 for a page past the end is DRF's, kept)."""

    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE

    def paginate_queryset(self, queryset, request, view=None):
        page_params(request)  # validates page and page_size
        return super().paginate_queryset(queryset, request, view)


def page_links(request, page: int, size: int, total: int) -> tuple[str | None, str | None]:
    from rest_framework.utils.urls import remove_query_param, replace_query_param

    url = request.build_absolute_uri()
    next_url = replace_query_param(url, "page", page + 1) if page * size < total else None
    if page <= 1:
        previous_url = None
    elif page == 2:
        previous_url = remove_query_param(url, "page")
    else:
        previous_url = replace_query_param(url, "page", page - 1)
    return next_url, previous_url


def exception_handler(exc, context):
    if isinstance(exc, WorkflowError):
        body = {exc.field: [exc.message]} if exc.field and exc.status_code == 400 else {"detail": exc.message}
        return Response(body, status=exc.status_code)
    if isinstance(exc, SearchError):
        return Response(exc.errors, status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, DjangoValidationError):
        body = exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        return Response(body, status=status.HTTP_400_BAD_REQUEST)
    return drf_exception_handler(exc, context)


def only_api_v1(endpoints):
    """drf-spectacular preprocessing hook: the schema documents /api/v1/ only (not Wagtail's
    internal admin API)."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]
