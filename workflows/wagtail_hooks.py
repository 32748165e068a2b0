"""The workflow in Wagtail's admin: history messages, and edits made in the admin obey the same
send-back rule as edits made through the API."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, EditView, IndexView, InspectView, SnippetViewSet

from cms.models import Contribution, FollowUpReport, RecommendationPage
from cms.taxonomies import REVIEW_ACTIONS, REVIEW_STAGES

from . import followups, services
from .contributions import contributions_visible_to, grant_access


@hooks.register("register_log_actions")
def register_review_log(actions):
    @actions.register_action(services.LOG_ACTION)
    class ReviewLog(LogFormatter):
        label = _("Review")

        def format_message(self, log_entry):
            data = log_entry.data
            action = REVIEW_ACTIONS.label(data.get("action", ""))
            stage = data.get("stage")
            message = f"{action} · {REVIEW_STAGES.label(stage)}" if stage in REVIEW_STAGES else action
            if data.get("quorum"):
                message += f" ({data.get('votes')}/{data.get('quorum')})"
            return message

        def format_comment(self, log_entry):
            return log_entry.data.get("comment", "")


@hooks.register("register_log_actions")
def register_follow_up_log(actions):
    @actions.register_action(followups.LOG_ACTION)
    class FollowUpLog(LogFormatter):
        label = _("Follow-up review")

        def format_message(self, log_entry):
            labels = {
                "submit": _("Submitted"), "resubmit": _("Resubmitted"), "publish": _("Published"),
                "send_back": _("Sent back"),
            }  # fmt: skip
            return str(labels.get(log_entry.data.get("action"), log_entry.data.get("action", "")))

        def format_comment(self, log_entry):
            return log_entry.data.get("comment", "")


@hooks.register("after_edit_page")
def send_back_after_admin_edit(request, page):
    if isinstance(page.specific, RecommendationPage):
        services.sync_author_permissions(page.specific)
        services.on_edited(item=page.specific, user=request.user)


@hooks.register("after_create_page")
def record_admin_creation(request, page):
    if isinstance(page.specific, RecommendationPage):
        services.sync_author_permissions(page.specific)
        services._log(page.specific, "create", request.user)


# --- Contributions in the admin: each user sees the contributions of their tables only -------


class ContributionIndexView(IndexView):
    def get_base_queryset(self):
        return contributions_visible_to(self.request.user)


class ContributionCreateView(CreateView):
    def save_instance(self):
        self.form.instance.author = self.request.user  # the author is whoever writes it
        instance = super().save_instance()
        grant_access(instance)
        return instance


class ContributionEditView(EditView):
    def get_object(self, queryset=None):
        contribution = super().get_object(queryset)
        if not contributions_visible_to(self.request.user).filter(pk=contribution.pk).exists():
            raise Http404
        self._previous_table = contribution.table
        return contribution

    def save_instance(self):
        instance = super().save_instance()
        grant_access(instance, previous_table=self._previous_table)
        return instance


class ContributionViewSet(SnippetViewSet):
    model = Contribution
    icon = "doc-full"
    menu_label = _("Contributions")
    list_display = ["title", "table", "author", "live"]
    list_filter = ["table"]
    index_view_class = ContributionIndexView
    add_view_class = ContributionCreateView
    edit_view_class = ContributionEditView


register_snippet(ContributionViewSet)


# --- Follow-up reports in the admin: curators and the network review them here ---------------


class FollowUpInspectView(InspectView):
    """The report with its evidence, and the review form (publish / send back) that calls the
    same service as the API."""

    template_name = "workflows/admin/follow_up_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["review_actions"] = followups.allowed_actions(self.request.user, self.object)
        context.setdefault("comment", "")
        return context

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        action, comment = request.POST.get("action"), request.POST.get("comment", "")
        try:
            if action == "publish":
                followups.publish(report=self.object, user=request.user, comment=comment)
                messages.success(request, _("Published."))
            elif action == "send_back":
                followups.send_back(report=self.object, user=request.user, comment=comment)
                messages.success(request, _("Sent back to the reporter."))
            else:
                raise services.InvalidTransition("unknown action")
        except services.WorkflowError as error:
            context = self.get_context_data(review_error=error.message, comment=comment)
            return self.render_to_response(context, status=400 if error.status_code == 400 else error.status_code)
        return redirect(self.get_success_url())

    def get_success_url(self):
        return reverse(self.index_url_name)


class FollowUpIndexView(IndexView):
    def get_base_queryset(self):
        return followups.reports_visible_to(self.request.user).select_related("recommendation")


class FollowUpReportViewSet(SnippetViewSet):
    model = FollowUpReport
    icon = "tasks"
    menu_label = _("Follow-up reports")
    list_display = ["__str__", "review_status", "date", "created_at"]
    list_filter = ["review_status", "status", "country"]
    inspect_view_enabled = True
    inspect_view_class = FollowUpInspectView
    inspect_view_fields = ["recommendation", "country", "status", "date", "actor", "organisation", "description",
                           "review_status", "review_comment", "reporter", "reporter_email", "published_at"]  # fmt: skip
    index_view_class = FollowUpIndexView


register_snippet(FollowUpReportViewSet)


class FollowUpsToReviewPanel(Component):
    """The admin dashboard's list of follow-up reports waiting for this reviewer (never their
    own), oldest first."""

    name = "follow_ups_to_review"
    order = 150
    template_name = "workflows/admin/follow_ups_panel.html"

    def __init__(self, reports):
        self.reports = reports

    def get_context_data(self, parent_context=None):
        return {"reports": self.reports}


@hooks.register("construct_homepage_panels")
def add_follow_ups_to_review(request, panels):
    if not followups.is_reviewer(request.user):
        return
    reports = list(
        followups.reports_visible_to(request.user)
        .filter(review_status="submitted")
        .exclude(reporter=request.user)
        .select_related("recommendation")
        .order_by("created_at")[:20]
    )
    if reports:
        panels.append(FollowUpsToReviewPanel(reports))
