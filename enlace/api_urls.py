"""``/api/v1/``: every API module routed in one place; the modules live with their domains."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from cms.api.suggestions import SuggestionView
from cms.api.views import EventViewSet, OrganisationViewSet, PracticeViewSet, TableViewSet, TaxonomyView
from enlace.accounts.api import TokenView
from workflows.api.drafting import AmendmentViewSet, DraftCommentViewSet, InvitationViewSet
from workflows.api.followups import FollowUpViewSet, ProgressView
from workflows.api.views import (
    ContributionViewSet,
    MeView,
    MyNotificationSettingsView,
    MyNotificationsReadView,
    MyNotificationsView,
    RecommendationViewSet,
    TaskViewSet,
)

router = DefaultRouter(trailing_slash=True)
router.register("practices", PracticeViewSet, basename="practice")
router.register("recommendations", RecommendationViewSet, basename="recommendation")
router.register("organisations", OrganisationViewSet, basename="organisation")
router.register("tables", TableViewSet, basename="table")
router.register("events", EventViewSet, basename="event")
router.register("tasks", TaskViewSet, basename="task")
router.register("contributions", ContributionViewSet, basename="contribution")
router.register("follow-ups", FollowUpViewSet, basename="follow-up")
router.register("amendments", AmendmentViewSet, basename="amendment")
router.register("invitations", InvitationViewSet, basename="invitation")
router.register("comments", DraftCommentViewSet, basename="draft-comment")

urlpatterns = [
    path("taxonomies/", TaxonomyView.as_view(), name="taxonomies"),
    path("progress/", ProgressView.as_view(), name="progress"),
    path("suggestions/", SuggestionView.as_view(), name="suggestions"),
    path("me/", MeView.as_view(), name="me"),
    path("me/notifications/", MyNotificationsView.as_view(), name="my-notifications"),
    path("me/notifications/read/", MyNotificationsReadView.as_view(), name="my-notifications-read"),
    path("me/notification-settings/", MyNotificationSettingsView.as_view(), name="my-notification-settings"),
    path("auth/token/", TokenView.as_view(), name="auth-token"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves Swagger UI's start-up script as a file: no inline script (CSP).
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="api-docs"),
    path("", include(router.urls)),
]
