"""The public side of the follow-up of recommendations: the progress board (a section page's
routes call :func:`board_view` and :func:`board_csv`), following a recommendation, and the
public follow-up report form.

Every number and every report shown comes from ``cms.progress`` (published reports of published
recommendations only); every change goes through ``workflows.followups``. The board's whole
state is in its URL (the same parameters as ``/api/v1/progress/``), so it can be bookmarked,
shared and navigated with back/forward, with or without JavaScript.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from cms.i18n import localize, localized_by_pk
from cms.models import RecommendationPage
from cms.progress import (
    BOARD_FILTERS,
    GROUP_BY,
    BoardError,
    board_events,
    board_query,
    board_themes,
    published_reports,
)
from cms.selectors import published_recommendations
from cms.taxonomies import ADDRESSEES, FOLLOW_UP_SCOPES, FOLLOW_UP_STATUSES, OBJECTIVES, TABLES, table_name
from enlace import tabular
from search import cache as response_cache
from workflows import followups

from .followup_forms import FollowUpReportForm
from .views import public_form_view

FILTER_TITLES = {
    "event": _("Event"),
    "theme": _("Theme"),
    "table": _("Working table"),
    "objective": _("GCM objective"),
    "addressee": _("Addressed to"),
    "country": _("Country"),
    "status": _("Status"),
}
GROUP_TITLES = {
    "table": _("Working table"),
    "event": _("Event"),
    "theme": _("Theme"),
    "objective": _("GCM objective"),
    "addressee": _("Addressee"),
}
STATE_KEYS = (*BOARD_FILTERS, "group_by")


def _url(params: list[tuple[str, str]]) -> str:
    return "?" + urlencode(params) if params else "?"


def _options(language: str) -> dict[str, list[tuple[str, str]]]:
    """Every value each filter accepts (the same sets ``board_query`` checks), labelled."""
    reported = set(published_reports().values_list("country", flat=True).distinct())
    scopes = [term for term in FOLLOW_UP_SCOPES if term.in_region or term.code in reported]
    return {
        "event": sorted(board_events().items(), key=lambda item: item[1]),
        "theme": [(code, title) for code, (title, _slug) in board_themes().items()],
        "table": [(code, table_name(code, language)) for code in TABLES.codes],
        "objective": [(code, f"{code}. {label}") for code, label in OBJECTIVES.choices(language)],
        "addressee": ADDRESSEES.choices(language),
        "country": [(term.code, term.label(language)) for term in scopes],
        "status": FOLLOW_UP_STATUSES.choices(language),
    }


def _state(params) -> list[tuple[str, str]]:
    return [(key, value) for key in STATE_KEYS for value in params.getlist(key) if value != ""]


def _country_counts() -> dict[str, int]:
    """Per country (or ``419``, the region): how many published recommendations have a published
    report there, shown beside each country of the filter."""
    from django.db.models import Count

    rows = published_reports().values("country").annotate(n=Count("recommendation", distinct=True)).order_by()
    return {row["country"]: row["n"] for row in rows}


def _filter_form(params, options, country_counts, language) -> list[dict]:
    selected = {name: set(params.getlist(name)) for name in BOARD_FILTERS}
    counts = {"country": country_counts}
    filters = []
    for name in BOARD_FILTERS:
        choices = list(options[name])
        if name == "country":  # a valid scope chosen outside the region is listed too
            known = {code for code, _label in choices}
            choices += [
                (code, FOLLOW_UP_SCOPES.label(code, language))
                for code in sorted(selected[name])
                if code in FOLLOW_UP_SCOPES and code not in known
            ]
        filters.append(
            {
                "name": name,
                "title": FILTER_TITLES[name],
                "options": [
                    {
                        "code": code,
                        "label": label,
                        "selected": code in selected[name],
                        "count": counts[name].get(code, 0) if name in counts else None,
                    }
                    for code, label in choices
                ],
                "count": len(selected[name] & {code for code, _label in choices}),
            }
        )
    return filters


def _chips(state, options) -> list[dict]:
    labels = {name: dict(values) for name, values in options.items()}
    chips = []
    for name, value in state:
        if name == "group_by":
            continue
        chips.append(
            {
                "filter": FILTER_TITLES[name],
                "label": labels[name].get(value, value),
                "remove_url": _url([(k, v) for k, v in state if not (k == name and v == value)]),
            }
        )
    return chips


def _bars(rows: list[dict], statuses: list[dict]) -> list[dict]:
    """Each row's stacked bar: segments as a share of the largest row's total."""
    widest = max((row["total"] for row in rows), default=0) or 1
    return [
        {
            **row,
            "width": f"{100 * row['total'] / widest:.1f}",  # a CSS number, never localised
            "segments": [
                {"code": status["code"], "label": status["label"], "count": row["by_status"][status["code"]]}
                for status in statuses
                if row["by_status"][status["code"]]
            ]
            if row["total"]
            else [],
        }
        for row in rows
    ]


def _anonymous(request) -> bool:
    return not request.user.is_authenticated


def board_view(request, page):
    language = get_language()
    params = request.GET
    options, country_counts = response_cache.fetch(
        "board", ("filters", language), lambda: (_options(language), _country_counts()), use=_anonymous(request)
    )
    state = _state(params)
    group_by = params.get("group_by") or "table"
    context = {
        "filters": _filter_form(params, options, country_counts, language),
        "group_by": group_by,
        "group_choices": [(code, GROUP_TITLES[code]) for code in GROUP_BY],
        "chips": _chips(state, options),
        "clear_url": "?",
        "csv_url": page.url + page.reverse_subpage("csv") + (_url(state) if state else ""),
    }
    try:
        query = board_query(params)
    except BoardError as error:
        titles = {**FILTER_TITLES, "group_by": _("Group by")}
        context["board_errors"] = [(titles.get(name, name), messages) for name, messages in error.errors.items()]
        context["chips"] = []
        response = page.render(request, context_overrides=context)
        response.status_code = 400
        return response
    data = response_cache.board(query, language, use=_anonymous(request))
    statuses = data["statuses"]
    recommendations = data["recommendations"]
    columns = [{"code": code, "label": FOLLOW_UP_SCOPES.label(code, language)} for code in data["columns"]]
    status_labels = {status["code"]: status["label"] for status in statuses}
    versions = localized_by_pk([row["id"] for row in recommendations])  # links in the reader's language
    matrix = [
        {
            **row,
            **({"title": version.title, "url": version.get_url(request)} if (version := versions.get(row["id"])) else {}),
            "cells": [
                {
                    "country": column,
                    "status": row["countries"].get(column["code"], ""),
                    "label": status_labels.get(row["countries"].get(column["code"], ""), ""),
                }
                for column in columns
            ],
        }
        for row in recommendations
    ]
    context.update(
        {
            "board": data,
            "statuses": statuses,
            "totals": data["totals"],
            "total_statuses": [{**status, "count": data["totals"]["by_status"][status["code"]]} for status in statuses],
            "country_rows": _bars(data["countries"], statuses),
            "group_rows": _bars(data["groups"], statuses),
            "group_title": GROUP_TITLES[query.group_by],
            "columns": columns,
            "matrix": matrix,
        }
    )
    return page.render(request, context_overrides=context)


def board_csv(request, page):
    try:
        query = board_query(request.GET)
    except BoardError as error:
        lines = [f"{name}: {' '.join(messages)}" for name, messages in error.errors.items()]
        return HttpResponse("\n".join(lines) + "\n", status=400, content_type="text/plain; charset=utf-8")
    return tabular.response(response_cache.board_csv_rows(query, get_language(), use=_anonymous(request)), "progress.csv")


# --- Following a recommendation, and reporting on it ---------------------------------------


def _published_recommendation(pk: int) -> RecommendationPage:
    recommendation = published_recommendations().filter(pk=pk).first()
    if recommendation is None:
        raise Http404
    return recommendation


@require_POST
def follow(request, pk: int):
    """Follow or unfollow (``action=unfollow``) a published recommendation; back to its page."""
    recommendation = _published_recommendation(pk)
    page_url = localize([recommendation])[0].url or "/"
    back = page_url + "#follow"
    if not request.user.is_authenticated:
        return redirect_to_login(page_url)
    if request.POST.get("action") == "unfollow":
        followups.unfollow(recommendation=recommendation, user=request.user)
    else:
        followups.follow(recommendation=recommendation, user=request.user)
    return redirect(back)


@never_cache
def report(request, pk: int):
    """The public form to report what was done on a published recommendation: moderated
    (``workflows.followups.submit``), with the practice form's spam protection and rate limit."""
    recommendation = _published_recommendation(pk)
    return public_form_view(
        request,
        FollowUpReportForm,
        template="frontend/followup_report.html",
        context={"recommendation": recommendation},
        scope="follow-up-report",
        email_field="reporter_email",
        submit=lambda form, email: followups.submit(
            recommendation=recommendation, user=request.user, reporter_email=email, data=form.data_for_service()
        ),
        done_url=reverse("followup_report_done", args=[recommendation.pk]),
    )


def report_done(request, pk: int):
    recommendation = _published_recommendation(pk)
    return render(request, "frontend/followup_report_done.html", {"recommendation": recommendation})
