"""The rules of follow-up reports (workflows.followups) and the current status they decide
(cms.progress). The people, the recommendation and the practices are made here
(``tests/factories.py``, the ``people`` fixture), never the demo world's."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import transaction

from cms.models import FollowUpReport
from cms.progress import board, board_query, current_reports, follow_up_of, recommendations_evidenced_by, timelines
from cms.taxonomies import FOLLOW_UP_STATUSES
from tests import factories
from workflows import followups
from workflows.digests import send_due
from workflows.errors import CommentRequired, InvalidTransition, NotAllowed
from workflows.notifications import update_settings

pytestmark = pytest.mark.django_db

DATE = datetime.date(2024, 3, 1)


def data(**overrides):
    base = {
        "country": "GT",
        "status": "planned",
        "actor": "Instituto Guatemalteco de Migración",
        "date": DATE,
        "description": "Mesa técnica anunciada.",
    }
    base.update(overrides)
    return base


@pytest.fixture
def recommendation(people):
    """A published recommendation of table 1 by ``people["delegate1"]``."""
    return factories.recommendation("published", table="1", author=people["delegate1"])


def submitted(recommendation, user, **overrides):
    return followups.submit(recommendation=recommendation, user=user, data=data(**overrides))


def published(recommendation, reporter, reviewer, **overrides):
    report = submitted(recommendation, reporter, **overrides)
    return followups.publish(report=report, user=reviewer)


# --- Validation -----------------------------------------------------------------------------


@pytest.mark.parametrize("status", ["implemented", "partially_implemented"])
def test_a_report_without_evidence_cannot_claim_implemented(recommendation, people, status):
    count = FollowUpReport.objects.count()
    with pytest.raises(ValidationError) as error:
        submitted(recommendation, people["member"], status=status)
    assert "evidence_urls" in error.value.message_dict
    assert FollowUpReport.objects.count() == count  # nothing saved
    report = submitted(recommendation, people["member"], status=status, evidence_urls=["https://example.org/ley"])
    assert report.evidence.get().url == "https://example.org/ley"


def test_every_bad_field_is_reported_at_once_and_nothing_is_written(recommendation, people):
    count = FollowUpReport.objects.count()
    with pytest.raises(ValidationError) as error:
        followups.submit(
            recommendation=recommendation,
            user=people["member"],
            data={
                "country": "XX",
                "status": "done",
                "actor": " ",
                "date": datetime.date(2999, 1, 1),
                "description": "",
                "evidence_urls": ["javascript:alert(1)"],
                "practices": [999999],
            },
        )
    assert set(error.value.message_dict) == {"country", "status", "actor", "date", "description", "evidence_urls", "practices"}
    assert FollowUpReport.objects.count() == count


def test_unpublished_practices_cannot_be_linked(recommendation, people):
    from cms.models import PracticePage

    pending = factories.practice("pending")  # awaiting its curator
    assert not PracticePage.objects.originals().get(pk=pending.pk).live
    with pytest.raises(ValidationError) as error:
        submitted(recommendation, people["member"], practices=[pending.pk])
    assert "practices" in error.value.message_dict


def test_reports_only_on_published_recommendations(people):
    draft = factories.recommendation("table", table="1", author=people["delegate1"])
    with pytest.raises(InvalidTransition):
        submitted(draft, people["member"])


def test_the_public_must_leave_an_email(recommendation):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(ValidationError) as error:
        followups.submit(recommendation=recommendation, user=AnonymousUser(), data=data())
    assert "reporter_email" in error.value.message_dict
    report = followups.submit(recommendation=recommendation, user=AnonymousUser(), reporter_email="a@b.example", data=data())
    assert report.reporter is None and report.reporter_email == "a@b.example" and report.review_status == "submitted"


# --- Review ---------------------------------------------------------------------------------


def test_review_path_send_back_needs_a_comment_then_resubmit_then_publish(recommendation, people):
    member, curator = people["member"], people["curator"]
    report = submitted(recommendation, member)
    with pytest.raises(CommentRequired):
        followups.send_back(report=report, user=curator, comment="  ")
    report.refresh_from_db()
    assert report.review_status == "submitted"
    report = followups.send_back(report=report, user=curator, comment="Falta la fuente.")
    assert report.review_status == "sent_back"
    with pytest.raises(InvalidTransition):
        followups.publish(report=report, user=curator)  # not waiting for review
    with pytest.raises(NotAllowed):
        followups.update(report=report, user=people["delegate1"], data={"description": "Otro texto"})
    report = followups.update(
        report=report, user=member, data={"description": "Con fuente.", "evidence_urls": ["https://example.org/a"]}
    )
    assert report.review_status == "submitted" and report.description == "Con fuente."
    with pytest.raises(InvalidTransition):
        followups.update(report=report, user=member, data={"description": "Otra vez"})  # only while sent back
    report = followups.publish(report=report, user=people["network"])
    assert report.review_status == "published" and report.published_at is not None
    from wagtail.models import ModelLogEntry

    actions = list(
        ModelLogEntry.objects.filter(object_id=str(report.pk), action=followups.LOG_ACTION)
        .order_by("timestamp", "pk")
        .values_list("data__action", flat=True)
    )
    assert actions == ["submit", "send_back", "resubmit", "publish"]


@pytest.mark.parametrize("reviewer", ["member", "delegate1", "secretariat1", "liaison1"])
def test_only_curators_and_the_network_review(recommendation, people, reviewer):
    report = submitted(recommendation, people["delegate2"])
    with pytest.raises(NotAllowed):
        followups.publish(report=report, user=people[reviewer])
    with pytest.raises(NotAllowed):
        followups.send_back(report=report, user=people[reviewer], comment="No.")
    report.refresh_from_db()
    assert report.review_status == "submitted"


def test_nobody_reviews_their_own_report(recommendation, people):
    curator = people["curator"]
    report = submitted(recommendation, curator)
    with pytest.raises(NotAllowed):
        followups.publish(report=report, user=curator)
    assert followups.allowed_actions(curator, report) == []
    assert followups.allowed_actions(people["network"], report) == ["publish", "send_back"]


def test_visibility_of_unreviewed_reports(recommendation, people):
    from django.contrib.auth.models import AnonymousUser

    member = people["member"]
    report = submitted(recommendation, member)
    assert report in followups.reports_visible_to(member)
    assert report in followups.reports_visible_to(people["curator"])
    for other in (AnonymousUser(), people["delegate2"], people["liaison1"]):
        assert report not in followups.reports_visible_to(other)
    followups.publish(report=report, user=people["curator"])
    assert report in followups.reports_visible_to(AnonymousUser())


# --- Current status ---------------------------------------------------------------------------


def test_current_status_is_the_latest_fact_whatever_the_order_of_arrival(recommendation, people):
    member, curator = people["member"], people["curator"]
    evidence = ["https://example.org/decreto"]
    newer = published(
        recommendation, member, curator, status="implemented", date=datetime.date(2024, 6, 1), evidence_urls=evidence
    )
    older = published(recommendation, member, curator, status="planned", date=datetime.date(2023, 1, 10))
    assert {row["country"]: row["status"] for row in follow_up_of(recommendation.pk)}["GT"] == "implemented"
    timeline = next(t for t in timelines(recommendation) if t.country == "GT")
    assert [r.pk for r in timeline.reports] == [older.pk, newer.pk] and timeline.current.pk == newer.pk
    # A later fact, reviewed later, takes over; an unreviewed one never does.
    submitted(recommendation, member, status="not_implemented", date=datetime.date(2025, 1, 1))
    assert current_reports([recommendation.pk])[(recommendation.pk, "GT")].pk == newer.pk
    latest = published(recommendation, member, curator, status="in_progress", date=datetime.date(2025, 2, 1))
    assert current_reports([recommendation.pk])[(recommendation.pk, "GT")].pk == latest.pk


def test_reports_of_an_unpublished_recommendation_disappear(recommendation, people):
    published(recommendation, people["member"], people["curator"])
    assert (recommendation.pk, "GT") in current_reports()
    recommendation.unpublish()
    assert (recommendation.pk, "GT") not in current_reports()
    assert all(row["id"] != recommendation.pk for row in board(board_query(_params()))["recommendations"])


def test_practices_show_the_recommendations_they_are_evidence_for(recommendation, people):
    from cms.models import PracticePage

    practice = factories.practice("published")
    assert PracticePage.objects.originals().live().filter(pk=practice.pk).exists()
    before = set(recommendations_evidenced_by(practice))
    report = submitted(recommendation, people["member"], practices=[practice.pk])
    assert recommendation not in recommendations_evidenced_by(practice)  # not reviewed yet
    followups.publish(report=report, user=people["curator"])
    assert set(recommendations_evidenced_by(practice)) == before | {recommendation}


# --- The board -------------------------------------------------------------------------------


def _params(**values):
    from django.http import QueryDict

    query = QueryDict(mutable=True)
    for name, value in values.items():
        query.setlist(name, value if isinstance(value, list) else [value])
    return query


def test_board_counts_pairs_by_current_status_and_filters(recommendation, people):
    everything = board(board_query(_params()))
    totals = everything["totals"]
    assert totals["pairs"] == sum(totals["by_status"].values()) == sum(c["total"] for c in everything["countries"])
    before = totals["by_status"]["planned"]
    published(recommendation, people["member"], people["curator"])  # GT, planned
    after = board(board_query(_params()))
    assert after["totals"]["by_status"]["planned"] == before + 1
    assert {"code": "GT"}.items() <= next(c for c in after["countries"] if c["code"] == "GT").items()
    only = board(board_query(_params(country="GT", status=["planned", "implemented"])))
    assert [row["id"] for row in only["recommendations"]] == [recommendation.pk]
    assert only["totals"]["by_status"]["planned"] == 1
    # AND across filters: the recommendation is in table 1, so table 2 leaves nothing.
    assert board(board_query(_params(country="GT", table="2")))["recommendations"] == []
    assert [row["id"] for row in board(board_query(_params(country="GT", table=["1", "2"])))["recommendations"]] == [
        recommendation.pk
    ]


def test_board_rejects_unknown_filters():
    from cms.progress import BoardError

    with pytest.raises(BoardError) as error:
        board_query(_params(status="done", group_by="colour", country="ZZ"))
    assert set(error.value.errors) == {"status", "group_by", "country"}


# --- Notifications and following -----------------------------------------------------------------


def test_a_status_change_tells_authors_secretariat_and_followers_in_their_language(
    recommendation, people, django_capture_on_commit_callbacks
):
    from wagtail.users.models import UserProfile

    follower = people["liaison2"]
    people["secretariat1"]  # table 1's secretariat, there before the report
    profile = UserProfile.get_for_user(follower)
    profile.preferred_language = "en"
    profile.save()
    assert followups.follow(recommendation=recommendation, user=follower) is True
    assert followups.follow(recommendation=recommendation, user=follower) is False  # already following
    update_settings(user=follower, follow_up="immediate")  # the others keep the default: a daily digest
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        published(recommendation, people["member"], people["curator"])
        assert mail.outbox == []  # after commit only
    follow_up = [m for m in mail.outbox if m.subject.startswith(("Follow-up", "Seguimiento"))]
    assert [(m.to[0], m.subject.split(":")[0]) for m in follow_up] == [(follower.email, "Follow-up")]
    mail.outbox.clear()
    send_due(force=True)
    digests = {message.to[0]: message.body for message in mail.outbox}
    # The author (a delegate of table 1) and table 1's secretariat, in their digest.
    for name in ("delegate1", "secretariat1"):  # under the recommendation's title, its new status in Spanish
        digest = digests[people[name].email]
        assert f"* {recommendation.title}" in digest, name
        assert f"Seguimiento (Guatemala): {FOLLOW_UP_STATUSES.label('planned', 'es')}" in digest, name
    assert follower.email not in digests
    # An older fact does not change the current status: nobody is told.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        published(recommendation, people["member"], people["curator"], date=DATE - datetime.timedelta(days=5))
    send_due(force=True)
    assert not any("Seguimiento (Guatemala)" in m.body or m.subject.startswith("Follow-up") for m in mail.outbox)
    followups.unfollow(recommendation=recommendation, user=follower)
    assert not followups.is_following(follower, recommendation)


def test_nothing_is_sent_when_the_review_rolls_back(recommendation, people, django_capture_on_commit_callbacks):
    report = submitted(recommendation, people["member"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                followups.publish(report=report, user=people["curator"])
                raise RuntimeError("rolled back")
        except RuntimeError:
            pass
    assert mail.outbox == [] and callbacks == []
    report.refresh_from_db()
    assert report.review_status == "submitted"


def test_sent_back_reports_tell_their_reporter(recommendation, people, django_capture_on_commit_callbacks):
    report = submitted(recommendation, people["member"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        followups.send_back(report=report, user=people["curator"], comment="Indique la fuente.")
    assert mail.outbox == []  # a member's moderation news come in their daily digest by default
    send_due(force=True)
    mine = [message for message in mail.outbox if message.to == [people["member"].email]]
    assert len(mine) == 1 and "Indique la fuente." in mine[0].body


def test_following_and_unfollowing_ask_for_a_signed_in_person(recommendation):
    """Both refuse an anonymous visitor with the service's error (``unfollow`` once failed with
    an UnboundLocalError: its ``_`` unpacking shadowed gettext; ruff's F823 found it)."""
    from django.contrib.auth.models import AnonymousUser

    from workflows.errors import NotAllowed

    for action in (followups.follow, followups.unfollow):
        with pytest.raises(NotAllowed):
            action(recommendation=recommendation, user=AnonymousUser())
