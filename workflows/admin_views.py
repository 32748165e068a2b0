"""The Wagtail admin keeps the tables' rules on every surface (issue #15).

Wagtail's generic snippet views check a model-wide permission and then work on whichever
instance the URL names; its choosers list every instance; its bulk-action confirmations list
the titles of whatever ids the query string holds. Here each of those asks the registered
permission policy (``workflows.policies``) about the instance itself:

* :class:`GuardedSnippetViewSet`: every view of one instance (edit, inspect, history, usage,
  revisions, copy, delete...) answers 404 unless the user may see that instance, and 403
  unless they may do what the view does to it; listings and choosers show only what the user
  may see.
* :func:`visible_pages`: the pages an admin user may see listed or chosen: public pages,
  pages under their own page permissions, and the recommendations the workflow lets them see
  (``workflows.selectors``), never another table's drafts, in any locale.
* :func:`bulk_action`: Wagtail's bulk-action view, routed in front of Wagtail's, with the
  objects the user may not see left out; :func:`page_chooser` (browsing under a page, choosing
  several) and :func:`administrators_only` likewise wrap the few admin views that have no hook
  (``workflows/admin_urls.py`` routes them).
"""

from __future__ import annotations

import functools

from django.apps import apps
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.urls import URLPattern
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views import chooser as page_chooser_views
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.models import Page
from wagtail.permissions import policy_registry
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from cms.models import RecommendationPage

from .policies import EnlacePolicy
from .selectors import recommendations_visible_to

# What a view of one instance does to it, by URL name; any other view of an instance reads it.
INSTANCE_ACTIONS = {
    "edit": "change",
    "preview_on_edit": "change",
    "revisions_revert": "change",
    "delete": "delete",
    "unpublish": "publish",
    "revisions_unschedule": "publish",
    "lock": "lock",
    "unlock": "unlock",
    "workflow_action": "change",
    "confirm_workflow_cancellation": "change",
}
READ = ("view", "change")


def check_instance(user, model, pk, action: str = "view"):
    """The instance ``pk`` of ``model`` if ``user`` may do ``action`` to it; 404 when they may
    not even see it (whether it exists or not), 403 when they see it but may not act."""
    policy = policy_registry.get_by_type(model)
    instance = model._default_manager.filter(pk=pk).first()
    if instance is None or not policy.user_has_any_permission_for_instance(user, READ, instance):
        raise Http404
    if action != "view" and not policy.user_has_permission_for_instance(user, action, instance):
        raise PermissionDenied
    return instance


def _guarded(pattern: URLPattern, model) -> URLPattern:
    action = INSTANCE_ACTIONS.get(pattern.name, "view")
    view = pattern.callback

    @functools.wraps(view)
    def guarded(request, *args, **kwargs):
        if "pk" in kwargs:
            check_instance(request.user, model, unquote(str(kwargs["pk"])), action)
        for pk in request.GET.getlist("id"):  # chosen-multiple
            check_instance(request.user, model, pk)
        return view(request, *args, **kwargs)

    return URLPattern(pattern.pattern, guarded, pattern.default_args, pattern.name)


def _visible(user, model):
    return policy_registry.get_by_type(model).instances_user_has_any_permission_for(user, READ)


class PolicyChooseView(ChooseView):
    def get_object_list(self):
        return _visible(self.request.user, self.model_class)


class PolicyChooseResultsView(ChooseResultsView):
    def get_object_list(self):
        return _visible(self.request.user, self.model_class)


class PolicyChooserViewSet(SnippetChooserViewSet):
    """A snippet chooser listing only what the user may see (and choosing nothing else)."""

    choose_view_class = PolicyChooseView
    choose_results_view_class = PolicyChooseResultsView

    def get_urlpatterns(self):
        return [_guarded(pattern, self.model) for pattern in super().get_urlpatterns()]


class PolicyIndexView(IndexView):
    def get_base_queryset(self):
        return _visible(self.request.user, self.model)


class GuardedSnippetViewSet(SnippetViewSet):
    """A snippet viewset whose every view asks the model's registered policy about the
    instance it shows or changes (see the module docstring)."""

    index_view_class = PolicyIndexView
    chooser_viewset_class = PolicyChooserViewSet
    # Search the listing with the database's ``icontains`` on these fields, so that it searches
    # exactly the rows the policy lets through.
    search_backend_name = None

    def get_urlpatterns(self):
        return [_guarded(pattern, self.model) for pattern in super().get_urlpatterns()]


