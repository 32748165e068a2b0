"""Views of the workspace (``/espacio/``). Each reads through ``workflows.selectors`` and writes
through ``workflows.services``, like the API and the admin; a refusal of the services becomes a
field error (400, nothing saved) or a message on the item's page (403/409)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from cms.models import PracticePage, RecommendationPage
from cms.selectors import with_tables
from cms.taxonomies import REVIEW_STATUSES
from workflows import drafting, errors, versions
from workflows import notifications as notification_services
from workflows import recommendations as recommendation_services
from workflows.followups import reports_visible_to
from workflows.models import Amendment, DraftComment
from workflows.selectors import (
    authored_by,
    awaiting_review,
    follows,
    latest_decision,
    recommendations_visible_to,
    table_activity,
)

from . import forms

User = get_user_model()
NEEDS_ATTENTION = {"changes_requested": 0, "draft": 1, "withdrawn": 2, "in_review": 3, "published": 4}


def render(request, template: str, context: dict, status: int = 200) -> TemplateResponse:
    return TemplateResponse(request, f"workspace/{template}", context, status=status)


def visible_item(user, pk) -> RecommendationPage:
    """The recommendation ``pk`` if ``user`` may see it (404 otherwise, whether it exists or not)."""
    return get_object_or_404(recommendations_visible_to(user), pk=pk)


def item_url(item) -> str:
    return reverse("workspace:recommendation", args=[item.pk])


# --- Home --------------------------------------------------------------------------------------


@login_required
def home(request):
    user = request.user
    mine, sent_back = [], []
    for item in with_tables(authored_by(user).exclude(status="published").order_by("-latest_revision_created_at")):
        if item.status == "changes_requested":
            sent_back.append({"item": item, "sent_back": latest_decision(item)})
        else:
            mine.append({"item": item})
    mine.sort(key=lambda row: NEEDS_ATTENTION.get(row["item"].status, 9))
    practices = PracticePage.objects.originals().filter(owner=user).order_by("-latest_revision_created_at")[:10]
    reports = reports_visible_to(user).filter(reporter=user).select_related("recommendation").order_by("-created_at")[:10]
    return render(
        request,
        "home.html",
        {
            "waiting": awaiting_review(user),
            "sent_back": sent_back,
            "mine": mine,
            "activity": table_activity(user),
            "practices": [{"item": p, "state": practice_state(p)} for p in practices],
            "reports": reports,
            "invitations": drafting.invitations_for(user),
        },
    )


def practice_state(practice) -> str:
    if practice.live:
        return _("Published")
    if recommendation_services.current_task(practice)[0] is not None:
        return _("In review")
    return _("Sent back") if latest_decision(practice) else _("Draft")


# --- Recommendations ---------------------------------------------------------------------------


@login_required
def recommendations(request):
    """The recommendations the user works on: their tables', their own, those waiting for them."""
    wanted = request.GET.get("estado", "")
    items = recommendations_visible_to(request.user, include_published=False)
    if wanted in REVIEW_STATUSES:
        items = items.filter(status=wanted)
    items = with_tables(items.order_by("-latest_revision_created_at"))
    statuses = [{"code": code, "label": REVIEW_STATUSES.label(code), "current": code == wanted} for code in REVIEW_STATUSES.codes]
    return render(request, "recommendations.html", {"items": items, "statuses": statuses, "wanted": wanted})


@login_required
def recommendation_new(request):
    form = forms.RecommendationForm(request.POST or None, user=request.user)
    if not form.fields["table"].choices:
        raise Http404  # only the tables' delegates and secretariat draft
    if request.method == "POST" and form.is_valid():
        try:
            item = recommendation_services.recommendation_create(user=request.user, **form.service_data())
        except errors.WorkflowError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("Draft saved."))
            return redirect(item_url(item))
    return render(request, "recommendation_form.html", {"form": form}, status=400 if form.errors else 200)


@login_required
def recommendation(request, pk):
    item = visible_item(request.user, pk)
    return render(request, "recommendation.html", recommendation_context(request, item))


