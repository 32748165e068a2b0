"""The workflow in Wagtail's admin: history messages, and edits made in the admin obey the same
send-back rule as edits made through the API."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from django.http import Http404
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, EditView, IndexView, SnippetViewSet

from cms.models import Contribution, RecommendationPage
from cms.taxonomies import REVIEW_ACTIONS, REVIEW_STAGES

from . import services
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
