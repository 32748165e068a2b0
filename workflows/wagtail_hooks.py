"""The workflow in Wagtail's admin: history messages, and edits made in the admin obey the same
send-back rule as edits made through the API."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.components import Component
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, EditView, InspectView

from cms.models import Contribution, FollowUpReport, Organisation, RecommendationPage
from cms.taxonomies import REVIEW_ACTIONS, REVIEW_STAGES

from . import contributions, documents, errors, followups, recommendations, tables
from .admin_views import GuardedSnippetViewSet, visible_pages
from .roles import tables_drafted_by


@hooks.register("register_log_actions")
def register_review_log(actions):
    @actions.register_action(recommendations.LOG_ACTION)
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
                "submit": _("Submitted"),
                "resubmit": _("Resubmitted"),
                "publish": _("Published"),
                "send_back": _("Sent back"),
            }
            return str(labels.get(log_entry.data.get("action"), log_entry.data.get("action", "")))

        def format_comment(self, log_entry):
            return log_entry.data.get("comment", "")


@hooks.register("register_log_actions")
def register_working_table_logs(actions):
    @actions.register_action(contributions.CONSOLIDATE_LOG_ACTION)
    class ConsolidationLog(LogFormatter):
        label = _("Contributions consolidated")

        def format_message(self, log_entry):
            data = log_entry.data
            return _("Contributions it consolidates: %(count)s (%(added)s added, %(removed)s released)") % {
                "count": len(data.get("contributions", [])),
                "added": len(data.get("added", [])),
                "removed": len(data.get("removed", [])),
            }

    @actions.register_action(tables.LOG_ACTION)
    class TableMembershipLog(LogFormatter):
        label = _("Working table membership")

        def format_message(self, log_entry):
            labels = {
                "organisation_added": _("Organisation added to table %(table)s"),
                "organisation_removed": _("Organisation removed from table %(table)s"),
                "delegate_added": _("Made delegate of table %(table)s"),
                "delegate_removed": _("No longer delegate of table %(table)s"),
            }
            data = log_entry.data
            label = labels.get(data.get("change"))
            return label % {"table": data.get("table", "")} if label else data.get("change", "")


# --- The workflow is driven by its services: no silent edits, no cancelling it by hand ------

WORKFLOW_BYPASSES = ("action-cancel-workflow", "action-restart-workflow")


@hooks.register("construct_page_action_menu")
def no_cancelling_of_reviews(menu_items, request, context):
    """Wagtail lets an item's requester, owner or current approver cancel or restart its
    workflow in one click, leaving it in nobody's queue with no record or e-mail. In Enlace the
    authors withdraw (with a reason) and reviewers decide, through the services."""
    if not request.user.is_superuser:
        menu_items[:] = [item for item in menu_items if item.name not in WORKFLOW_BYPASSES]


@hooks.register("before_edit_page")
def edits_obey_the_services(request, page):
    """A POST to the editor saves only what the services would let the user save."""
    if request.method != "POST" or request.user.is_superuser:
        return None
    refused = any(action in request.POST for action in WORKFLOW_BYPASSES)
    if isinstance(page.specific, RecommendationPage) and not recommendations.can_edit(request.user, page.specific):
        refused = True
    if refused:
        messages.error(
            request, _("The workflow is decided by its reviewers and withdrawn by its authors; this change was not saved.")
        )
        return (
            redirect("wagtailadmin_pages:edit", page.pk)
            if recommendations.can_edit(request.user, page.specific)
            else redirect("wagtailadmin_home")
        )
    return None


@hooks.register("after_edit_page")
def send_back_after_admin_edit(request, page):
    if isinstance(page.specific, RecommendationPage):
        recommendations.sync_author_permissions(page.specific)
        recommendations.on_edited(item=page.specific, user=request.user)


@hooks.register("after_create_page")
def record_admin_creation(request, page):
    if isinstance(page.specific, RecommendationPage):
        recommendations.sync_author_permissions(page.specific)
        recommendations.record(page.specific, "create", request.user)


# --- Snippets: every view asks the registered permission policy (workflows.policies) --------


class BlankAsDashInspectView(InspectView):
    """Empty fields read "—", not Python's "None"."""

    def get_field_display_value(self, field_name, field):
        if getattr(self.object, field_name, None) in (None, "", []):
            return "—"
        return super().get_field_display_value(field_name, field)