def recommendation_context(request, item, **forms_) -> dict:
    from .contributions import consolidation_context

    user = request.user
    actions = recommendation_services.allowed_actions(user, item)
    participant = follows(user, item)
    shown = item.get_latest_revision_as_object() if participant else item
    task_state, task = recommendation_services.current_task(item)
    quorum = getattr(task, "quorum", None) if task is not None else None
    return {
        **consolidation_context(request, item, form=forms_.get("consolidate_form")),
        "item": item,
        "shown": shown,
        "actions": actions,
        "participant": participant,
        "history": recommendation_services.history_of(item) if participant else [],
        "approvals": recommendation_services.approvals_at_current_stage(item) if participant else [],
        "quorum": quorum,
        "sent_back": latest_decision(item) if item.status == "changes_requested" else None,
        "approve_form": forms_.get("approve_form") or forms.CommentForm(prefix="approve"),
        "changes_form": forms_.get("changes_form") or forms.RequestChangesForm(prefix="changes"),
        "withdraw_form": forms_.get("withdraw_form") or forms.WithdrawForm(prefix="withdraw"),
        "has_versions": participant and len(versions.versions_of(item)) > 1,
        **(drafting_context(request, item) if participant else {}),
    }


@login_required
def recommendation_edit(request, pk):
    item = visible_item(request.user, pk)
    if "edit" not in recommendation_services.allowed_actions(request.user, item):
        messages.error(request, _("You may not edit this recommendation."))
        return redirect(item_url(item))
    latest = item.get_latest_revision_as_object()
    form = forms.RecommendationForm(request.POST or None, user=request.user, item=latest)
    if request.method == "POST" and form.is_valid():
        try:
            recommendation_services.recommendation_update(item=item, user=request.user, **form.service_data())
        except errors.WorkflowError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("Changes saved."))
            return redirect(item_url(item))
    return render(request, "recommendation_form.html", {"form": form, "item": item}, status=400 if form.errors else 200)


@login_required
def recommendation_preview(request, pk):
    item = visible_item(request.user, pk)
    shown = item.get_latest_revision_as_object() if follows(request.user, item) else item
    return render(request, "recommendation_preview.html", {"item": item, "shown": shown})


@login_required
def recommendation_changes(request, pk):
    """What changed between two versions, word by word (by default: since the version the
    previous stage approved)."""
    item = visible_item(request.user, pk)
    if not follows(request.user, item):
        raise Http404  # the versions are the history of those who work on it
    all_versions = versions.versions_of(item)
    start, end = versions.default_comparison(item)
    form = forms.CompareForm(request.GET or {"desde": start, "hasta": end}, versions=all_versions)
    diff = None
    if form.is_valid():
        diff = versions.diff(item, form.cleaned_data["desde"], form.cleaned_data["hasta"])
    labels = {"title": _("Title"), "text": _("Recommendation"), "rationale": _("Rationale")}
    fields = [
        {"name": name, "label": labels[name], "segments": segments, "changed": versions.changed(segments)}
        for name, segments in (diff or {}).items()
    ]
    return render(
        request,
        "recommendation_changes.html",
        {"item": item, "form": form, "fields": fields, "versions": all_versions},
        status=200 if diff is not None else 400,
    )


ACTIONS = {"enviar": "submit", "aprobar": "approve", "solicitar-cambios": "request_changes", "retirar": "withdraw"}


@login_required
def recommendation_withdraw(request, pk):
    if request.method == "POST":
        return recommendation_act(request, pk, "retirar")
    item = visible_item(request.user, pk)
    return render(request, "recommendation_withdraw.html", {"item": item, "form": forms.WithdrawForm(prefix="withdraw")})


@login_required
@require_POST
def recommendation_act(request, pk, action):
    """Submit, approve (with an optional comment), request changes (comment required) or
    withdraw (reason required)."""
    if action not in ACTIONS:
        raise Http404
    item = visible_item(request.user, pk)
    name = ACTIONS[action]
    form_class, prefix = {
        "submit": (None, ""),
        "approve": (forms.CommentForm, "approve"),
        "request_changes": (forms.RequestChangesForm, "changes"),
        "withdraw": (forms.WithdrawForm, "withdraw"),
    }[name]
    form = form_class(request.POST, prefix=prefix) if form_class else None
    if form is not None and not form.is_valid():
        return invalid(request, item, name, form)
    try:
        if name == "submit":
            recommendation_services.recommendation_submit(item=item, user=request.user)
            messages.success(request, _("Submitted for review."))
        elif name == "approve":
            item = recommendation_services.recommendation_approve(
                item=item, user=request.user, comment=form.cleaned_data["comment"]
            )
            messages.success(request, _("Your approval was recorded."))
        elif name == "request_changes":
            recommendation_services.recommendation_request_changes(
                item=item, user=request.user, comment=form.cleaned_data["comment"]
            )
            messages.success(request, _("Sent back to its authors with your comment."))
        else:
            recommendation_services.recommendation_withdraw(item=item, user=request.user, reason=form.cleaned_data["reason"])
            messages.success(request, _("Withdrawn."))
    except errors.WorkflowError as error:
        if form is not None and error.status_code == 400:
            form.add_service_error(error)
            return invalid(request, item, name, form)
        messages.error(request, error.message)
    if not recommendations_visible_to(request.user).filter(pk=item.pk).exists():
        return redirect("workspace:home")  # e.g. a reviewer who no longer sees it
    return redirect(item_url(item))


