"""The factories bring their objects to the state they name, through the services, with new
accounts (none of the demo world's)."""

import pytest
from wagtail.models import WorkflowState

from tests import factories
from workflows.roles import drafts_in_table

pytestmark = pytest.mark.django_db


def test_users_get_their_role():
    delegate = factories.user("delegate", table="2")
    assert drafts_in_table(delegate, "2") and not drafts_in_table(delegate, "1")
    member = factories.user("member")
    assert member.memberships.count() == 1 and not drafts_in_table(member, "1")
    assert factories.user("admin").is_superuser
    assert not factories.user().groups.exists()


@pytest.mark.parametrize(
    "state, status, live",
    [
        ("draft", "draft", False),
        ("table", "in_review", False),
        ("liaison", "in_review", False),
        ("network", "in_review", False),
        ("published", "published", True),
        ("changes_requested", "changes_requested", False),
        ("withdrawn", "withdrawn", False),
    ],
)
def test_recommendations_at_each_state(state, status, live):
    item = factories.recommendation(state, table="3")
    assert (item.status, item.live, item.table) == (status, live, "3")
    assert item.owner.username not in ("delegate1", "delegate2", "delegate3", "delegate4")  # not a demo account
    if state in ("table", "liaison", "network"):
        assert item.stage == state
        assert WorkflowState.objects.filter(
            base_content_type__isnull=False, object_id=str(item.pk), status="in_progress"
        ).exists()


@pytest.mark.parametrize("state, live", [("pending", False), ("published", True), ("sent_back", False)])
def test_practices_at_each_state(state, live):
    assert factories.practice(state).live is live


@pytest.mark.parametrize("state", ["pending", "published", "sent_back"])
def test_reports_at_each_state(state):
    report = factories.follow_up_report(state)
    assert report.review_status == {"pending": "submitted"}.get(state, state)
    assert report.recommendation.live


def test_contributions():
    contribution = factories.contribution(table="4")
    assert contribution.table == "4" and contribution.author.username.startswith("delegate4-")