# --- Pages -----------------------------------------------------------------------------------


def visible_pages(pages, user):
    """``pages`` (any locale) less what ``user`` may not see in the admin: another table's
    drafts and recommendations in review, published recommendations with a pending edit (the
    admin shows a page by its draft title), and unpublished pages outside their page rights."""
    if user.is_superuser:
        return pages
    involved = recommendations_visible_to(user, include_published=False).values("translation_key")
    working = RecommendationPage.objects.filter(Q(live=False) | Q(has_unpublished_changes=True))
    hidden = working.exclude(translation_key__in=involved).values("pk")
    explorable = policy_registry.get_by_type(Page).explorable_instances(user).values("pk")
    return pages.exclude(pk__in=hidden).filter(Q(live=True) | Q(pk__in=explorable) | Q(translation_key__in=involved))


def visible_ids(user, model, pks) -> set:
    """Which of ``pks`` (instances of ``model``) ``user`` may see in the admin."""
    pks = [pk for pk in pks if str(pk).isdigit()]
    if issubclass(model, Page):
        return set(visible_pages(Page.objects.filter(pk__in=pks), user).values_list("pk", flat=True))
    if isinstance(policy_registry.get_by_type(model), EnlacePolicy):
        return set(_visible(user, model).filter(pk__in=pks).values_list("pk", flat=True))
    return set(model._default_manager.filter(pk__in=pks).values_list("pk", flat=True))


class _OnlyVisibleObjects:
    """Mixed into a bulk action: objects the user may not see are left out of its
    confirmation page and of what it acts on."""

    def get_queryset(self, model, object_ids):
        objects = super().get_queryset(model, object_ids)
        allowed = visible_ids(self.request.user, model, [obj.pk for obj in objects])
        return [obj for obj in objects if obj.pk in allowed]

    def get_all_objects_in_listing_query(self, parent_id):
        ids = list(super().get_all_objects_in_listing_query(parent_id))
        ids = [getattr(item, "pk", item) for item in ids]
        allowed = visible_ids(self.request.user, self.model, ids)
        return [pk for pk in ids if pk in allowed]


@require_admin_access
def bulk_action(request, app_label, model_name, action):
    """Wagtail's bulk-action dispatcher (``wagtail.admin.views.bulk_action.index``), showing
    and acting on the objects the user may see only."""
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as error:
        raise Http404 from error
    action_class = bulk_action_registry.get_bulk_action_class(app_label, model_name, action)
    if action_class is None:
        raise Http404
    guarded = type(action_class.__name__, (_OnlyVisibleObjects, action_class), {})
    return guarded(request, model).dispatch(request)


def _visible_pages_only(view):
    """Wraps a page chooser view: the page it browses under and the pages it returns as chosen
    must be ones the user may see."""

    @functools.wraps(view)
    def guarded(request, *args, parent_page_id=None, **kwargs):
        wanted = [parent_page_id] if parent_page_id is not None else []
        wanted += request.GET.getlist("id")
        if wanted and len(visible_ids(request.user, Page, wanted)) < len(set(map(str, wanted))):
            raise Http404
        if parent_page_id is not None:
            kwargs["parent_page_id"] = parent_page_id
        return view(request, *args, **kwargs)

    return guarded


def _explorer(name):
    def view(request, *args, **kwargs):  # the registry is complete once the hooks have run
        from wagtail.admin.viewsets.pages import page_viewset_registry

        return page_viewset_registry.as_view(name, parent_page_id_kwarg="parent_page_id")(request, *args, **kwargs)

    return require_admin_access(_visible_pages_only(view))


# The explorer shows any page's title and children to whoever may explore one of its ancestors.
page_explorer = _explorer("index")
page_explorer_results = _explorer("index_results")
page_chooser_browse = require_admin_access(_visible_pages_only(page_chooser_views.BrowseView.as_view()))
page_chooser_chosen_multiple = require_admin_access(_visible_pages_only(page_chooser_views.ChosenMultipleView.as_view()))


def administrators_only(view):
    """For the admin's site-wide views that list every page whatever its state (no hook filters
    them): administrators only."""

    @functools.wraps(view)
    def guarded(request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return require_admin_access(guarded)


page_types_usage = administrators_only(PageTypesUsageReportView.as_view())
page_types_usage_results = administrators_only(PageTypesUsageReportView.as_view(results_only=True))