def invalid(request, item, name, form):
    """The item's page again, with the form's errors where they were made (400)."""
    if name == "withdraw":
        return render(request, "recommendation_withdraw.html", {"item": item, "form": form}, status=400)
    key = {"approve": "approve_form", "request_changes": "changes_form"}[name]
    return render(request, "recommendation.html", recommendation_context(request, item, **{key: form}), status=400)


# --- Drafting together (workflows.drafting) ------------------------------------------------------


def drafting_context(request, item) -> dict:
    user = request.user
    amendments = []
    for amendment in drafting.amendments_visible_to(user, item):
        changes = drafting.amendment_diff(amendment)
        amendments.append(
            {
                "amendment": amendment,
                "state": amendment.public_state,
                "fields": [
                    {"name": name, "label": FIELD_LABELS[name](), "segments": segments} for name, segments in changes.items()
                ],
            }
        )
    latest = item.get_latest_revision_as_object()
    return {
        "amendments": amendments,
        "may_amend": drafting.may_amend(user, item),
        "is_author": drafting.is_author(user, item),
        "comments": drafting.comments_visible_to(user, item),
        "may_moderate": drafting.may_moderate_comments(user, item),
        "co_authors": list(latest.co_authors.all()),
        "invitations": drafting.invitations_visible_to(user, item),
        "comment_form": forms.DraftCommentForm(prefix="comment"),
        "reason_form": forms.ReasonForm(prefix="reason"),
    }


FIELD_LABELS = {"title": lambda: _("Title"), "text": lambda: _("Recommendation"), "rationale": lambda: _("Rationale")}


@login_required
def amendment_new(request, pk):
    item = visible_item(request.user, pk)
    if not drafting.may_amend(request.user, item):
        messages.error(request, _("You may not propose an amendment to this recommendation."))
        return redirect(item_url(item))
    start = item.get_latest_revision_as_object()
    initial = {"title": start.title, "text": start.text, "rationale": start.rationale}
    again = drafting.amendments_visible_to(request.user, item).filter(pk=request.GET.get("de") or 0).first()
    if again is not None:  # re-proposing an outdated amendment: its wording, on the current text
        initial.update({name: value for name, value in again.wording().items() if value is not None})
        initial["justification"] = again.justification
    form = forms.AmendmentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            drafting.amendment_propose(item=item, user=request.user, **form.cleaned_data)
        except errors.WorkflowError as error:
            if error.status_code != 400:
                messages.error(request, error.message)
                return redirect(item_url(item))
            form.add_service_error(error)
        else:
            messages.success(request, _("Amendment proposed: the authors decide on it."))
            return redirect(item_url(item) + "#amendments")
    return render(request, "amendment_form.html", {"item": item, "form": form}, status=400 if form.errors else 200)


@login_required
@require_POST
def amendment_decide(request, pk, action):
    decide = {"aceptar": drafting.amendment_accept, "rechazar": drafting.amendment_reject}.get(action)
    amendment = get_object_or_404(Amendment.objects.select_related("recommendation"), pk=pk)
    item = visible_item(request.user, amendment.recommendation_id)
    if decide is None or not drafting.amendments_visible_to(request.user, item).filter(pk=pk).exists():
        raise Http404
    form = forms.ReasonForm(request.POST, prefix="reason")
    form.is_valid()
    try:
        decide(amendment=amendment, user=request.user, reason=form.cleaned_data.get("reason", ""))
    except errors.WorkflowError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("Amendment accepted: it is the current version.") if action == "aceptar" else _("Amendment rejected.")
        )
    return redirect(item_url(item) + "#amendments")


