"""Enlace's content model (SPEC §2): pages for what has a public place in the site tree,
snippets for organisations and for contributions (members-only working material).

Why recommendations are pages and contributions are snippets: see docs/architecture.md.
"""

from .contributions import (
    Contribution,
    ContributionComment,
    ContributionGroupObjectPermission,
    ContributionUserObjectPermission,
    TableCollection,
)
from .followups import EVIDENCE_REQUIRED, FollowUpEvidence, FollowUpReport, ProgressPage, RecommendationFollower
from .organisations import (
    Organisation,
    OrganisationGroupObjectPermission,
    OrganisationMembership,
    OrganisationUserObjectPermission,
)
from .pages import (
    EventIndexPage,
    EventPage,
    EventTheme,
    HomePage,
    OrganisationIndexPage,
    PracticeIndexPage,
    PracticePage,
    PracticeSource,
    RecommendationIndexPage,
    RecommendationPage,
    RecommendationUserObjectPermission,
    TableIndexPage,
    TableSpacePage,
)

__all__ = [
    "Contribution",
    "ContributionComment",
    "ContributionGroupObjectPermission",
    "ContributionUserObjectPermission",
    "EventIndexPage",
    "EventPage",
    "EventTheme",
    "EVIDENCE_REQUIRED",
    "FollowUpEvidence",
    "FollowUpReport",
    "HomePage",
    "Organisation",
    "OrganisationGroupObjectPermission",
    "OrganisationIndexPage",
    "OrganisationMembership",
    "OrganisationUserObjectPermission",
    "PracticeIndexPage",
    "PracticePage",
    "PracticeSource",
    "ProgressPage",
    "RecommendationIndexPage",
    "RecommendationPage",
    "RecommendationFollower",
    "RecommendationUserObjectPermission",
    "TableCollection",
    "TableIndexPage",
    "TableSpacePage",
]
