"""The members-only part of a working table's space: the table's drafts and recommendations in
review, and its contributions with their comment threads (SPEC §2, issue #3)."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from cms.models import RecommendationPage
from cms.taxonomies import REVIEW_STAGES, REVIEW_STATUSES
from workflows.contributions import comments_visible_to, contribution_comment, contributions_visible_to
from workflows.errors import WorkflowError
from workflows.roles import reads_table
from workflows.tables import can_manage_table


def table_members_area(request, space):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not reads_table(request.user, space.table):
        raise PermissionDenied
    contributions = contributions_visible_to(request.user).filter(table=space.table).select_related("author")
    if request.method == "POST":
        contribution = contributions.filter(pk=request.POST.get("contribution", "")).first()
        if contribution is None:
            raise Http404
        try:
            contribution_comment(contribution=contribution, user=request.user, text=request.POST.get("text", ""))
        except WorkflowError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Comment added."))
        return redirect(request.path + f"#contribution-{contribution.pk}")
    drafts = [
        {
            "item": item,
            "status": REVIEW_STATUSES.label(item.status),
            "stage": REVIEW_STAGES.label(item.stage) if item.stage else "",
        }
        for item in RecommendationPage.objects.child_of(space).exclude(status="published").order_by("-latest_revision_created_at")
    ]
    threads = [(c, comments_visible_to(request.user, c)) for c in contributions.order_by("-created_at")]
    return TemplateResponse(
        request,
        "cms/table_space_members.html",
        {
            "page": space,
            "self": space,
            "drafts": drafts,
            "threads": threads,
            "may_manage": can_manage_table(request.user, space.table),
        },
    )