class ContributionAdminForm(WagtailAdminModelForm):
    """Offers only the tables the user drafts in (the current one too, when editing)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "table" in self.fields:
            allowed = tables_drafted_by(self.for_user) | ({self.instance.table} if self.instance.pk else set())
            self.fields["table"].choices = [(code, label) for code, label in self.fields["table"].choices if code in allowed]


class SavedByServiceMixin:
    """Create and edit views that save through ``workflows.contributions`` (the services decide;
    their refusals become form errors and nothing is saved)."""

    def service_data(self) -> dict:
        return {name: value for name, value in self.form.cleaned_data.items() if name in contributions.FIELDS}

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except errors.WorkflowError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
            return self.form_invalid(form)


class ContributionCreateView(SavedByServiceMixin, CreateView):
    def save_instance(self):
        instance = contributions.contribution_create(user=self.request.user, **self.service_data())
        self.new_revision = instance.latest_revision
        return instance


class ContributionEditView(SavedByServiceMixin, EditView):
    def save_instance(self):
        instance = contributions.contribution_update(contribution=self.object, user=self.request.user, **self.service_data())
        self.new_revision = instance.latest_revision
        return instance


class ContributionViewSet(GuardedSnippetViewSet):
    model = Contribution
    icon = "doc-full"
    menu_label = _("Contributions")
    list_display = ["title", "table", "author", "updated_at"]
    list_filter = ["table"]
    search_fields = ["title", "text"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "title",
        "table",
        "author",
        "text",
        "objectives",
        "countries",
        "attachment",
        "created_at",
        "updated_at",
    ]
    inspect_view_class = BlankAsDashInspectView
    add_view_class = ContributionCreateView
    edit_view_class = ContributionEditView
    edit_handler = ObjectList(Contribution.panels, base_form_class=ContributionAdminForm)


register_snippet(ContributionViewSet)


class OrganisationViewSet(GuardedSnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "acronym", "country_label", "kind_label"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "acronym"]


register_snippet(OrganisationViewSet)


class FollowUpInspectView(BlankAsDashInspectView):
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
                raise errors.InvalidTransition("unknown action")
        except errors.WorkflowError as error:
            context = self.get_context_data(review_error=error.message, comment=comment)
            return self.render_to_response(context, status=400 if error.status_code == 400 else error.status_code)
        return redirect(self.get_success_url())

    def get_success_url(self):
        return reverse(self.index_url_name)


class FollowUpReportViewSet(GuardedSnippetViewSet):
    model = FollowUpReport
    icon = "tasks"
    menu_label = _("Follow-up reports")
    list_display = ["__str__", "review_status", "date", "created_at"]
    list_filter = ["review_status", "status", "country"]
    search_fields = ["actor", "description"]
    inspect_view_enabled = True
    inspect_view_class = FollowUpInspectView
    inspect_view_fields = [
        "recommendation",
        "country",
        "status",
        "date",
        "actor",
        "organisation",
        "description",
        "review_status",
        "review_comment",
        "reporter",
        "reporter_email",
        "published_at",
    ]


register_snippet(FollowUpReportViewSet)


# --- Pages, documents and bulk actions: nobody lists, chooses or downloads what they may not see


@hooks.register("before_serve_document", order=-1)  # before Wagtail's own restriction check (a login redirect)
def attachments_stay_in_their_table(document, request):
    """A contribution's attachment, and any document in a table's private collection (attached
    yet or not), is its table's working material: only the table's readers download it (404 for
    everyone else, as for anything they may not see)."""
    if not documents.may_download(request.user, document):
        raise Http404


@hooks.register("construct_page_chooser_queryset")
def choose_only_visible_pages(pages, request):
    return visible_pages(pages, request.user)


@hooks.register("construct_explorer_page_queryset")
def explore_only_visible_pages(parent_page, pages, request):
    return visible_pages(pages, request.user)


@hooks.register("construct_reports_menu")
def site_wide_reports_for_administrators(request, menu_items):
    if not request.user.is_superuser:  # it lists the latest page of each type, whatever its state
        menu_items[:] = [item for item in menu_items if item.name != "page-types-usage"]


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