@login_required
def co_authors(request, pk):
    """Who writes the item: its co-authors, the pending invitations, and (for its authors) a
    search to invite people of the Mechanism."""
    item = visible_item(request.user, pk)
    if not follows(request.user, item):
        raise Http404
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "invitar":
                drafting.invite(item=item, user=request.user, username=request.POST.get("username", ""))
                messages.success(request, _("Invitation sent."))
            elif action == "quitar":
                person = get_object_or_404(User, username=request.POST.get("username", ""))
                drafting.remove_co_author(item=item, user=request.user, co_author=person)
                messages.success(request, _("Co-author removed."))
            else:
                raise Http404
        except errors.WorkflowError as error:
            messages.error(request, error.message)
        return redirect(reverse("workspace:co_authors", args=[item.pk]))
    wanted = request.GET.get("buscar", "")
    found = drafting.find_people(wanted) if drafting.is_author(request.user, item) else []
    context = drafting_context(request, item)
    return render(request, "co_authors.html", {**context, "item": item, "wanted": wanted, "found": found})


@login_required
@require_POST
def invitation_answer(request, pk, action):
    invitation = get_object_or_404(drafting.invitations_for(request.user), pk=pk)
    try:
        if action == "aceptar":
            drafting.accept_invitation(invitation=invitation, user=request.user)
            messages.success(request, _("You are now a co-author."))
            return redirect(item_url(invitation.recommendation))
        if action != "rechazar":
            raise Http404
        drafting.decline_invitation(invitation=invitation, user=request.user)
        messages.success(request, _("Invitation declined."))
    except errors.WorkflowError as error:
        messages.error(request, error.message)
    return redirect("workspace:home")


@login_required
@require_POST
def comment_post(request, pk):
    item = visible_item(request.user, pk)
    form = forms.DraftCommentForm(request.POST, prefix="comment")
    if form.is_valid():
        try:
            comment = drafting.comment_post(
                item=item, user=request.user, body=form.cleaned_data["body"], parent=form.cleaned_data.get("parent")
            )
        except errors.WorkflowError as error:
            if error.status_code != 400:
                raise Http404 from error
            form.add_service_error(error)
        else:
            messages.success(request, _("Comment added."))
            return redirect(item_url(item) + f"#comment-{comment.pk}")
    context = recommendation_context(request, item)
    context.update({"comment_form": form})
    return render(request, "recommendation.html", context, status=400)


@login_required
@require_POST
def comment_hide(request, pk):
    comment = get_object_or_404(DraftComment.objects.select_related("recommendation"), pk=pk)
    item = visible_item(request.user, comment.recommendation_id)
    try:
        drafting.comment_hide(comment=comment, user=request.user)
    except errors.WorkflowError as error:
        if error.status_code == 403 and not follows(request.user, item):
            raise Http404 from error
        messages.error(request, error.message)
    else:
        messages.success(request, _("Comment hidden."))
    return redirect(item_url(item) + f"#comment-{comment.pk}")


# --- Notifications (workflows.notifications) ---------------------------------------------------


@login_required
def notification_list(request):
    """Everything that happened for me, newest first: unread ones marked, "mark all read"."""
    if request.method == "POST":
        read = notification_services.mark_read(
            user=request.user, ids=request.POST.getlist("id"), everything="all" in request.POST
        )
        messages.success(request, _("Marked as read.") if read else _("Nothing to mark."))
        return redirect("workspace:notifications")
    unread_only = request.GET.get("no-leidas") == "1"
    items = notification_services.for_user(request.user, unread=unread_only)[:100]
    rows = notification_services.describe(items, request.user)
    return render(request, "notifications.html", {"rows": rows, "unread_only": unread_only, "nav": "notifications"})


@login_required
def notification_settings(request):
    form = forms.NotificationSettingsForm(request.POST or None, initial=notification_services.choices_of(request.user))
    if request.method == "POST" and form.is_valid():
        notification_services.update_settings(user=request.user, **form.cleaned_data)
        messages.success(request, _("Your choices are saved."))
        return redirect("workspace:notification_settings")
    return render(
        request, "notification_settings.html", {"form": form, "nav": "notifications"}, status=400 if form.errors else 200
    )


@csrf_exempt  # mail clients POST here without a session (RFC 8058); the signed token is the proof
def unsubscribe(request, token):
    """One-click unsubscribe from a category, from a link in an e-mail (signed, no login). A GET
    asks (link checkers must not unsubscribe anyone); a POST, like RFC 8058's, does it."""
    found = notification_services.read_unsubscribe_token(token)
    if found is None:
        raise Http404
    user, category = found
    if request.method == "POST":
        notification_services.update_settings(user=user, **{category: "off"})
        return render(request, "unsubscribed.html", {"category": category, "person": user})
    return render(request, "unsubscribe.html", {"category": category, "person": user})
