"""The workspace's contributions (``/espacio/aportes/``): the contributions of the tables the user
reads, with their attachments and comment threads; written by their authors through
``workflows.contributions``, like the API and the admin. And a recommendation's side of the
consolidation link (which contributions it takes up).

404 for what the user may not see (another table's contribution, its attachment), 403 for what
they see but may not do (a reader editing a contribution); a refusal of the services on a field
is a 400 with the error on that field and nothing saved."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cms.taxonomies import TABLES, table_name
from workflows import contributions as services
from workflows.errors import WorkflowError
from workflows.roles import tables_drafted_by, tables_read_by
from workflows.selectors import recommendations_visible_to

from . import forms
from .views import recommendation_context, render, visible_item

PAGE_SIZE = 20


def contribution_url(contribution) -> str:
    return reverse("workspace:contribution", args=[contribution.pk])


def visible_contribution(user, pk):
    """The contribution ``pk`` if ``user`` reads its table (404 otherwise, whether it exists or not)."""
    queryset = services.contributions_visible_to(user).select_related("author", "attachment", "consolidated_into")
    return get_object_or_404(queryset, pk=pk)


@login_required
def contributions(request):
    """The contributions of the tables the user reads, newest first (``?mesa=`` one table)."""
    user = request.user
    tables = sorted(tables_read_by(user))
    wanted = request.GET.get("mesa", "")
    items = services.contributions_visible_to(user).filter(table__in=tables)
    if wanted in tables:
        items = items.filter(table=wanted)
    items = (
        items.select_related("author", "attachment", "consolidated_into")
        .annotate(comments_total=Count("comments"))
        .order_by("-created_at", "-pk")
    )
    page = Paginator(items, PAGE_SIZE).get_page(request.GET.get("pagina"))
    filters = [{"code": code, "label": table_name(code), "current": code == wanted} for code in tables]
    return render(
        request,
        "contributions.html",
        {
            "page": page,
            "filters": filters,
            "wanted": wanted if wanted in tables else "",
            "tables": tables,
            "may_contribute": bool(tables_drafted_by(user)),
            "nav": "contributions",
        },
    )


@login_required
def contribution_new(request):
    form = forms.ContributionForm(request.POST or None, request.FILES or None, user=request.user)
    if not form.fields["table"].choices:
        raise Http404  # only the tables' delegates and secretariat contribute
    if request.method == "POST" and form.is_valid():
        try:
            contribution = services.contribution_create(user=request.user, **form.service_data())
        except WorkflowError as error:
            if error.status_code != 400:
                raise PermissionDenied(error.message) from None
            form.add_service_error(error)
        else:
            messages.success(request, _("Contribution saved."))
            return redirect(contribution_url(contribution))
    return render(request, "contribution_form.html", {"form": form, "nav": "contributions"}, status=400 if form.errors else 200)


def contribution_context(request, contribution, comment_form=None) -> dict:
    user = request.user
    recommendation = None
    if contribution.consolidated_into_id:
        recommendation = recommendations_visible_to(user).filter(pk=contribution.consolidated_into_id).first()
    return {
        "contribution": contribution,
        "table_label": table_name(contribution.table) if contribution.table in TABLES else "",
        "comments": services.comments_visible_to(user, contribution),
        "comment_form": comment_form or forms.ContributionCommentForm(),
        "may_edit": services.can_edit_contribution(user, contribution),
        "recommendation": recommendation,
        "nav": "contributions",
    }


@login_required
def contribution(request, pk):
    item = visible_contribution(request.user, pk)
    return render(request, "contribution.html", contribution_context(request, item))


@login_required
@require_POST
def contribution_comment(request, pk):
    item = visible_contribution(request.user, pk)
    form = forms.ContributionCommentForm(request.POST)
    if form.is_valid():
        try:
            services.contribution_comment(contribution=item, user=request.user, text=form.cleaned_data["text"])
        except WorkflowError as error:
            if error.status_code != 400:
                raise PermissionDenied(error.message) from None
            form.add_service_error(error)
        else:
            messages.success(request, _("Comment added."))
            return redirect(contribution_url(item) + "#comments")
    return render(request, "contribution.html", contribution_context(request, item, comment_form=form), status=400)


@login_required
def contribution_edit(request, pk):
    item = visible_contribution(request.user, pk)
    if not services.can_edit_contribution(request.user, item):
        raise PermissionDenied  # the table reads it; only its author edits it
    form = forms.ContributionForm(request.POST or None, request.FILES or None, user=request.user, contribution=item)
    if request.method == "POST" and form.is_valid():
        try:
            services.contribution_update(contribution=item, user=request.user, **form.service_data())
        except WorkflowError as error:
            if error.status_code != 400:
                raise PermissionDenied(error.message) from None
            form.add_service_error(error)
        else:
            messages.success(request, _("Contribution saved."))
            return redirect(contribution_url(item))
    return render(
        request,
        "contribution_form.html",
        {"form": form, "contribution": item, "nav": "contributions"},
        status=400 if form.errors else 200,
    )


# --- A recommendation's side: the contributions it consolidates --------------------------------


def consolidation_context(request, item, form=None) -> dict:
    """What the recommendation's page shows of its contributions (and the form to choose them,
    for its table's drafters)."""
    user = request.user
    context = {"contributions": services.consolidated_in(user, item), "consolidate_form": None}
    candidates = services.consolidation_candidates(user, item)
    if form is not None:
        context["consolidate_form"] = form
    elif services.can_consolidate(user, item) and candidates.exists():
        context["consolidate_form"] = forms.ConsolidateForm(
            candidates=candidates, initial={"contributions": [c.pk for c in candidates if c.consolidated_into_id == item.pk]}
        )
    return context


@login_required
@require_POST
def recommendation_contributions(request, pk):
    item = visible_item(request.user, pk)
    if not services.can_consolidate(request.user, item):
        raise PermissionDenied
    form = forms.ConsolidateForm(request.POST, candidates=services.consolidation_candidates(request.user, item))
    if form.is_valid():
        try:
            services.consolidate(recommendation=item, contributions=form.cleaned_data["contributions"], user=request.user)
        except WorkflowError as error:
            if error.status_code != 400:
                raise PermissionDenied(error.message) from None
            form.add_service_error(error)
        else:
            messages.success(request, _("The contributions it consolidates were saved."))
            return redirect(reverse("workspace:recommendation", args=[item.pk]) + "#contributions")
    return render(request, "recommendation.html", recommendation_context(request, item, consolidate_form=form), status=400)
